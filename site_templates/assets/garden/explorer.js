// The explorer: every note of a large garden as a folder tree in the sidebar, read once
// from explorer.json. Folders open on demand, so a page builds only what a reader opens;
// the folders on the way to the current page start open.
(function () {
  "use strict"
  var html = document.documentElement
  var trees = new Map() // explorer.json URL -> promise of the tree

  function rootUrl() {
    var wanted = document.querySelector('meta[name="garden-explorer"]')
    var root = document.querySelector('meta[name="garden-root"]')
    return wanted && root ? new URL(root.content, location.href) : null
  }

  function load(root) {
    var url = new URL("explorer.json", root).href
    if (!trees.has(url)) trees.set(url, fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status)
      return response.json()
    }))
    return trees.get(url)
  }

  function title(item) {
    return html.dataset.gardenReading === "zh" && item.title_zh ? item.title_zh : item.title
  }

  function samePage(url) {
    return url.pathname.replace(/index\.html$/, "") === location.pathname.replace(/index\.html$/, "")
  }

  function contains(item, root) {
    if (item.url !== undefined && samePage(new URL(item.url, root))) return true
    return (item.children || []).some(function (child) { return contains(child, root) })
  }

  function link(item, root) {
    var anchor = document.createElement("a")
    anchor.href = new URL(item.url, root).href
    anchor.textContent = title(item)
    anchor.className = "garden-explorer__link"
    anchor.dataset.en = item.title
    if (item.title_zh) anchor.dataset.zh = item.title_zh
    if (samePage(new URL(item.url, root))) anchor.setAttribute("aria-current", "page")
    return anchor
  }

  function list(items, root) {
    var ul = document.createElement("ul")
    items.forEach(function (item) {
      var li = document.createElement("li")
      if (item.children) {
        var details = document.createElement("details")
        var summary = document.createElement("summary")
        summary.appendChild(item.url !== undefined ? link(item, root) : document.createTextNode(item.title))
        details.appendChild(summary)
        var fill = function () {
          if (!details.dataset.filled) {
            details.dataset.filled = "true"
            details.appendChild(list(item.children, root))
          }
        }
        details.addEventListener("toggle", fill)
        if (contains(item, root)) {
          details.open = true
          fill()
        }
        li.appendChild(details)
      } else {
        li.appendChild(link(item, root))
      }
      ul.appendChild(li)
    })
    return ul
  }

  function mount() {
    var root = rootUrl()
    var sidebar = document.querySelector(".md-sidebar--primary .md-sidebar__inner")
    if (!root || !sidebar || sidebar.querySelector(".garden-explorer")) return
    var nav = document.createElement("nav")
    nav.className = "garden-explorer"
    nav.setAttribute("aria-label", "Notes / 笔记")
    var heading = document.createElement("p")
    heading.className = "garden-explorer__heading"
    heading.textContent = "Notes · 笔记"
    nav.appendChild(heading)
    sidebar.appendChild(nav)
    load(root).then(function (tree) {
      nav.appendChild(list(tree.children, root))
    }).catch(function () {
      heading.textContent = "Notes could not be loaded · 笔记列表无法加载"
    })
  }

  // Titles follow the reading switch.
  new MutationObserver(function () {
    document.querySelectorAll(".garden-explorer__link").forEach(function (anchor) {
      anchor.textContent = html.dataset.gardenReading === "zh" && anchor.dataset.zh ? anchor.dataset.zh : anchor.dataset.en
    })
  }).observe(html, { attributes: true, attributeFilter: ["data-garden-reading"] })

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(mount)
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount)
  else mount()
})()
