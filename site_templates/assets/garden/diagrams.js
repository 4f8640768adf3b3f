// Garden's diagrams: every [data-garden-diagram] drawn by the site's own Mermaid, in
// the page itself (not a closed shadow root), in strict mode: a node's link comes from
// the "click" line Garden wrote, never from script. Labels keep the body text size; a
// diagram wider than the column scrolls, pans and gets zoom and full-screen buttons.
// Light and dark follow Material's palette.
(function () {
  "use strict"
  var drawn = 0
  var ZOOM = [0.25, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2]
  var NARROW = 600 // px: below this, Garden's own diagrams are drawn top to bottom

  function dark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate"
  }

  function setUp() {
    var typeset = document.querySelector(".md-typeset") || document.body
    var style = getComputedStyle(typeset)
    window.mermaid.initialize({
      startOnLoad: false,
      securityLevel: "strict",
      theme: dark() ? "dark" : "default",
      fontFamily: style.fontFamily,
      themeVariables: { fontSize: style.fontSize, fontFamily: style.fontFamily },
      flowchart: { useMaxWidth: false, htmlLabels: true },
    })
  }

  // The full-screen icon: four corners (system fonts rarely carry a glyph for it).
  var CORNERS = "M4 4h6v2H6v4H4V4zm10 0h6v6h-2V6h-4V4zM4 14h2v4h4v2H4v-6zm14 0h2v6h-6v-2h4v-4z"

  function button(action, label, text) {
    var node = document.createElement("button")
    node.type = "button"
    node.className = "garden-diagram__button"
    node.dataset.gardenDiagramAction = action
    node.setAttribute("aria-label", label)
    node.title = label
    if (text) node.textContent = text
    else {
      var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg")
      var path = document.createElementNS("http://www.w3.org/2000/svg", "path")
      svg.setAttribute("viewBox", "0 0 24 24")
      svg.setAttribute("aria-hidden", "true")
      path.setAttribute("d", CORNERS)
      svg.appendChild(path)
      node.appendChild(svg)
    }
    return node
  }

  function toolbar(root) {
    var bar = document.createElement("div")
    bar.className = "garden-diagram__toolbar"
    bar.append(button("zoom-out", "Zoom out · 缩小", "−"), button("zoom-reset", "Actual size · 原始大小", "100%"),
      button("zoom-in", "Zoom in · 放大", "+"), button("full-screen", "Full screen · 全屏", ""))
    bar.querySelector("[data-garden-diagram-action=full-screen]").setAttribute("aria-pressed", "false")
    root.insertBefore(bar, root.firstChild)
    return bar
  }

  function scale(root, zoom) {
    var svg = root.querySelector(".garden-diagram__canvas svg")
    if (!svg) return
    var box = svg.viewBox.baseVal
    root.dataset.gardenZoom = String(zoom)
    svg.style.maxWidth = "none"
    svg.style.width = box.width * zoom + "px"
    svg.style.height = box.height * zoom + "px"
    var reset = root.querySelector("[data-garden-diagram-action=zoom-reset]")
    if (reset) reset.textContent = Math.round(zoom * 100) + "%"
  }

  function fits(root) {
    var svg = root.querySelector(".garden-diagram__canvas svg")
    var canvas = root.querySelector(".garden-diagram__canvas")
    return !svg || svg.viewBox.baseVal.width <= canvas.clientWidth + 1
  }

  function showToolbar(root) {
    var bar = root.querySelector(".garden-diagram__toolbar")
    if (bar) bar.hidden = fits(root) && !root.classList.contains("garden-diagram--full")
  }

  // SVG links show a tooltip from a <title> child: from the node's title (Garden's summary).
  function titleLinks(svg) {
    svg.querySelectorAll("a").forEach(function (link) {
      var titled = link.querySelector("[title]")
      var text = titled ? titled.getAttribute("title") : ""
      link.classList.add("garden-diagram__link")
      if (text && !link.querySelector(":scope > title")) {
        var title = document.createElementNS("http://www.w3.org/2000/svg", "title")
        title.textContent = text
        link.insertBefore(title, link.firstChild)
      }
    })
  }

  function draw(root) {
    var source = root.querySelector(".garden-diagram__source")
    var id = "garden-diagram-" + ++drawn
    root.dataset.gardenDrawn = "pending"
    // The click lines Garden wrote for matched nodes wait in an attribute, out of the text.
    var text = source.textContent.replace(/\n*$/, "\n") + (root.dataset.gardenClicks || "")
    if (root.dataset.gardenNarrow && root.clientWidth < NARROW) {  // a phone: read down, not across
      text = text.replace(/^flowchart LR/, "flowchart " + root.dataset.gardenNarrow)
    }
    return window.mermaid.render(id, text).then(function (result) {
      var canvas = root.querySelector(".garden-diagram__canvas")
      if (!canvas) {
        canvas = document.createElement("div")
        canvas.className = "garden-diagram__canvas"
        // Focusable, so arrow keys scroll a wide diagram as they scroll the page.
        canvas.tabIndex = 0
        canvas.setAttribute("role", "region")
        canvas.setAttribute("aria-label", root.getAttribute("aria-label") || "Diagram · 图")
        canvas.addEventListener("pointerdown", pan)
        root.appendChild(canvas)
      }
      canvas.innerHTML = result.svg
      // No bindFunctions: in strict mode it would only add Mermaid's own tooltip box;
      // the SVG <title> below is the tooltip, shown by the browser, read by screen readers.
      titleLinks(canvas.querySelector("svg"))
      source.hidden = true
      root.dataset.gardenDrawn = "true"
      if (!root.querySelector(".garden-diagram__toolbar")) toolbar(root)
      scale(root, Number(root.dataset.gardenZoom || 1))
      showToolbar(root)
    }).catch(function (error) {
      // Never Mermaid's error picture: the source stays, with what went wrong.
      var left = document.getElementById("d" + id)
      if (left) left.remove()
      var note = root.querySelector(".garden-diagram__error") || document.createElement("p")
      note.className = "garden-diagram__error"
      note.setAttribute("role", "note")
      note.textContent = "Mermaid could not draw this diagram · 无法绘制此图: " +
        String((error && error.message) || error).split("\n")[0]
      root.insertBefore(note, source)
      root.dataset.gardenDrawn = "error"
    })
  }

  function drawAll(again) {
    if (!window.mermaid) {  // mermaid2 lists the library after Garden's scripts
      if (document.readyState !== "complete") window.addEventListener("load", function () { drawAll(again) }, { once: true })
      return
    }
    var roots = document.querySelectorAll(again ? "[data-garden-diagram][data-garden-drawn=true]"
      : "[data-garden-diagram]:not([data-garden-drawn])")
    if (!roots.length) return
    setUp()
    // One at a time: Mermaid keeps state while it renders.
    Array.prototype.reduce.call(roots, function (done, root) {
      return done.then(function () { return draw(root) })
    }, Promise.resolve())
  }

  document.addEventListener("click", function (event) {
    var control = event.target.closest && event.target.closest("[data-garden-diagram-action]")
    if (!control) return
    var root = control.closest("[data-garden-diagram]")
    var action = control.dataset.gardenDiagramAction
    var zoom = Number(root.dataset.gardenZoom || 1)
    var at = ZOOM.indexOf(zoom)
    if (action === "zoom-in") scale(root, ZOOM[Math.min(ZOOM.length - 1, at + 1)] || 1)
    else if (action === "zoom-out") scale(root, ZOOM[Math.max(0, at - 1)] || 1)
    else if (action === "zoom-reset") scale(root, 1)
    else if (action === "full-screen") fullScreen(root, !root.classList.contains("garden-diagram--full"))
  })

  // Drag the background to pan; text and links keep the pointer (text stays selectable).
  function pan(event) {
    var canvas = event.currentTarget
    if (event.button !== 0 || event.target.closest("a, .nodeLabel, .edgeLabel, text")) return
    if (canvas.scrollWidth <= canvas.clientWidth && canvas.scrollHeight <= canvas.clientHeight) return
    var x = event.clientX, y = event.clientY
    canvas.setPointerCapture(event.pointerId)
    canvas.classList.add("garden-diagram__canvas--panning")
    function move(next) {
      canvas.scrollLeft -= next.clientX - x
      canvas.scrollTop -= next.clientY - y
      x = next.clientX
      y = next.clientY
    }
    function stop() {
      canvas.classList.remove("garden-diagram__canvas--panning")
      canvas.removeEventListener("pointermove", move)
      canvas.removeEventListener("pointerup", stop)
      canvas.removeEventListener("pointercancel", stop)
    }
    canvas.addEventListener("pointermove", move)
    canvas.addEventListener("pointerup", stop)
    canvas.addEventListener("pointercancel", stop)
    event.preventDefault()
  }

  function fullScreen(root, on) {
    root.classList.toggle("garden-diagram--full", on)
    document.documentElement.classList.toggle("garden-diagram-open", on)
    root.querySelector("[data-garden-diagram-action=full-screen]").setAttribute("aria-pressed", String(on))
    showToolbar(root)
  }

  document.addEventListener("keydown", function (event) {
    var open = document.querySelector(".garden-diagram--full")
    if (event.key === "Escape" && open) fullScreen(open, false)
  })

  window.addEventListener("resize", function () {
    document.querySelectorAll("[data-garden-diagram][data-garden-drawn=true]").forEach(showToolbar)
  })

  // Material switches its palette on <body>: the diagrams follow.
  new MutationObserver(function () { drawAll(true) })
    .observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] })

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(function () { drawAll(false) })
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { drawAll(false) })
  else drawAll(false)
})()
