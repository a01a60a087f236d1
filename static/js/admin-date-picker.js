/* Wagtail's date picker (jquery-datetimepicker) builds its "Save Selected" button with an
   English label it takes from no translation. Give it the label the script tag carries
   (translated on the server), on the pickers present and on those built later. */
(function () {
  "use strict";
  var script = document.currentScript;
  var label = script && script.dataset.label;
  if (!label) {
    return;
  }
  function rename(root) {
    if (root.nodeType !== 1) {
      return;
    }
    var buttons = root.matches(".xdsoft_save_selected")
      ? [root]
      : root.querySelectorAll(".xdsoft_save_selected");
    Array.prototype.forEach.call(buttons, function (button) {
      if (button.textContent !== label) {
        button.textContent = label;
      }
    });
  }
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      Array.prototype.forEach.call(record.addedNodes, rename);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  rename(document.documentElement);
})();
