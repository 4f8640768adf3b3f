// Formulas ($…$ and $$…$$) drawn by KaTeX, served by the site itself. Python-Markdown's
// arithmatex leaves each as \(…\) in a span or \[…\] in a div with class "arithmatex".
(function () {
  "use strict"

  function tex(element) {
    return element.textContent.trim().replace(/^\\[([]/, "").replace(/\\[)\]]$/, "")
  }

  function render() {
    if (!window.katex) return
    document.querySelectorAll(".arithmatex:not([data-garden-math])").forEach(function (element) {
      element.setAttribute("data-garden-math", "")
      // A formula KaTeX cannot read is shown as written, in red, not dropped.
      window.katex.render(tex(element), element, { displayMode: element.tagName === "DIV", throwOnError: false })
    })
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(render)
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", render)
  else render()
})()
