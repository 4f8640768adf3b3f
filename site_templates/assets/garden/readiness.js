// Reader checklists: the page's readiness tables and task lists become answers a reader
// keeps (in this browser only), scores, shares and exports; the /readiness/ dashboard
// shows every checklist's score. Works from what the page carries:
// div[data-garden-checklist] > table/ul with [data-garden-item] rows, and the words in
// script#garden-checklist-text. Answers are stored per page URL and item id, so
// reordered rows keep theirs and an edited item starts unknown.
(function () {
  "use strict"
  var SHARE = "garden-share="
  var text = null
  var mounted = []

  function key(page) { return "garden.checklist.v" + (text.schema || 1) + ":" + page }

  function load(page) {
    try {
      var data = JSON.parse(localStorage.getItem(key(page)) || "null")
      if (data && typeof data.items === "object") return data
    } catch (error) { /* unreadable or private browsing: start afresh */ }
    return { items: {}, changed: null }
  }

  function save(page, data) {
    data.changed = new Date().toISOString().slice(0, 10)
    try { localStorage.setItem(key(page), JSON.stringify(data)) } catch (error) { /* this page only */ }
  }

  // "{n} {N} {w} {u}" are counts; "{w|warning|warnings}" is a count with its noun, one or many.
  function fill(template, score) {
    var counts = { n: score.ready, N: score.total, w: score.warning, u: score.unknown }
    return template.replace(/\{([nNwu])(?:\|([^|}]*)\|([^}]*))?\}/g, function (_, name, one, many) {
      var count = counts[name]
      return one === undefined ? String(count) : count + " " + (count === 1 ? one : many)
    })
  }

  // A label in both languages; the reading switch shows one or both.
  function words(pair, score) {
    var span = document.createElement("span")
    ;[["en", pair.en], ["zh-Hans", pair.zh]].forEach(function (part, i) {
      var piece = document.createElement("span")
      piece.lang = part[0]
      piece.setAttribute("data-garden-pair", "")
      piece.textContent = score ? fill(part[1], score) : part[1]
      if (i) span.appendChild(document.createTextNode(" "))
      span.appendChild(piece)
    })
    return span
  }

  function word(name) { return words(text.words[name]) }

  function element(tag, attributes, children) {
    var node = document.createElement(tag)
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]) })
    ;(children || []).forEach(function (child) { node.appendChild(child) })
    return node
  }

  function tally(states) {
    var score = { ready: 0, warning: 0, unknown: 0, total: states.length }
    states.forEach(function (state) { score[state] += 1 })
    return score
  }

  function verdict(score, tasks) {
    if (tasks) return score.total && score.ready === score.total ? "tasks_done" : "tasks_todo"
    if (score.total && score.ready === score.total) return "ready"
    if (!score.total || score.unknown / score.total > text.unknown_share) return "unknown"
    if (score.warning) return "warnings"
    return "progress"
  }

  // ---- one checklist on its page -------------------------------------------------

  function Checklist(root, index) {
    this.root = root
    this.id = root.dataset.gardenChecklist
    this.page = root.dataset.gardenPage
    this.tasks = root.dataset.gardenKind === "tasks"
    this.items = Array.prototype.slice.call(root.querySelectorAll("[data-garden-item]"))
    this.name = "garden-checklist-" + index
    this.shared = null
    this.initial = {}
    var self = this
    this.items.forEach(function (item, row) {
      var id = item.dataset.gardenItem
      if (self.tasks) self.initial[id] = self.taskBox(item).defaultChecked ? "ready" : "unknown"
      else { self.initial[id] = "unknown"; self.radios(item, row) }
    })
    if (!this.tasks) this.header()
    this.panel()
    root.addEventListener("change", function (event) {
      var item = event.target.closest("[data-garden-item]")
      if (!item) return
      var state = self.tasks ? (event.target.checked ? "ready" : "unknown") : event.target.value
      self.answer(item.dataset.gardenItem, state)
    })
  }

  Checklist.prototype.taskBox = function (item) {
    var box = item.querySelector("input[type=checkbox]")
    box.disabled = false
    box.setAttribute("aria-label", item.textContent.replace(/\s+/g, " ").trim())
    return box
  }

  // Each signal cell becomes the label of its choice; "not known yet" is a cell of its own.
  Checklist.prototype.radios = function (item, row) {
    var cells = item.cells
    var heads = this.root.querySelectorAll("thead th")
    cells[0].id = this.name + "-item-" + row
    var self = this
    ;["ready", "warning", "unknown"].forEach(function (state, i) {
      var cell = state !== "unknown" && cells[i + 1] ? cells[i + 1] : null
      if (!cell) {
        cell = element("td", { "class": "garden-checklist__added" }, [word(state)])
        item.appendChild(cell)
      }
      cell.classList.add("garden-checklist__cell", "garden-checklist__cell--" + state)
      // On a phone the header row is hidden: each signal cell names its column.
      if (state !== "unknown" && heads[i + 1]) cell.dataset.gardenSignal = heads[i + 1].textContent.trim()
      var input = element("input", { type: "radio", name: self.name + "-" + row, value: state,
        "aria-describedby": cells[0].id })
      var label = element("label", { "class": "garden-checklist__choice" }, [input])
      var content = element("span", { "class": "garden-checklist__signal" })
      while (cell.firstChild) content.appendChild(cell.firstChild)
      label.appendChild(content)
      if (state === "unknown") label.appendChild(element("span", { "class": "garden-checklist__word" }))
      cell.appendChild(label)
    })
  }

  Checklist.prototype.header = function () {
    var head = this.root.querySelector("thead tr")
    if (!head) return
    var first = this.items[0]
    while (head.cells.length < (first ? first.cells.length : 0)) {
      var names = ["item", "ready", "warning", "unknown"]
      head.appendChild(element("th", { "class": "garden-checklist__added" }, [word(names[head.cells.length] || "state")]))
    }
  }

  Checklist.prototype.panel = function () {
    var actions = ["copy-markdown", "download-json", "share", "reset", "print"].map(function (action) {
      return element("button", { type: "button", "class": "md-button garden-checklist__button",
        "data-garden-action": action }, [word(action)])
    })
    if (text.dashboard != null) {
      var root = (document.querySelector("meta[name=garden-root]") || {}).content || "/"
      actions.push(element("a", { "class": "garden-checklist__dashboard", href: root + text.dashboard }, [word("dashboard")]))
    }
    this.score = element("strong", { "data-garden-score": "" })
    this.summary = element("span", { "class": "garden-checklist__summary" })
    this.verdictLine = element("p", { "class": "garden-checklist__verdict" })
    this.bar = element("div", { "class": "garden-checklist__bar", role: "progressbar", "aria-valuemin": "0" }, [
      element("span", { "class": "garden-checklist__bar-ready" }), element("span", { "class": "garden-checklist__bar-warning" })])
    this.notice = element("div", { "class": "garden-checklist__notice", hidden: "" })
    this.status = element("p", { "class": "garden-checklist__status", role: "status" })
    var live = element("div", { "aria-live": "polite", "aria-atomic": "true" }, [
      element("p", { "class": "garden-checklist__score" }, [this.score, document.createTextNode(" "), this.summary]),
      this.verdictLine])
    var panel = element("div", { "class": "garden-checklist__panel" }, [
      this.notice, live, this.bar, element("div", { "class": "garden-checklist__actions" }, actions), this.status])
    this.root.appendChild(panel)
    var self = this
    panel.addEventListener("click", function (event) {
      var button = event.target.closest("[data-garden-action]")
      if (button) self.act(button.dataset.gardenAction)
    })
  }

  Checklist.prototype.states = function () {
    var stored = this.shared || load(this.page).items
    var initial = this.initial
    return this.items.map(function (item) {
      var id = item.dataset.gardenItem
      return stored[id] || initial[id]
    })
  }

  Checklist.prototype.answer = function (id, state) {
    if (this.shared) this.shared[id] = state  // a shared view stays a view until kept
    else {
      var data = load(this.page)
      data.items[id] = state
      save(this.page, data)
    }
    this.show()
  }

  Checklist.prototype.show = function () {
    var states = this.states()
    var self = this
    this.items.forEach(function (item, i) {
      var state = states[i]
      item.dataset.gardenState = state
      if (self.tasks) self.taskBox(item).checked = state === "ready"
      else {
        item.querySelector("input[value=" + state + "]").checked = true
        var shown = item.querySelector(".garden-checklist__word")
        shown.replaceChildren(word(state))
      }
    })
    var score = tally(states)
    var line = this.tasks ? "score_tasks" : "score"
    this.score.dataset.gardenScore = score.ready + "/" + score.total
    this.score.textContent = score.ready + "/" + score.total
    mirrorScores()
    this.summary.replaceChildren(words(text.words[line], score))
    var which = verdict(score, this.tasks)
    this.verdictLine.dataset.gardenVerdict = which
    this.verdictLine.replaceChildren(words(text.verdicts[which], score))
    this.bar.setAttribute("aria-valuemax", score.total)
    this.bar.setAttribute("aria-valuenow", score.ready)
    this.bar.children[0].style.width = (score.total ? 100 * score.ready / score.total : 0) + "%"
    this.bar.children[1].style.width = (score.total ? 100 * score.warning / score.total : 0) + "%"
    this.root.dataset.gardenVerdict = which
    return score
  }

  Checklist.prototype.rows = function () {
    var states = this.states()
    return this.items.map(function (item, i) {
      var cells = item.cells ? Array.prototype.map.call(item.cells, function (cell) {
        return cell.querySelector(".garden-checklist__signal") || cell
      }) : [item]
      return { id: item.dataset.gardenItem, state: states[i], cells: cells.map(function (cell) {
        return cell.textContent.replace(/\s+/g, " ").trim()
      }) }
    })
  }

  Checklist.prototype.markdown = function () {
    var escape = function (cell) { return cell.replace(/\|/g, "\\|") }
    var head = this.tasks ? ["Item", "State"] : Array.prototype.map.call(
      this.root.querySelectorAll("thead th"), function (th) { return th.textContent.replace(/\s+/g, " ").trim() }).slice(0, 3)
    if (!this.tasks) head.splice(1, 0, "State")
    var lines = ["| " + head.map(escape).join(" | ") + " |", "|" + head.map(function () { return " --- |" }).join("")]
    var tasks = this.tasks
    this.rows().forEach(function (row) {
      var state = tasks ? (row.state === "ready" ? "done" : "not done") : row.state
      var cells = tasks ? [row.cells[0], state] : [row.cells[0], state].concat(row.cells.slice(1, 3))
      lines.push("| " + cells.map(escape).join(" | ") + " |")
    })
    var score = tally(this.states())
    return "**" + (text.title || document.title) + "**: " + fill(text.words[tasks ? "score_tasks" : "score"].en, score) +
      "\n\n" + lines.join("\n") + "\n"
  }

  Checklist.prototype.json = function () {
    var score = tally(this.states())
    return { page: this.page, checklist: this.id, title: text.title, title_zh: text.title_zh,
      date: new Date().toISOString().slice(0, 10),
      items: this.rows().map(function (row) { return { id: row.id, text: row.cells[0], state: row.state } }),
      score: score }
  }

  Checklist.prototype.act = function (action) {
    var self = this
    if (action === "copy-markdown") copy(this.markdown(), function () { self.say(word("copied")) })
    else if (action === "download-json") download(this.json(), this.id.replace(/[^\w-]+/g, "-") + ".json")
    else if (action === "share") {
      var answers = {}
      this.rows().forEach(function (row) { if (row.state !== "unknown") answers[row.id] = row.state[0] })
      var link = location.href.split("#")[0] + "#" + SHARE + encode(this.id, answers)
      this.root.dataset.gardenShareUrl = link
      var field = element("input", { type: "text", readonly: "", value: link, "aria-label": "Link", "class": "garden-checklist__link" })
      copy(link, function () { self.say(word("copied"), field) })
    } else if (action === "reset") {
      if (!window.confirm(text.words["confirm-reset"].en + "\n" + text.words["confirm-reset"].zh)) return
      var data = load(this.page)
      this.items.forEach(function (item) { delete data.items[item.dataset.gardenItem] })
      save(this.page, data)
      this.shared = null
      this.notice.hidden = true
      this.show()
    } else if (action === "print") window.print()
    else if (action === "keep-shared") {
      var kept = load(this.page)
      Object.keys(this.shared).forEach(function (id) { kept.items[id] = self.shared[id] })
      save(this.page, kept)
      this.leaveShared()
    } else if (action === "mine") this.leaveShared()
  }

  Checklist.prototype.leaveShared = function () {
    this.shared = null
    this.notice.hidden = true
    history.replaceState(null, "", location.href.split("#")[0])
    this.show()
  }

  Checklist.prototype.say = function (message, extra) {
    this.status.replaceChildren(message)
    if (extra) this.status.appendChild(extra)
  }

  // A shared link names the checklist and its non-unknown answers, r/w, nothing else.
  function encode(id, answers) {
    var json = JSON.stringify({ c: id, a: answers })
    return btoa(unescape(encodeURIComponent(json))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
  }

  function decode(value) {
    try {
      var json = decodeURIComponent(escape(atob(value.replace(/-/g, "+").replace(/_/g, "/"))))
      var data = JSON.parse(json)
      var full = { r: "ready", w: "warning", u: "unknown" }
      var answers = {}
      Object.keys(data.a || {}).forEach(function (id) { if (full[data.a[id]]) answers[id] = full[data.a[id]] })
      return { id: data.c, answers: answers }
    } catch (error) { return null }
  }

  function copy(value, done) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(value).then(done, function () { fallbackCopy(value); done() })
    } else { fallbackCopy(value); done() }
  }

  function fallbackCopy(value) {
    var area = element("textarea", { readonly: "", "class": "garden-checklist__offscreen" })
    area.value = value
    document.body.appendChild(area)
    area.select()
    try { document.execCommand("copy") } catch (error) { /* the field shows the link */ }
    area.remove()
  }

  function download(data, name) {
    var blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" })
    var link = element("a", { href: URL.createObjectURL(blob), download: name })
    document.body.appendChild(link)
    link.click()
    link.remove()
  }

  function openShared(checklists) {
    var at = location.hash.indexOf(SHARE)
    if (at < 0) return
    var shared = decode(location.hash.slice(at + SHARE.length))
    checklists.forEach(function (checklist) {
      if (!shared || shared.id !== checklist.id) return
      checklist.shared = shared.answers
      checklist.notice.replaceChildren(element("p", {}, [word("shared")]),
        element("button", { type: "button", "class": "md-button md-button--primary", "data-garden-action": "keep-shared" }, [word("keep-shared")]),
        element("button", { type: "button", "class": "md-button", "data-garden-action": "mine" }, [word("mine")]))
      checklist.notice.hidden = false
      checklist.root.scrollIntoView()
    })
  }

  // The card's sequence panel shows its checklists' score beside "Unlocks next":
  // [data-garden-score-of] names them (ids separated by spaces), the sum is shown.
  function mirrorScores() {
    document.querySelectorAll("[data-garden-score-of]").forEach(function (shown) {
      var ids = shown.dataset.gardenScoreOf.split(" ")
      var sum = { ready: 0, total: 0 }
      mounted.forEach(function (checklist) {
        if (ids.indexOf(checklist.root.dataset.gardenChecklist) < 0) return
        var score = tally(checklist.states())
        sum.ready += score.ready
        sum.total += score.total
      })
      shown.dataset.gardenScore = sum.ready + "/" + sum.total
      shown.textContent = sum.ready + "/" + sum.total
    })
  }

  // ---- the dashboard -----------------------------------------------------------------

  function dashboard(root) {
    var total = { ready: 0, warning: 0, unknown: 0, total: 0 }
    var exported = []
    root.querySelectorAll("[data-garden-checklist-ref]").forEach(function (entry) {
      var stored = load(entry.dataset.gardenPage)
      var states = []
      var items = []
      entry.querySelectorAll("[data-garden-item]").forEach(function (item) {
        var state = stored.items[item.dataset.gardenItem] || item.dataset.gardenInitial
        states.push(state)
        items.push({ id: item.dataset.gardenItem, text: item.textContent.replace(/\s+/g, " ").trim(), state: state })
        item.dataset.gardenState = state
        var shown = entry.dataset.gardenKind === "tasks" ? (state === "ready" ? "done" : "todo") : state
        item.querySelector("[data-garden-state]").replaceChildren(word(shown))
      })
      var score = tally(states)
      ;["ready", "warning", "unknown", "total"].forEach(function (name) { total[name] += score[name] })
      var shown = entry.querySelector("[data-garden-score]")
      shown.dataset.gardenScore = score.ready + "/" + score.total
      shown.textContent = String(score.ready)
      var line = entry.dataset.gardenKind === "tasks" ? "score_tasks" : "score"
      entry.querySelector("[data-garden-summary]").replaceChildren(words(text.words[line], score))
      entry.querySelector("[data-garden-changed]").replaceChildren(
        stored.changed ? document.createTextNode(" · " + stored.changed) : word("never"))
      entry.querySelector(".garden-readiness__ready").style.width = (score.total ? 100 * score.ready / score.total : 0) + "%"
      entry.querySelector(".garden-readiness__warning").style.width = (score.total ? 100 * score.warning / score.total : 0) + "%"
      entry.dataset.gardenVerdict = verdict(score, entry.dataset.gardenKind === "tasks")
      exported.push({ id: entry.dataset.gardenChecklistRef, page: entry.dataset.gardenPage,
        title: entry.dataset.gardenTitle, title_zh: entry.dataset.gardenTitleZh || null,
        changed: stored.changed, items: items, score: score })
    })
    var overall = root.querySelector("[data-garden-overall]")
    overall.dataset.gardenScore = total.ready + "/" + total.total
    overall.replaceChildren(words(text.words.overall, total))
    var actions = root.querySelector("[data-garden-dashboard-actions]")
    if (!actions.firstChild) {
      var button = element("button", { type: "button", "class": "md-button", "data-garden-action": "export-all" },
        [words({ en: "Export all as JSON", zh: "全部导出为 JSON" })])
      button.addEventListener("click", function () {
        download({ date: new Date().toISOString().slice(0, 10), checklists: dashboard(root) }, "readiness.json")
      })
      actions.appendChild(button)
    }
    return exported
  }

  function mount() {
    var source = document.getElementById("garden-checklist-text")
    if (!source) return
    text = JSON.parse(source.textContent)
    var checklists = []
    document.querySelectorAll("[data-garden-checklist]").forEach(function (root, index) {
      if (root.dataset.gardenReady) return
      root.dataset.gardenReady = "true"
      checklists.push(new Checklist(root, index))
    })
    mounted = mounted.filter(function (c) { return document.body.contains(c.root) }).concat(checklists)
    openShared(checklists)
    checklists.forEach(function (checklist) { checklist.show() })
    var board = document.querySelector("[data-garden-dashboard]")
    if (board) dashboard(board)
  }

  // Another tab answered: follow it.
  window.addEventListener("storage", function () {
    mounted.forEach(function (checklist) { checklist.show() })
    var board = document.querySelector("[data-garden-dashboard]")
    if (board && text) dashboard(board)
  })

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(mount)
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount)
  else mount()
})()
