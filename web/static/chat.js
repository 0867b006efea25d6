// The web chat: sends what the person types (or the button they press) to /api/message and
// shows the replies. Everything anyone writes goes in with textContent, never as markup.
(function () {
  "use strict";

  var SESSION_KEY = "servator-session";
  var SESSION_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
  var REQUEST_TIMEOUT_MS = 30000;

  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("message");
  var hint = document.getElementById("message-hint");
  var maxChars = Number(document.getElementById("chat").getAttribute("data-max-chars")) || 0;
  // Both texts are rendered by the server from the domain and the contacts file.
  var unavailableText = document.getElementById("unavailable-text").textContent.trim();
  var tooLongText = document.getElementById("too-long-text").textContent.trim();

  function newSessionId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }

  // One random id per browser tab, so a reload continues the same conversation.
  function sessionId() {
    var id = null;
    try { id = window.sessionStorage.getItem(SESSION_KEY); } catch (e) { id = null; }
    if (!id || !SESSION_PATTERN.test(id)) {
      id = newSessionId();
      try { window.sessionStorage.setItem(SESSION_KEY, id); } catch (e) { /* private mode: keep it in memory */ }
    }
    return id;
  }

  var session = sessionId();
  var queue = Promise.resolve();

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  function addMessage(role, text) {
    var item = document.createElement("div");
    item.className = "message " + role;
    var who = document.createElement("span");
    who.className = "visually-hidden";
    who.textContent = role === "user" ? "You said: " : "Assistant: ";
    var body = document.createElement("span");
    body.className = "text";
    body.textContent = text;
    item.appendChild(who);
    item.appendChild(body);
    log.appendChild(item);
    scrollToEnd();
  }

  function addButtons(buttons) {
    var group = document.createElement("div");
    group.className = "choices";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Suggested replies");
    buttons.forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "choice";
      button.textContent = choice.title;
      button.addEventListener("click", function () {
        send(choice.payload, choice.title);
        input.focus();
      });
      group.appendChild(button);
    });
    log.appendChild(group);
    scrollToEnd();
  }

  function showReplies(replies) {
    replies.forEach(function (reply) {
      if (reply.text) { addMessage("bot", reply.text); }
      if (reply.buttons && reply.buttons.length) { addButtons(reply.buttons); }
    });
  }

  function showTyping() {
    var typing = document.createElement("div");
    typing.className = "message bot typing";
    typing.setAttribute("aria-hidden", "true");
    typing.textContent = "\u2026";
    log.appendChild(typing);
    scrollToEnd();
    return typing;
  }

  function deliver(message) {
    return post("/api/message", {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ session: session, message: message }),
    });
  }

  function tooLong() { return { replies: [{ text: tooLongText, buttons: [] }] }; }

  // POST to the chat server (/api/message, or /api/photo from photo.js) and show the replies.
  function post(url, request) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS);
    var typing = showTyping();
    log.setAttribute("aria-busy", "true");
    return fetch(url, {
      method: "POST",
      headers: request.headers || {},
      body: request.body,
      signal: controller.signal,
      credentials: "same-origin",
    }).then(function (response) {
      // Too large, or over a rate limit: the server's answer says why when it has words for it.
      if (response.status === 413 || response.status === 429) {
        return response.json().then(function (data) {
          return Array.isArray(data.replies) ? data : tooLong();
        }, tooLong);
      }
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).catch(function () {
      return { replies: [{ text: unavailableText, buttons: [] }] };
    }).then(function (data) {
      clearTimeout(timer);
      typing.remove();
      log.removeAttribute("aria-busy");
      showReplies(Array.isArray(data.replies) ? data.replies : []);
    });
  }

  // Show what the person sent (a button's title, or their words) and queue the request,
  // so replies always appear in the order the messages were sent.
  function send(message, shownAs) {
    addMessage("user", shownAs);
    queue = queue.then(function () { return deliver(message); });
  }

  function updateHint() {
    hint.textContent = maxChars && input.value.length > maxChars ? tooLongText : "";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) { input.focus(); return; }
    input.value = "";
    updateHint();
    send(text, text);
    input.focus();
  });
  input.addEventListener("input", updateHint);

  // For photo.js (the "Add a photo" control): this session, and its requests queued with the messages.
  window.servatorChat = {
    session: session,
    send: function (url, request, shownAs) {
      addMessage("user", shownAs);
      queue = queue.then(function () { return post(url, request); });
    },
  };
})();
