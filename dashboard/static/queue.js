// The triage queue refreshes itself: every few seconds it asks /api/queue (same filter and page) and,
// when what it shows changed, swaps in the new rows (rendered and escaped by the server) and says so
// in the live region. It waits while an officer is typing a note or has focus inside the table.
// It stops while the tab is hidden (document.visibilityState) and refreshes at once when it is shown
// again. Each poll says it is one (X-Servator-Background), so it does not keep the session alive:
// an unattended queue signs out after the idle time like any other page.
(function () {
  "use strict";
  var POLL_MS = 4000;
  var table = document.getElementById("queue");
  var body = document.getElementById("queue-rows");
  var count = document.getElementById("queue-count");
  if (!table || !body || !window.fetch) { return; }
  var here = window.location.pathname + window.location.search;

  function busy() {
    var active = document.activeElement;
    return active && active !== document.body && body.contains(active) && active.value;
  }

  function refresh() {
    var url = table.getAttribute("data-poll") + "&here=" + encodeURIComponent(here);
    var headers = { "Accept": "application/json", "X-Servator-Background": "poll" };
    fetch(url, { credentials: "same-origin", headers: headers })
      .then(function (response) {
        if (response.status === 401) { window.location.assign("/login?next=" + encodeURIComponent(here)); return null; }
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (!data || data.signature === table.getAttribute("data-signature") || busy()) { return; }
        var before = table.querySelectorAll("tbody tr[data-reference]").length;
        body.innerHTML = data.html;
        table.setAttribute("data-signature", data.signature);
        var after = table.querySelectorAll("tbody tr[data-reference]").length;
        var change = after > before ? " " + (after - before) + " new." : "";
        count.textContent = data.total + (data.total === 1 ? " report" : " reports") + ". Updated." + change;
      })
      .catch(function () { /* offline for a moment: try again next time */ });
  }

  var timer = null;

  function follow() {
    if (document.visibilityState === "hidden") {
      if (timer !== null) { window.clearInterval(timer); timer = null; }
    } else if (timer === null) {
      if (table.hasAttribute("data-polled")) { refresh(); }
      table.setAttribute("data-polled", "");
      timer = window.setInterval(refresh, POLL_MS);
    }
  }

  document.addEventListener("visibilitychange", follow);
  follow();
}());
