// The web chat: sends what the person types (or the button they press) to /api/message and
// shows the replies. Everything anyone writes goes in with textContent, never as markup; the
// assistant's replies are shaped by chat_format.js. The conversation on screen is kept in this
// tab's sessionStorage, so a reload shows it again; "/forget" clears it, and closing the tab ends it.
(function () {
  "use strict";

  var SESSION_KEY = "servator-session";
  var TRANSCRIPT_KEY = "servator-transcript";
  var SESSION_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
  var FORGET = /^\s*\/forget\s*$/i;
  var REQUEST_TIMEOUT_MS = 30000;
  var MAX_KEPT = 400; // entries kept for a reload (the oldest go first)
  var MAX_LINES = 5; // the message box grows to this many lines, then scrolls

  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("message");
  var hint = document.getElementById("message-hint");
  var maxChars = Number(document.getElementById("chat").getAttribute("data-max-chars")) || 0;
  // Both texts are rendered by the server from the domain and the contacts file.
  var unavailableText = document.getElementById("unavailable-text").textContent.trim();
  var tooLongText = document.getElementById("too-long-text").textContent.trim();
  var format = window.ServatorFormat;

  function stored(key) {
    try { return window.sessionStorage.getItem(key); } catch (e) { return null; }
  }

  function store(key, value) {
    try {
      if (value === null) { window.sessionStorage.removeItem(key); } else { window.sessionStorage.setItem(key, value); }
    } catch (e) { /* private mode or full: the chat goes on without surviving a reload */ }
  }

  function newSessionId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }

  // One random id per browser tab, so a reload continues the same conversation.
  function sessionId() {
    var id = stored(SESSION_KEY);
    if (!id || !SESSION_PATTERN.test(id)) {
      id = newSessionId();
      store(SESSION_KEY, id);
    }
    return id;
  }

  var session = sessionId();
  var queue = Promise.resolve();
  // What is on screen, for a reload: {role: "user"|"bot", text} and {role: "choices", buttons, used, chosen}.
  var transcript = [];

  function save() {
    if (transcript.length > MAX_KEPT) { transcript = transcript.slice(transcript.length - MAX_KEPT); }
    store(TRANSCRIPT_KEY, JSON.stringify({ session: session, entries: transcript }));
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  function addMessage(role, text) {
    var item = document.createElement("div");
    item.className = "message " + role;
    var who = document.createElement("span");
    who.className = "visually-hidden";
    who.textContent = role === "user" ? "You said: " : "Assistant: ";
    var body = document.createElement("div");
    body.className = "text";
    if (role === "bot" && format) {
      format.render(body, text);
    } else {
      body.textContent = text;
    }
    item.appendChild(who);
    item.appendChild(body);
    log.appendChild(item);
    scrollToEnd();
  }

  // The send and cancel choices look different from the others (and from each other).
  function kindOf(choice, all) {
    if (choice.payload === "/cancel") { return "cancel"; }
    var cancellable = all.some(function (other) { return other.payload === "/cancel"; });
    return choice.payload === "/affirm" && cancellable ? "primary" : "";
  }

  // Once answered (a button pressed, or anything typed after them), suggestions cannot be pressed again.
  function closeChoices(entry, group, chosen) {
    if (entry.used) { return; }
    entry.used = true;
    entry.chosen = chosen;
    markUsed(group, chosen);
  }

  function markUsed(group, chosen) {
    group.classList.add("used");
    Array.prototype.forEach.call(group.querySelectorAll("button"), function (button, index) {
      button.disabled = true;
      if (index === chosen) {
        button.classList.add("chosen");
        button.setAttribute("aria-pressed", "true");
      }
    });
  }

  function addButtons(entry) {
    var group = document.createElement("div");
    group.className = "choices";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Suggested replies");
    entry.buttons.forEach(function (choice, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = ("choice " + kindOf(choice, entry.buttons)).trim();
      button.textContent = choice.title;
      button.addEventListener("click", function () {
        if (entry.used) { return; }
        closeChoices(entry, group, index);
        send(choice.payload, choice.title);
        input.focus();
      });
      group.appendChild(button);
    });
    entry.close = function () { closeChoices(entry, group, -1); };
    if (entry.used) { markUsed(group, entry.chosen); }
    log.appendChild(group);
    scrollToEnd();
  }

  function show(entry) {
    if (entry.role === "choices") {
      addButtons(entry);
    } else {
      addMessage(entry.role, entry.text);
    }
  }

  function record(entry) {
    transcript.push(entry);
    show(entry);
  }

  // `keep`: false right after "/forget", whose answer is shown but not kept for a reload.
  function showReplies(replies, keep) {
    var add = keep ? record : show;
    replies.forEach(function (reply) {
      if (reply.text) { add({ role: "bot", text: String(reply.text) }); }
      if (reply.buttons && reply.buttons.length) {
        add({
          role: "choices",
          buttons: reply.buttons.map(function (b) { return { title: String(b.title), payload: String(b.payload) }; }),
          used: false,
          chosen: -1,
        });
      }
    });
    if (keep) { save(); }
  }

  function closeAllChoices() {
    transcript.forEach(function (entry) {
      if (entry.role === "choices" && !entry.used && entry.close) { entry.close(); }
    });
  }

  // "/forget": the conversation on screen and its copy in this tab go, as the assistant's do.
  function forgetOnScreen() {
    transcript = [];
    store(TRANSCRIPT_KEY, null);
    Array.prototype.slice.call(log.children).forEach(function (child) {
      if (!child.classList.contains("intro")) { log.removeChild(child); }
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
    }, message);
  }

  function tooLong() { return { replies: [{ text: tooLongText, buttons: [] }] }; }

  // POST to the chat server (/api/message with the typed `message`, or /api/photo from photo.js)
  // and show the replies.
  function post(url, request, message) {
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
      var forgotten = typeof message === "string" && FORGET.test(message);
      if (forgotten) { forgetOnScreen(); }
      showReplies(Array.isArray(data.replies) ? data.replies : [], !forgotten);
    });
  }

  // Show what the person sent (a button's title, or their words) and queue the request,
  // so replies always appear in the order the messages were sent.
  function send(message, shownAs) {
    closeAllChoices();
    record({ role: "user", text: shownAs });
    save();
    queue = queue.then(function () { return deliver(message); });
  }

  function updateHint() {
    hint.textContent = maxChars && input.value.length > maxChars ? tooLongText : "";
  }

  // The box grows with what is typed, up to MAX_LINES lines, then scrolls inside.
  function fitInput() {
    var style = window.getComputedStyle(input);
    var line = parseFloat(style.lineHeight) || 27;
    var frame = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) +
      parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
    input.style.height = "auto";
    var wanted = Math.min(input.scrollHeight + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth),
      line * MAX_LINES + frame);
    input.style.height = Math.ceil(wanted) + "px";
  }

  function restore() {
    var kept = null;
    try { kept = JSON.parse(stored(TRANSCRIPT_KEY) || "null"); } catch (e) { kept = null; }
    if (!kept || kept.session !== session || !Array.isArray(kept.entries)) { return; }
    kept.entries.forEach(function (entry) {
      if (!entry || typeof entry !== "object") { return; }
      if ((entry.role === "user" || entry.role === "bot") && typeof entry.text === "string") {
        record({ role: entry.role, text: entry.text });
      } else if (entry.role === "choices" && Array.isArray(entry.buttons)) {
        record({
          role: "choices",
          buttons: entry.buttons.filter(function (b) { return b && typeof b.title === "string"; })
            .map(function (b) { return { title: b.title, payload: String(b.payload || b.title) }; }),
          used: Boolean(entry.used),
          chosen: typeof entry.chosen === "number" ? entry.chosen : -1,
        });
      }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) { input.focus(); return; }
    input.value = "";
    updateHint();
    fitInput();
    send(text, text);
    input.focus();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener("input", function () {
    updateHint();
    fitInput();
  });
  window.addEventListener("resize", fitInput);

  // For photo.js (the "Add a photo" control): this session, and its requests queued with the messages.
  window.servatorChat = {
    session: session,
    send: function (url, request, shownAs) {
      closeAllChoices();
      record({ role: "user", text: shownAs });
      save();
      queue = queue.then(function () { return post(url, request); });
    },
  };

  restore();
  fitInput();
  scrollToEnd();
})();
