// The concept graph: a note's neighbourhood on its page, the whole garden on /graph/.
// Pages carry empty containers (data-garden-graph="local" | "global"); the data is
// graph.json at the site root, drawn by force-graph from the site's own vendor
// folder, which is loaded only on pages that have a container.
(function () {
  "use strict"
  var LIBRARY = "assets/garden/vendor/force-graph.min.js"
  var DATA = "graph.json"
  var KINDS = [
    { kind: "note", en: "Note", zh: "笔记" },
    { kind: "term", en: "Term", zh: "术语" },
    { kind: "tag", en: "Tag", zh: "标签" },
  ]
  var LOCAL_DEPTH = 2
  var BIG = 500 // nodes; above this the layout runs while the reader watches, not before
  var LABEL_ZOOM = 1.5 // zoomed out further, only hubs and the hovered neighbourhood are named
  var LABEL_PX = 12
  var LABEL_CHARS = 40
  var MIN_NODE_PX = 1.5 // zoomed far out, a note still shows as a dot
  var FIT_MS = 400
  var MAX_FIT_ZOOM = 3 // a note with two neighbours should not fill the box

  var html = document.documentElement
  var mounted = new WeakSet()
  var dataByUrl = new Map()
  var library = null
  var observing = false
  window.gardenGraphs = []

  function reading() {
    var mode = html.dataset.gardenReading
    return mode === "en" || mode === "zh" ? mode : "both"
  }

  function labelOf(node, mode) {
    if ((mode || reading()) === "zh" && node.title_zh) return node.title_zh
    return node.title || node.id
  }

  // Interface words follow the reading switch; graph.js owns these, so it updates them.
  function translate(element) {
    var mode = reading()
    var en = element.dataset.en
    var zh = element.dataset.zh
    element.textContent = mode === "en" ? en : mode === "zh" ? zh : en + " " + zh
  }

  function words(className, en, zh) {
    var element = document.createElement("span")
    element.className = className + " garden-graph__words"
    element.dataset.en = en
    element.dataset.zh = zh
    translate(element)
    return element
  }

  function say(container, en, zh) {
    container.textContent = ""
    container.appendChild(words("garden-graph__message", en, zh))
  }

  function loadLibrary(root) {
    if (window.ForceGraph) return Promise.resolve(window.ForceGraph)
    if (!library) {
      library = new Promise(function (resolve, reject) {
        var script = document.createElement("script")
        script.src = new URL(root + LIBRARY, location.href).href
        script.onload = function () {
          if (window.ForceGraph) resolve(window.ForceGraph)
          else reject(new Error(script.src + " did not define ForceGraph"))
        }
        script.onerror = function () {
          library = null
          reject(new Error("cannot load " + script.src))
        }
        document.head.appendChild(script)
      })
    }
    return library
  }

  // One fetch per page load, shared by every container that names the same root.
  function loadData(root) {
    var url = new URL(root + DATA, location.href).href
    if (!dataByUrl.has(url)) {
      var request = fetch(url)
        .then(function (response) {
          if (!response.ok) throw new Error(url + ": HTTP " + response.status)
          return response.json()
        })
        .then(index)
      // A failed fetch may be a passing outage: the next page may try again.
      request.catch(function () {
        dataByUrl.delete(url)
      })
      dataByUrl.set(url, request)
    }
    return dataByUrl.get(url)
  }

  // graph.json is compact (see garden/graph.py, encode_graph): nodes are rows
  // [id, title, title_zh, kind, url?] and edges, per kind, rows [source, target, …]
  // of node positions. Read back into plain nodes and {source, target, kind} edges.
  function decode(data) {
    var suffix = data.url_suffix || ""
    var nodes = (data.nodes || []).map(function (row) {
      return {
        id: row[0],
        title: row[1],
        title_zh: row[2],
        kind: data.node_kinds[row[3]],
        url: row.length > 4 ? row[4] : encodeURI(row[0]) + suffix,
      }
    })
    var edges = []
    Object.keys(data.edges || {}).forEach(function (kind) {
      data.edges[kind].forEach(function (row) {
        var source = nodes[row[0]]
        for (var at = 1; at < row.length; at++) {
          var target = nodes[row[at]]
          if (source && target) edges.push({ source: source.id, target: target.id, kind: kind })
        }
      })
    })
    return { nodes: nodes, edges: edges }
  }

  // Nodes by id and neighbours in both directions, so hover and depth are lookups.
  function index(raw) {
    var data = decode(raw)
    var byId = new Map()
    var neighbours = new Map()
    ;(data.nodes || []).forEach(function (node) {
      byId.set(node.id, node)
      neighbours.set(node.id, new Set())
    })
    // force-graph throws on an edge to a missing node; a self-link draws nothing useful.
    var edges = (data.edges || []).filter(function (edge) {
      return byId.has(edge.source) && byId.has(edge.target) && edge.source !== edge.target
    })
    edges.forEach(function (edge) {
      neighbours.get(edge.source).add(edge.target)
      neighbours.get(edge.target).add(edge.source)
    })
    return { byId: byId, edges: edges, neighbours: neighbours }
  }

  function neighbourhood(data, start, depth) {
    var seen = new Set([start])
    var frontier = [start]
    for (var step = 0; step < depth; step++) {
      var next = []
      frontier.forEach(function (id) {
        data.neighbours.get(id).forEach(function (other) {
          if (!seen.has(other)) {
            seen.add(other)
            next.push(other)
          }
        })
      })
      frontier = next
    }
    return seen
  }

  // Canvas cannot read CSS variables, so Material's palette is read here (and again
  // when the reader switches between light and dark).
  var scratch = document.createElement("canvas").getContext("2d")

  function withAlpha(color, alpha) {
    scratch.fillStyle = "#000"
    scratch.fillStyle = color
    var normal = scratch.fillStyle // "#rrggbb" or "rgba(r, g, b, a)"
    if (normal[0] === "#") {
      var rgb = [1, 3, 5].map(function (at) {
        return parseInt(normal.slice(at, at + 2), 16)
      })
      return "rgba(" + rgb.join(", ") + ", " + alpha + ")"
    }
    var parts = normal.match(/[\d.]+/g).map(Number)
    return "rgba(" + parts.slice(0, 3).join(", ") + ", " + (parts.length > 3 ? parts[3] : 1) * alpha + ")"
  }

  function theme(element, big) {
    var style = getComputedStyle(element)
    function read(name, fallback) {
      return style.getPropertyValue(name).trim() || fallback
    }
    var text = read("--md-default-fg-color", "rgba(0, 0, 0, 0.87)")
    var primary = read("--md-primary-fg-color", "#009485")
    return {
      note: primary,
      term: read("--md-accent-fg-color", "#ff6e42"),
      tag: read("--md-default-fg-color--light", "rgba(0, 0, 0, 0.54)"),
      text: text,
      halo: read("--md-default-bg-color", "#ffffff"),
      link: withAlpha(text, big ? 0.1 : 0.2),
      linkFaded: withAlpha(text, 0.04),
      linkLit: withAlpha(primary, 0.8),
      font:
        style.fontFamily +
        ', "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
    }
  }

  function draw(ForceGraph, element, mode, root, nodeId, data) {
    var ids = mode === "local" ? neighbourhood(data, nodeId, LOCAL_DEPTH) : new Set(data.byId.keys())
    var nodes = Array.from(ids, function (id) {
      // Copies: force-graph writes positions into its nodes, and each graph has its own.
      var node = Object.assign({}, data.byId.get(id), { degree: data.neighbours.get(id).size })
      // A note's own graph is centred on the note.
      if (id === nodeId) node.fx = node.fy = 0
      return node
    })
    var links = data.edges
      .filter(function (edge) {
        return ids.has(edge.source) && ids.has(edge.target)
      })
      .map(function (edge) {
        return { source: edge.source, target: edge.target, kind: edge.kind }
      })
    var big = nodes.length > BIG
    var colors = theme(element, big)
    var hover = null // { node, near: ids of the node and its neighbours }
    var view = null // the visible part of the graph, so off-screen nodes are skipped
    var labels = [] // nodes to name this frame, drawn after every node so no dot covers them
    var touched = false // the reader has zoomed or panned: leave the view alone
    var fitted = false

    element.textContent = ""
    var stage = document.createElement("div")
    stage.className = "garden-graph__stage"
    element.appendChild(stage)
    element.appendChild(legend(nodes))
    // On a note's page the wheel scrolls the page; its graph zooms once the reader has
    // pressed on it (until the pointer leaves), or on a pinch (which sends Ctrl). The
    // global graph is the page, so it always zooms.
    var engaged = false
    stage.addEventListener("pointerdown", function () {
      touched = engaged = true
    }, { passive: true })
    function zooms(event) {
      return mode === "global" || engaged || event.ctrlKey || event.metaKey
    }
    var hint = words("garden-graph__hint", "Click the graph, then scroll to zoom", "点击图后滚动即可缩放")
    var hintTimer = 0
    element.appendChild(hint)
    stage.addEventListener("wheel", function (event) {
      if (zooms(event)) {
        touched = true
        return
      }
      hint.classList.add("garden-graph__hint--shown")
      clearTimeout(hintTimer)
      hintTimer = setTimeout(function () {
        hint.classList.remove("garden-graph__hint--shown")
      }, 1500)
    }, { passive: true })
    // force-graph keeps its last hovered node after the pointer leaves; the page should not.
    var pointed = null
    stage.addEventListener("pointerleave", function () {
      engaged = false
      focus(null)
    })
    stage.addEventListener("pointerenter", function () {
      focus(pointed)
    })

    function focus(node) {
      hover = node ? { node: node, near: new Set(data.neighbours.get(node.id)).add(node.id) } : null
      entry.hovered = node
      redraw()
    }

    function radius(node) {
      return 3 + Math.min(12, Math.sqrt(node.degree) * 1.5)
    }

    // Names only where they can be read: hubs first, everything once zoomed in; on a
    // note's page its own links; on hover the hovered neighbourhood alone.
    var ring = nodeId ? data.neighbours.get(nodeId) : new Set()
    function named(node, scale) {
      if (hover) return hover.near.has(node.id)
      return scale >= LABEL_ZOOM || radius(node) * scale >= 12 || node.id === nodeId || ring.has(node.id)
    }

    function paintNode(node, ctx, scale) {
      var r = Math.max(radius(node), MIN_NODE_PX / scale)
      if (view && (node.x + r < view.x0 || node.x - r > view.x1 || node.y + r < view.y0 || node.y - r > view.y1)) return
      var faded = hover && !hover.near.has(node.id)
      ctx.globalAlpha = faded ? 0.15 : 1
      ctx.beginPath()
      ctx.arc(node.x, node.y, r, 0, 2 * Math.PI)
      ctx.fillStyle = colors[node.kind] || colors.note
      ctx.fill()
      if (node.id === nodeId) {
        ctx.beginPath()
        ctx.arc(node.x, node.y, r + 2.5 / scale, 0, 2 * Math.PI)
        ctx.lineWidth = 1.5 / scale
        ctx.strokeStyle = colors.text
        ctx.stroke()
      }
      ctx.globalAlpha = 1
      if (!faded && named(node, scale)) labels.push(node)
    }

    function paintLabels(ctx, scale) {
      var mode = reading()
      ctx.save()
      ctx.textAlign = "center"
      ctx.textBaseline = "top"
      ctx.lineJoin = "round"
      ctx.lineWidth = 3 / scale
      ctx.strokeStyle = colors.halo
      ctx.fillStyle = colors.text
      var plain = LABEL_PX / scale + "px " + colors.font
      var bold = "600 " + plain
      // The current and the hovered note last, so that their names are on top.
      function strong(node) {
        return node.id === nodeId || (hover !== null && hover.node === node)
      }
      labels.sort(function (a, b) {
        return strong(a) - strong(b)
      })
      ctx.font = plain
      labels.forEach(function (node) {
        var text = labelOf(node, mode)
        if (text.length > LABEL_CHARS && !(hover && hover.node === node)) text = text.slice(0, LABEL_CHARS - 1) + "…"
        if (strong(node)) ctx.font = bold
        var y = node.y + Math.max(radius(node), MIN_NODE_PX / scale) + 2 / scale
        ctx.strokeText(text, node.x, y)
        ctx.fillText(text, node.x, y)
      })
      ctx.restore()
      labels = []
    }

    function touches(link) {
      return link.source === hover.node || link.target === hover.node
    }

    // Chinese title on hover when both languages are shown; canvas draws the English.
    function tooltip(node) {
      if (reading() !== "both" || !node.title_zh) return null
      var tip = document.createElement("span")
      tip.lang = "zh-Hans"
      tip.textContent = node.title_zh
      return tip
    }

    var graph = new ForceGraph(stage)
      .width(stage.clientWidth)
      .height(stage.clientHeight)
      .backgroundColor("rgba(0, 0, 0, 0)")
      .maxZoom(12)
      .enableZoomInteraction(zooms)
      .graphData({ nodes: nodes, links: links })
      .nodeCanvasObject(paintNode)
      .nodePointerAreaPaint(function (node, color, ctx, scale) {
        ctx.fillStyle = color
        ctx.beginPath()
        ctx.arc(node.x, node.y, Math.max(radius(node), 4 / scale), 0, 2 * Math.PI)
        ctx.fill()
      })
      // Links are not hovered: skip painting 15,000 of them into the hit canvas.
      .linkPointerAreaPaint(function () {})
      .nodeLabel(tooltip)
      // Zoomed in, most links are off screen, and stroking them is most of a frame.
      .linkVisibility(function (link) {
        var a = link.source
        var b = link.target
        return !view || !(
          Math.max(a.x, b.x) < view.x0 || Math.min(a.x, b.x) > view.x1 ||
          Math.max(a.y, b.y) < view.y0 || Math.min(a.y, b.y) > view.y1
        )
      })
      .linkColor(function (link) {
        return !hover ? colors.link : touches(link) ? colors.linkLit : colors.linkFaded
      })
      // Just under a pixel: Skia strokes thin lines on a fast path, and at 1px rounding
      // sometimes tips 15,000 links onto the slow one (a 300 ms frame in software).
      .linkWidth(function (link) {
        return hover && touches(link) ? 1.5 : 0.95
      })
      .showPointerCursor(function (node) {
        return !!node && typeof node.url === "string" // "" is the home page
      })
      .onRenderFramePre(function (ctx, scale) {
        var a = graph.screen2GraphCoords(0, 0)
        var b = graph.screen2GraphCoords(graph.width(), graph.height())
        view = { x0: a.x, y0: a.y, x1: b.x, y1: b.y }
      })
      .onRenderFramePost(paintLabels)
      .onNodeHover(function (node) {
        pointed = node || null
        focus(pointed)
      })
      .onNodeClick(function (node) {
        if (typeof node.url === "string") location.href = new URL(root + node.url, location.href).href
      })
      .d3Force("gravity", gravity(big ? 0.02 : 0.15, stage))
      // Stop once the layout has cooled (force-graph's default never does), with a
      // time limit for slow machines; a small graph is laid out before its first frame.
      .warmupTicks(big ? 0 : 60)
      .d3AlphaDecay(big ? 0.03 : 0.0228)
      .d3AlphaMin(0.003)
      .cooldownTime(big ? 10000 : 3000)
      .onEngineStop(function () {
        if (fitted) return // later stops follow a node drag: keep the reader's view
        fitted = true
        if (!touched) fit()
        setTimeout(function () {
          entry.ready = true
          element.dataset.gardenGraphReady = "true"
        }, touched ? 0 : FIT_MS + 50)
      })

    // A small graph has room for names between the dots.
    if (!big) {
      graph.d3Force("link").distance(45)
      graph.d3Force("charge").strength(-90)
    }
    // Coarser Barnes-Hut for thousands of notes: each layout step a quarter cheaper.
    graph.d3Force("charge").distanceMax(300).theta(big ? 1.2 : 0.9)

    // zoomToFit, but a small neighbourhood is not blown up to fill the box, and the
    // bottom row keeps room for its names (drawn under the dots) and the legend.
    function fit() {
      var box = graph.getGraphBbox()
      if (!box) return
      var side = 40
      var top = 30
      var bottom = 60
      var scale = Math.max(0.01, Math.min(
        MAX_FIT_ZOOM,
        (graph.width() - 2 * side) / Math.max(1, box.x[1] - box.x[0]),
        (graph.height() - top - bottom) / Math.max(1, box.y[1] - box.y[0])
      ))
      var middle = (box.y[0] + box.y[1]) / 2 + (bottom - top) / 2 / scale
      graph.centerAt((box.x[0] + box.x[1]) / 2, middle, FIT_MS)
      graph.zoom(scale, FIT_MS)
    }

    // force-graph repaints only when something changes; setting a paint prop says so.
    function redraw() {
      graph.nodeCanvasObject(paintNode)
    }

    var resize = new ResizeObserver(function () {
      if (stage.clientWidth && stage.clientHeight) graph.width(stage.clientWidth).height(stage.clientHeight)
    })
    resize.observe(stage)

    var entry = {
      element: element,
      mode: mode,
      nodeId: nodeId,
      graph: graph,
      ready: false,
      hovered: null,
      labelOf: function (node) {
        return labelOf(typeof node === "string" ? data.byId.get(node) : node)
      },
      redraw: redraw,
      restyle: function () {
        colors = theme(element, big)
        redraw()
      },
      destroy: function () {
        resize.disconnect()
        graph._destructor()
      },
    }
    return entry
  }

  // A pull towards the centre, so notes without links stay near the rest instead
  // of drifting off and shrinking everything else when the view is fitted. It pulls
  // harder across the box's short side, so the layout takes the box's shape.
  function gravity(strength, stage) {
    var nodes = []
    function force(alpha) {
      var wide = stage.clientWidth / Math.max(1, stage.clientHeight)
      var sx = strength * Math.min(1, 1 / (wide * wide))
      var sy = strength * Math.min(1, wide * wide)
      nodes.forEach(function (node) {
        node.vx -= node.x * sx * alpha
        node.vy -= node.y * sy * alpha
      })
    }
    force.initialize = function (all) {
      nodes = all
    }
    return force
  }

  function legend(nodes) {
    var box = document.createElement("div")
    box.className = "garden-graph__legend"
    KINDS.forEach(function (kind) {
      var present = nodes.some(function (node) {
        return node.kind === kind.kind
      })
      if (!present) return
      var key = document.createElement("span")
      key.className = "garden-graph__key garden-graph__key--" + kind.kind
      key.appendChild(words("garden-graph__kind", kind.en, kind.zh))
      box.appendChild(key)
    })
    return box
  }

  function mount(element) {
    mounted.add(element)
    var mode = element.dataset.gardenGraph === "global" ? "global" : "local"
    var root = element.dataset.gardenRoot || "./"
    var nodeId = element.dataset.gardenNode || null
    Promise.all([loadLibrary(root), loadData(root)])
      .then(function (loaded) {
        if (!element.isConnected) return // instant navigation moved on meanwhile
        var data = loaded[1]
        if (mode === "local" && !data.byId.has(nodeId)) {
          say(element, "This note is not in the concept graph.", "这篇笔记不在概念图中。")
          return
        }
        window.gardenGraphs.push(draw(loaded[0], element, mode, root, nodeId, data))
      })
      .catch(function (error) {
        console.warn("Garden: concept graph:", error)
        say(element, "The concept graph could not be loaded.", "概念图无法加载。")
      })
  }

  function observe() {
    if (observing) return
    observing = true
    new MutationObserver(function () {
      document.querySelectorAll(".garden-graph__words").forEach(translate)
      window.gardenGraphs.forEach(function (entry) {
        entry.redraw()
      })
    }).observe(html, { attributes: true, attributeFilter: ["data-garden-reading"] })
    // Material's palette toggle sets these on <body>; the canvas needs new colours.
    new MutationObserver(function () {
      window.gardenGraphs.forEach(function (entry) {
        entry.restyle()
      })
    }).observe(document.body, {
      attributes: true,
      attributeFilter: ["data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"],
    })
  }

  function mountAll() {
    observe()
    // Instant navigation replaced the page: let go of graphs that left with it.
    window.gardenGraphs = window.gardenGraphs.filter(function (entry) {
      if (entry.element.isConnected) return true
      entry.destroy()
      return false
    })
    document.querySelectorAll("[data-garden-graph]").forEach(function (element) {
      if (!mounted.has(element)) mount(element)
    })
  }

  // Material emits document$ on the first load and after each instant navigation.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(mountAll)
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll)
  else mountAll()
})()
