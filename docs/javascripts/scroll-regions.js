// A table wider than the page scrolls sideways; a keyboard user must be able
// to reach it to scroll it (WCAG 2.1.1). Material wraps wide tables as the page
// loads; those that do overflow become focusable here.
(function () {
  "use strict";

  function reachable() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1 && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Table, scrolls sideways");
      }
    });
  }

  if (typeof document$ !== "undefined" && document$ && typeof document$.subscribe === "function") {
    document$.subscribe(function () { window.requestAnimationFrame(reachable); });
  } else {
    window.addEventListener("load", reachable);
  }
  window.addEventListener("resize", reachable);
})();
