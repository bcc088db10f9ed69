// Give the Play widget's icon-only buttons names that screen readers can announce.
(function () {
  var names = ["Play", "Pause", "Stop", "Repeat"];
  function label() {
    document.querySelectorAll(".widget-play").forEach(function (play) {
      play.querySelectorAll("button").forEach(function (button, index) {
        if (!button.getAttribute("aria-label")) {
          button.setAttribute("aria-label", names[index] || "Timer control");
        }
      });
    });
  }
  new MutationObserver(label).observe(document.body, { childList: true, subtree: true });
  label();
})();
