// Sortable tables (the health page): click a column heading to sort by it, again to reverse.
(function () {
  "use strict"

  function sortBy(table, column, heading) {
    var body = table.tBodies[0]
    var numeric = heading.dataset.sort === "number"
    var descending = heading.getAttribute("aria-sort") === "ascending"
    var rows = Array.prototype.slice.call(body.rows)
    rows.sort(function (a, b) {
      var x = a.cells[column], y = b.cells[column]
      var order = numeric
        ? parseFloat(x.dataset.value) - parseFloat(y.dataset.value)
        : x.textContent.trim().localeCompare(y.textContent.trim())
      return descending ? -order : order
    })
    rows.forEach(function (row) { body.appendChild(row) })
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort") })
    heading.setAttribute("aria-sort", descending ? "descending" : "ascending")
  }

  function mount() {
    document.querySelectorAll("table[data-garden-sortable]").forEach(function (table) {
      if (table.dataset.gardenSortableReady) return
      table.dataset.gardenSortableReady = "true"
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading, column) {
        var button = document.createElement("button")
        button.type = "button"
        button.className = "garden-sort"
        while (heading.firstChild) button.appendChild(heading.firstChild)
        heading.appendChild(button)
        button.addEventListener("click", function () { sortBy(table, column, heading) })
      })
    })
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(mount)
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount)
  else mount()
})()
