// The reading switch: show English, Chinese or both, remembered across pages.
// Segments carry lang="en" / lang="zh-Hans"; a segment with data-garden-pair has
// its translation next to it, so garden.css may hide it. Untranslated text stays.
(function () {
  "use strict"
  var KEY = "garden.reading"
  var MODES = ["en", "zh", "both"]
  var root = document.documentElement

  function saved() {
    try {
      var mode = localStorage.getItem(KEY)
      return MODES.indexOf(mode) >= 0 ? mode : null
    } catch (error) {
      return null
    }
  }

  function apply(mode) {
    root.dataset.gardenReading = mode
    var buttons = document.querySelectorAll("[data-garden-reading-choice]")
    for (var i = 0; i < buttons.length; i++) {
      var pressed = buttons[i].dataset.gardenReadingChoice === mode
      buttons[i].setAttribute("aria-pressed", pressed ? "true" : "false")
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-garden-reading-choice]")
    if (!button) return
    var mode = button.dataset.gardenReadingChoice
    try {
      localStorage.setItem(KEY, mode)
    } catch (error) {
      // Private browsing: the choice lasts for this page only.
    }
    apply(mode)
  })

  function sync() {
    apply(saved() || root.dataset.gardenReading || "both")
  }
  // Material's instant navigation replaces the page without reloading scripts.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(sync)
  else sync()
})()
