// The /sequence/ page: find a note or term among the stages, in either language (the
// lists read without JavaScript; this only hides what does not match).
(function () {
  "use strict"

  function normal(text) {
    return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim()
  }

  document.addEventListener("input", function (event) {
    if (!event.target.matches || !event.target.matches("[data-garden-sequence-filter]")) return
    var wanted = normal(event.target.value)
    document.querySelectorAll("[data-garden-sequence-entry]").forEach(function (entry) {
      entry.hidden = wanted !== "" && normal(entry.textContent).indexOf(wanted) < 0
    })
    document.querySelectorAll(".garden-sequence__stage, [data-garden-sequence-group]").forEach(function (part) {
      part.hidden = !part.querySelector("[data-garden-sequence-entry]:not([hidden])")
    })
  })
})()
