// The "Add a photo" control: posts the chosen file to /api/photo (multipart/form-data, fields
// `session` and `photo`) through chat.js's queue, so its answer shows in order with the messages.
// The server reads the type from the file's bytes; the file's name is never sent or shown.
(function () {
  "use strict";

  var chat = window.servatorChat;
  var form = document.getElementById("photo-form");
  var input = document.getElementById("photo");
  if (!chat || !form || !input) { return; }
  var sentText = form.getAttribute("data-sent-text") || "Photo";

  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    if (!file) { return; }
    var body = new FormData();
    body.append("session", chat.session);
    body.append("photo", file, "photo");
    input.value = "";
    chat.send("/api/photo", { body: body }, sentText);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  // Shown only when the script runs: the control, its label and what it accepts.
  input.hidden = false;
  Array.prototype.forEach.call(document.querySelectorAll('label[for="photo"], #photo-hint'), function (shown) {
    shown.hidden = false;
  });
})();
