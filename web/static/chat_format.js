// Shapes the assistant's plain-text replies for the page, with DOM nodes and textContent only:
// paragraphs; lines starting with "•" as a list; the numbers and web addresses of the contacts
// file as links (tel:, sms:, https:); a report reference or a follow-up code as its own block,
// never broken across lines, with a Copy button.
(function () {
  "use strict";

  var chat = document.getElementById("chat");
  var BULLET = /^\s*[•\-]\s+/;

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // What to keep whole: a reference (SRV-20261206-YA6WTR) and a follow-up code (XXXX-XXXX-XXXX-XXXX).
  var referenceAlphabet = escapeRegExp(chat.getAttribute("data-reference-alphabet") || "A-Z0-9");
  var codeAlphabet = escapeRegExp(chat.getAttribute("data-code-alphabet") || "A-Z0-9");
  var KEEP = new RegExp(
    "(?:^|[^A-Za-z0-9-])(" +
      "SRV-[0-9]{8}-[" + referenceAlphabet + "]{6}" +
      "|[" + codeAlphabet + "]{4}(?:-[" + codeAlphabet + "]{4}){3}" +
    ")(?![A-Za-z0-9-])"
  );

  // The contacts' numbers and web addresses, as the page lists them (rendered from contacts.yml).
  var links = Array.prototype.map.call(document.querySelectorAll("#contact-links a"), function (a) {
    return { text: a.textContent, href: a.getAttribute("href") };
  }).filter(function (link) { return link.text && link.href; });
  links.sort(function (a, b) { return b.text.length - a.text.length; }); // "18001 101" before "101"
  var hrefFor = {};
  links.forEach(function (link) { hrefFor[link.text] = link.href; });
  var LINK = links.length ? new RegExp(
    "(?<![A-Za-z0-9/.-])(" + links.map(function (l) { return escapeRegExp(l.text); }).join("|") + ")(?![A-Za-z0-9/-])",
    "g"
  ) : null;

  // Text with the contacts' numbers and addresses as links; everything else as text nodes.
  function linked(text) {
    var fragment = document.createDocumentFragment();
    var at = 0;
    if (LINK) {
      LINK.lastIndex = 0;
      var match;
      while ((match = LINK.exec(text)) !== null) {
        if (match.index > at) { fragment.appendChild(document.createTextNode(text.slice(at, match.index))); }
        var a = document.createElement("a");
        a.href = hrefFor[match[1]];
        a.textContent = match[1];
        if (a.href.indexOf("https:") === 0) { a.rel = "noreferrer"; a.target = "_blank"; }
        fragment.appendChild(a);
        at = match.index + match[0].length;
      }
    }
    if (at < text.length) { fragment.appendChild(document.createTextNode(text.slice(at))); }
    return fragment;
  }

  function paragraph(text) {
    var p = document.createElement("p");
    p.appendChild(linked(text));
    return p;
  }

  function copyText(value, code, button, status) {
    function say(words) {
      status.textContent = words;
      button.classList.toggle("done", words === "Copied");
      window.clearTimeout(button.copiedTimer);
      button.copiedTimer = window.setTimeout(function () {
        status.textContent = "";
        button.classList.remove("done");
      }, 5000);
    }
    function selectIt() {
      var selection = window.getSelection();
      selection.removeAllRanges();
      var range = document.createRange();
      range.selectNodeContents(code);
      selection.addRange(range);
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
      say(copied ? "Copied" : "Selected: use your device's Copy");
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(value).then(function () { say("Copied"); }, selectIt);
    } else {
      selectIt();
    }
  }

  // "Your reference: SRV-…" as a block: its label, the value unbroken, a Copy button, a status.
  function keepBlock(label, value) {
    var block = document.createElement("div");
    block.className = "keep";
    var name = label.replace(/[\s:,-]+$/, "").replace(/\s+(?:is|was)$/i, "").trim();
    if (name) {
      var caption = document.createElement("span");
      caption.className = "keep-label";
      caption.textContent = name;
      block.appendChild(caption);
    }
    var code = document.createElement("code");
    code.className = "keep-value";
    code.setAttribute("translate", "no");
    code.textContent = value;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy " + value);
    var status = document.createElement("span");
    status.className = "copied";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () { copyText(value, code, button, status); });
    block.appendChild(code);
    block.appendChild(button);
    block.appendChild(status);
    return block;
  }

  // One line: plain, or with a value to keep (then the block, and what follows it as a paragraph).
  function addLine(container, line) {
    var found = KEEP.exec(line);
    if (!found) {
      container.appendChild(paragraph(line));
      return;
    }
    var start = found.index + found[0].length - found[1].length;
    container.appendChild(keepBlock(line.slice(0, start), found[1]));
    var rest = line.slice(start + found[1].length).replace(/^[\s.,;:]+/, "");
    if (rest) { addLine(container, rest); }
  }

  // A reply as paragraphs, lists and blocks (container: the message's element).
  function render(container, text) {
    var list = null;
    String(text).split("\n").forEach(function (line) {
      if (!line.trim()) { list = null; return; }
      if (BULLET.test(line)) {
        if (!list) {
          list = document.createElement("ul");
          container.appendChild(list);
        }
        var item = document.createElement("li");
        addLine(item, line.replace(BULLET, ""));
        list.appendChild(item);
        return;
      }
      list = null;
      addLine(container, line);
    });
  }

  window.ServatorFormat = { render: render };
}());
