// Term tooltips: a linked glossary term shows its names and both definitions (or the one
// the reading switch chose) on hover and on keyboard focus. The definitions come from
// terms.json, loaded on the first hover, so no page repeats them.
(function () {
  "use strict"
  var html = document.documentElement
  var terms = null
  var tip = null
  var current = null

  function load() {
    if (!terms) {
      var root = document.querySelector('meta[name="garden-root"]')
      var url = new URL("terms.json", new URL(root ? root.content : "./", location.href))
      terms = fetch(url).then(function (response) { return response.ok ? response.json() : {} })
        .catch(function () { return {} })
    }
    return terms
  }

  function element() {
    if (!tip) {
      tip = document.createElement("div")
      tip.className = "garden-term-tip"
      tip.id = "garden-term-tip"
      tip.setAttribute("role", "tooltip")
      tip.hidden = true
      document.body.appendChild(tip)
    }
    return tip
  }

  function line(tag, text, lang) {
    var node = document.createElement(tag)
    node.textContent = text
    node.lang = lang
    return node
  }

  function fill(term) {
    var box = element()
    var mode = html.dataset.gardenReading
    box.textContent = ""
    var names = document.createElement("strong")
    names.appendChild(line("span", term.en, "en"))
    if (term.zh) names.appendChild(line("span", " / " + term.zh, "zh-Hans"))
    box.appendChild(names)
    if (term.definition_en && mode !== "zh") box.appendChild(line("p", term.definition_en, "en"))
    if (term.definition_zh && mode !== "en") box.appendChild(line("p", term.definition_zh, "zh-Hans"))
  }

  function show(link) {
    current = link
    var anchor = decodeURIComponent(new URL(link.href).hash.slice(1))
    load().then(function (all) {
      if (current !== link || !all[anchor]) return
      fill(all[anchor])
      var box = element()
      var place = link.getBoundingClientRect()
      box.style.left = Math.max(8, place.left + window.scrollX) + "px"
      box.style.top = place.bottom + window.scrollY + 6 + "px"
      box.hidden = false
      link.setAttribute("aria-describedby", box.id)
    })
  }

  function hide(link) {
    if (current !== link) return
    current = null
    if (tip) tip.hidden = true
    link.removeAttribute("aria-describedby")
  }

  function termOf(event) {
    return event.target.closest && event.target.closest("a.garden-term")
  }

  document.addEventListener("mouseover", function (event) { var link = termOf(event); if (link) show(link) })
  document.addEventListener("mouseout", function (event) { var link = termOf(event); if (link) hide(link) })
  document.addEventListener("focusin", function (event) { var link = termOf(event); if (link) show(link) })
  document.addEventListener("focusout", function (event) { var link = termOf(event); if (link) hide(link) })
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) hide(current)
  })
})()
