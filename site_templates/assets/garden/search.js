// Garden's search, in Material's search box (partials/search.html).
//
// The index is many small files under search/garden/ (render/search_index.py): a query
// fetches the manifest, the shard of each of its tokens and the chunks holding its first
// results, nothing else. A query is cut as the index was (render/search_tokens.py):
// English words stemmed, with one-letter typos forgiven; Chinese runs whole and as
// pairs of neighbouring characters, so a query split differently from the text matches.
// A query that is a whole title, alias or term puts that page first.
(function () {
  "use strict"
  var CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
  var WORD = new RegExp("[a-z0-9]+|[" + CJK + "]+", "g")
  var NOT_NAME = new RegExp("[^a-z0-9" + CJK + "]+", "g")
  var CHINESE = new RegExp("^[" + CJK + "]+$")
  var TYPO_MIN = 4
  var PREFIX_MIN = 3
  var SHOWN = 10

  // --- tokens: the same steps as search_tokens.py ---------------------------------------

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
  }

  function stem(word) {
    var n = word.length
    if (n > 4 && word.slice(-3) === "ies") return word.slice(0, -3) + "y"
    if (n > 5 && word.slice(-3) === "ing") return word.slice(0, -3)
    if (n > 4 && word.slice(-2) === "ed" && word.slice(-3) !== "eed") return word.slice(0, -2)
    if (n > 3 && word.slice(-1) === "s" && !/(ss|us|is)$/.test(word)) return word.slice(0, -1)
    return word
  }

  function bigrams(run) {
    var pairs = []
    for (var i = 0; i < run.length - 1; i++) pairs.push(run.slice(i, i + 2))
    return pairs
  }

  function typoKeys(word) {
    if (word.length < TYPO_MIN) return []
    var keys = ["~" + word]
    for (var i = 0; i < word.length; i++) keys.push("~" + word.slice(0, i) + word.slice(i + 1))
    return keys
  }

  // Per word of the query, the tokens that may match it; the last English word, perhaps
  // still being typed, also as a beginning ("^backl").
  function queryGroups(query) {
    var found = fold(query).match(WORD) || []
    var typing = !/\s$/.test(query)
    return found.map(function (word, number) {
      if (CHINESE.test(word)) {
        return word.length === 1 ? { chinese: true, whole: word, pairs: [] } : { chinese: true, whole: word, pairs: bigrams(word) }
      }
      var prefix = typing && number === found.length - 1 && word.length >= PREFIX_MIN ? "^" + word : null
      return { chinese: false, whole: stem(word), typos: typoKeys(word), prefix: prefix, word: word }
    })
  }

  function nameKey(query) {
    return "=" + fold(query).replace(NOT_NAME, "")
  }

  function fnv1a(token) {
    var bytes = new TextEncoder().encode(token)
    var hash = 0x811c9dc5
    for (var i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0
    return hash
  }

  // --- the index, fetched piece by piece ---------------------------------------------------

  function Index(folder) {
    this.folder = folder
    this.files = new Map()
  }

  Index.prototype.file = function (name) {
    var self = this
    if (!self.files.has(name)) {
      var version = name === "manifest.json" ? "" : "?v=" + self.version
      self.files.set(name, fetch(new URL(name + version, self.folder)).then(function (response) {
        if (!response.ok) throw new Error(name + ": " + response.status)
        return response.json()
      }))
    }
    return self.files.get(name)
  }

  Index.prototype.manifest = function () {
    var self = this
    return self.file("manifest.json").then(function (manifest) {
      self.version = manifest.version
      return manifest
    })
  }

  Index.prototype.rows = function (tokens) {
    var self = this
    return self.manifest().then(function (manifest) {
      var unique = Array.from(new Set(tokens))
      return Promise.all(unique.map(function (token) {
        return self.file("t/" + (fnv1a(token) & (manifest.shards - 1)) + ".json").then(function (shard) {
          return [token, shard[token] || null]
        })
      })).then(function (found) { return { rows: new Map(found), docs: manifest.docs } })
    })
  }

  Index.prototype.record = function (doc) {
    var self = this
    return self.manifest().then(function (manifest) {
      return self.file("d/" + Math.floor(doc / manifest.chunk) + ".json").then(function (chunk) {
        return chunk[doc % manifest.chunk]
      })
    })
  }

  // --- scoring ------------------------------------------------------------------------------

  function scores(row, docs) {
    var found = new Map()
    if (!row) return found
    var idf = Math.log(1 + docs / row[0])
    for (var i = 1; i < row.length; i += 2) found.set(row[i], row[i + 1] * idf)
    return found
  }

  function addBest(into, found, factor) {
    found.forEach(function (score, doc) {
      var value = score * factor
      if (!(into.get(doc) >= value)) into.set(doc, value)
    })
  }

  function groupScores(group, rows, docs) {
    var best = new Map()
    if (!group.chinese) {
      addBest(best, scores(rows.get(group.whole), docs), 1)
      group.typos.forEach(function (key) { addBest(best, scores(rows.get(key), docs), 0.6) })
      if (group.prefix) addBest(best, scores(rows.get(group.prefix), docs), 0.6)
      return best
    }
    addBest(best, scores(rows.get(group.whole), docs), 1.5)
    if (!group.pairs.length) return best
    var sums = new Map()
    var hits = new Map()
    group.pairs.forEach(function (pair) {
      scores(rows.get(pair), docs).forEach(function (score, doc) {
        sums.set(doc, (sums.get(doc) || 0) + score)
        hits.set(doc, (hits.get(doc) || 0) + 1)
      })
    })
    var n = group.pairs.length
    sums.forEach(function (sum, doc) {
      var share = hits.get(doc) / n
      var value = (sum / n) * share * share
      if (!(best.get(doc) >= value)) best.set(doc, value)
    })
    return best
  }

  function tokensOf(groups, name) {
    var tokens = [name]
    groups.forEach(function (group) {
      tokens.push(group.whole)
      if (group.chinese) tokens.push.apply(tokens, group.pairs)
      if (group.prefix) tokens.push(group.prefix)
    })
    return tokens
  }

  // Typo keys are many (a word and each deletion of it), each in a shard of its own: they
  // are fetched only for the English words that found nothing as written.
  function withTypos(index, groups, found) {
    var missed = groups.filter(function (group) {
      return !group.chinese && !found.rows.get(group.whole) && !(group.prefix && found.rows.get(group.prefix))
    })
    if (!missed.length) return Promise.resolve(found)
    var keys = [].concat.apply([], missed.map(function (group) { return group.typos }))
    return index.rows(keys).then(function (typos) {
      typos.rows.forEach(function (row, token) { found.rows.set(token, row) })
      return found
    })
  }

  function rank(index, query) {
    var groups = queryGroups(query)
    if (!groups.length) return Promise.resolve([])
    var name = nameKey(query)
    return index.rows(tokensOf(groups, name)).then(function (found) {
      return withTypos(index, groups, found)
    }).then(function (found) {
      var total = new Map()
      var matched = new Map()
      groups.forEach(function (group) {
        groupScores(group, found.rows, found.docs).forEach(function (score, doc) {
          total.set(doc, (total.get(doc) || 0) + score)
          matched.set(doc, (matched.get(doc) || 0) + 1)
        })
      })
      var ranked = []
      total.forEach(function (score, doc) {
        var share = matched.get(doc) / groups.length
        ranked.push({ doc: doc, score: score * share * share })
      })
      scores(found.rows.get(name), found.docs).forEach(function (score, doc) {
        var entry = ranked.find(function (item) { return item.doc === doc })
        if (entry) entry.score += score * 20
        else ranked.push({ doc: doc, score: score * 20 })
      })
      ranked.sort(function (a, b) { return b.score - a.score || a.doc - b.doc })
      return ranked
    })
  }

  // --- what a result shows --------------------------------------------------------------------

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  }

  // What to mark in a result: the query's words (English from their stem on) and its
  // Chinese runs and pairs, longest first.
  function marker(query) {
    var parts = []
    queryGroups(query).forEach(function (group) {
      if (group.chinese) parts.push(group.whole, ...group.pairs)
      else parts.push(group.word, group.whole)
    })
    parts = Array.from(new Set(parts.filter(Boolean))).sort(function (a, b) { return b.length - a.length })
    return parts.length ? new RegExp(parts.map(escapeRegExp).join("|"), "gi") : null
  }

  function count(pattern, text) {
    if (!pattern || !text) return 0
    pattern.lastIndex = 0
    return (text.match(pattern) || []).length
  }

  function bestSection(record, pattern) {
    var sections = record.s || []
    var best = null
    var bestScore = 0
    sections.forEach(function (section) {
      var score = 3 * count(pattern, section[0]) + count(pattern, section[2])
      if (score > bestScore) { best = section; bestScore = score }
    })
    return best || sections[0] || null
  }

  function snippet(text, pattern, width) {
    if (!text) return ""
    var at = 0
    if (pattern) {
      pattern.lastIndex = 0
      var found = pattern.exec(text)
      if (found) at = found.index
    }
    var start = Math.max(0, at - Math.floor(width / 3))
    var cut = text.slice(start, start + width)
    return (start > 0 ? "…" : "") + cut + (start + width < text.length ? "…" : "")
  }

  function marked(element, text, pattern) {
    var at = 0
    if (pattern) {
      pattern.lastIndex = 0
      var match
      while ((match = pattern.exec(text)) !== null) {
        if (!match[0]) { pattern.lastIndex++; continue }
        element.appendChild(document.createTextNode(text.slice(at, match.index)))
        var mark = document.createElement("mark")
        mark.textContent = match[0]
        element.appendChild(mark)
        at = match.index + match[0].length
      }
    }
    element.appendChild(document.createTextNode(text.slice(at)))
    return element
  }

  function resultItem(record, pattern, root) {
    var section = bestSection(record, pattern)
    var url = record.u
    if (section && section[1] && url.indexOf("#") < 0) url += "#" + section[1]
    var item = document.createElement("li")
    item.className = "md-search-result__item"
    var link = document.createElement("a")
    link.className = "md-search-result__link"
    link.href = new URL(url, root).href
    link.tabIndex = -1
    link.setAttribute("data-garden-search-result", record.u)
    var article = document.createElement("article")
    article.className = "md-search-result__article md-typeset garden-search-result"
    // Both titles, the reader's language first (reading switch: EN / 中文 / EN+中文).
    var title = document.createElement("h1")
    var en = marked(document.createElement("span"), record.t, pattern)
    en.setAttribute("lang", "en")
    title.appendChild(en)
    if (record.z && record.z !== record.t) {
      var zh = marked(document.createElement("span"), record.z, pattern)
      zh.className = "garden-search-result__zh"
      zh.setAttribute("lang", "zh-Hans")
      if (document.documentElement.dataset.gardenReading === "zh") title.prepend(zh, " ")
      else title.append(" ", zh)
    }
    article.appendChild(title)
    if (section && section[0] && section[0] !== record.t) {
      var heading = marked(document.createElement("p"), section[0], pattern)
      heading.className = "garden-search-result__heading"
      article.appendChild(heading)
    }
    if (section && section[2]) {
      var text = marked(document.createElement("p"), snippet(section[2], pattern, 160), pattern)
      text.className = "garden-search-result__snippet"
      article.appendChild(text)
    }
    if (record.g && record.g.length) {
      var tags = document.createElement("nav")
      tags.className = "md-tags"
      record.g.forEach(function (tag) {
        var span = document.createElement("span")
        span.className = "md-tag"
        span.textContent = tag
        tags.appendChild(span)
      })
      article.appendChild(tags)
    }
    link.appendChild(article)
    item.appendChild(link)
    return item
  }

  // --- the box ------------------------------------------------------------------------------

  function mount(box) {
    var root = new URL(box.getAttribute("data-garden-search-root") || "./", location.href)
    var index = new Index(new URL("search/garden/", root))
    var input = box.querySelector("[data-garden-search-query]")
    var meta = box.querySelector("[data-garden-search-meta]")
    var list = box.querySelector("[data-garden-search-list]")
    var toggle = document.getElementById("__search")
    var labels = box.dataset
    var asked = 0

    function say(text) { meta.textContent = text }

    function counted(n) {
      if (n === 0) return labels.gardenSearchNone
      if (n === 1) return labels.gardenSearchOne
      return labels.gardenSearchOther.replace("#", n)
    }

    function run(query) {
      var ask = ++asked
      if (!query.trim()) {
        list.replaceChildren()
        say(labels.gardenSearchPlaceholder)
        box.removeAttribute("data-garden-search-done")
        return Promise.resolve([])
      }
      var pattern = marker(query)
      return rank(index, query).then(function (ranked) {
        if (ask !== asked) return []
        // Each result is shown as soon as it and those above it have arrived.
        var pending = ranked.slice(0, SHOWN).map(function (item) { return index.record(item.doc) })
        var records = []
        list.replaceChildren()
        say(counted(ranked.length))
        return pending.reduce(function (shown, next) {
          return shown.then(function () { return next }).then(function (record) {
            if (ask !== asked) return
            records.push(record)
            list.appendChild(resultItem(record, pattern, root))
            box.setAttribute("data-garden-search-first", query)
          })
        }, Promise.resolve()).then(function () {
          if (ask === asked) box.setAttribute("data-garden-search-done", query)
          return records
        })
      }).catch(function (error) {
        if (ask === asked) say(String(error))
        return []
      })
    }

    function results() { return Array.from(list.querySelectorAll(".md-search-result__link")) }

    function move(step) {
      var links = results()
      if (!links.length) return
      var at = links.indexOf(document.activeElement)
      var next = at < 0 ? (step > 0 ? 0 : links.length - 1) : at + step
      if (next < 0 || next >= links.length) { input.focus(); return }
      links[next].focus()
    }

    function open() {
      if (toggle && !toggle.checked) toggle.checked = true
      input.focus()
    }

    function close() {
      if (toggle) toggle.checked = false
      input.blur()
    }

    var timer = null
    input.addEventListener("input", function () {
      clearTimeout(timer)
      timer = setTimeout(function () { run(input.value) }, 60)
    })
    input.addEventListener("focus", function () {
      if (toggle && !toggle.checked) toggle.checked = true
      index.manifest().catch(function () {})  // the manifest is small: ask for it early
    })
    box.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault()
      var links = results()
      if (links.length) location.href = links[0].href
    })
    box.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { run(""); input.focus() })
    })
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) input.focus() })
    document.addEventListener("keydown", function (event) {
      var searching = toggle ? toggle.checked : document.activeElement === input
      var typing = /^(input|textarea|select)$/i.test((event.target && event.target.tagName) || "") || (event.target && event.target.isContentEditable)
      if (!searching) {
        if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s" || event.key === "f")) {
          event.preventDefault()
          open()
        }
        return
      }
      if (event.key === "Escape") { event.preventDefault(); close() }
      else if (event.key === "ArrowDown") { event.preventDefault(); move(1) }
      else if (event.key === "ArrowUp") { event.preventDefault(); move(-1) }
      else if (event.key === "Enter" && document.activeElement === input) {
        event.preventDefault()
        var links = results()
        if (links.length) location.href = links[0].href
      }
    })
    say(labels.gardenSearchPlaceholder)
    // For tests and tools: the same steps as the box, and the query's tokens as cut here.
    window.gardenSearch = {
      run: run,
      rank: function (query) { return rank(index, query) },
      groups: queryGroups,
      nameKey: nameKey,
      fnv1a: fnv1a,
    }
  }

  var box = document.querySelector("[data-garden-search]")
  if (box) mount(box)
})()
