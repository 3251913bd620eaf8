// Typeset the math that pymdownx.arithmatex marked up, with the KaTeX the site serves itself.
// Notebook pages (mkdocs-jupyter) keep TeX between $...$ and $$...$$ in their
// Markdown cells: those delimiters are typeset there, and only there.
(function () {
  function typeset(root) {
    root.querySelectorAll(".arithmatex").forEach(function (element) {
      renderMathInElement(element, {
        delimiters: [
          { left: "\\(", right: "\\)", display: false },
          { left: "\\[", right: "\\]", display: true },
        ],
        throwOnError: false,
      });
    });
    root.querySelectorAll(".jupyter-wrapper .jp-MarkdownCell").forEach(function (element) {
      renderMathInElement(element, {
        delimiters: [
          { left: "$$", right: "$$", display: true },
          { left: "$", right: "$", display: false },
        ],
        throwOnError: false,
      });
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { typeset(document.body); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { typeset(document.body); });
  }
})();
