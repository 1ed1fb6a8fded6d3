/* gongshi: the 适老模式/无障碍 toolbar (partials/a11y-toolbar.html), the phone search button
 * (partials/header.html) and keyboard access to tables wider than the page.
 *
 * The reader's choices are kept in localStorage under "gongshi.a11y" as
 * {"text": "standard"|"large"|"xlarge", "contrast": bool, "cursor": bool}, shared by every county
 * site of the portal; an inline script in main.html applies them to <html> before the first paint,
 * this file keeps the buttons (aria-pressed) and the classes in step when they change.
 * Written as plain ES5, for older phones' browsers. Nothing is loaded from anywhere.
 */
(function () {
  "use strict";

  var KEY = "gongshi.a11y";
  var SIZES = ["standard", "large", "xlarge"];
  var HEADINGS = "h1, h2, h3, h4, h5, h6";
  var root = document.documentElement;

  function all(selector, scope) {
    return Array.prototype.slice.call((scope || document).querySelectorAll(selector));
  }

  function toggleClass(name, on) {
    if (on) { root.classList.add(name); } else { root.classList.remove(name); }
  }

  // What an element says, as a reader hears it: without the ¶ of a heading's link or nested lists.
  function textOf(element) {
    if (element.tagName === "TR") {   // a table row: each cell with its column's name where it has one
      return all("th, td", element).map(function (cell) {
        var label = cell.getAttribute("data-label");
        var text = textOf(cell);
        return label && text ? label + "：" + text : text;
      }).filter(Boolean).join("，");
    }
    var copy = element.cloneNode(true);
    all(".headerlink, ul, ol", copy).forEach(function (node) { node.parentNode.removeChild(node); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  /* ---- The reader's choices ---- */

  function load() {
    try {
      var value = JSON.parse(window.localStorage.getItem(KEY));
      return value && typeof value === "object" ? value : {};
    } catch (e) {
      return {};
    }
  }

  function save(settings) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(settings));
    } catch (e) { /* private mode or storage full: the choice lasts for this page only */ }
  }

  var settings = load();

  function apply() {
    var size = SIZES.indexOf(settings.text) >= 0 ? settings.text : "standard";
    toggleClass("gs-text-large", size === "large");
    toggleClass("gs-text-xlarge", size === "xlarge");
    toggleClass("gs-contrast", settings.contrast === true);
    toggleClass("gs-cursor", settings.cursor === true);
    all("[data-gs-text]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-gs-text") === size));
    });
    all("[data-gs-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(settings[button.getAttribute("data-gs-toggle")] === true));
    });
    markScrollableSoon();
  }

  /* ---- Tables wider than the page ---- */

  /* Such a table scrolls sideways in its box: the box must then be reachable by the keyboard to
   * be scrolled without a mouse (WCAG 2.1.1), and only then, not to add a stop for nothing. Its
   * name, for a screen reader, is the heading it is under. */
  function markScrollable() {
    var heading = "";
    var used = {};
    var boxes = all(HEADINGS.split(", ").map(function (h) { return ".md-content__inner " + h; }).join(", ") +
                       ", .md-typeset__scrollwrap, .gs-table");
    boxes.forEach(function (box) {
      if (/^H[1-6]$/.test(box.tagName)) {
        heading = textOf(box);
        return;
      }
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls) {
        var name = (heading ? heading + "：" : "") + "表格，可左右滚动";
        used[name] = (used[name] || 0) + 1;
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", used[name] > 1 ? name + "（" + used[name] + "）" : name);
        box.setAttribute("data-gs-scrollable", "");
      } else if (box.hasAttribute("data-gs-scrollable")) {
        ["tabindex", "role", "aria-label", "data-gs-scrollable"].forEach(function (name) { box.removeAttribute(name); });
      }
    });
  }

  var pending = null;
  function markScrollableSoon() {
    window.clearTimeout(pending);
    pending = window.setTimeout(markScrollable, 100);
  }

  /* ---- The toolbar ---- */

  all("[data-gs-text]").forEach(function (button) {
    button.addEventListener("click", function () {
      settings.text = button.getAttribute("data-gs-text");
      save(settings);
      apply();
    });
  });
  all("[data-gs-toggle]").forEach(function (button) {
    button.addEventListener("click", function () {
      var name = button.getAttribute("data-gs-toggle");
      settings[name] = settings[name] !== true;
      save(settings);
      apply();
    });
  });
  // A choice made in another tab of the site applies here too.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) {
      settings = load();
      apply();
    }
  });
  window.addEventListener("load", markScrollable);   // Material wraps the tables before
  window.addEventListener("resize", markScrollableSoon);
  apply();

  /* Material's two toggles (the navigation drawer and search) lost autocomplete="off", which is
   * not valid on a checkbox (generator/render/mkdocs_hooks.py); what it did, Firefox not
   * restoring a checked toggle on reload, is done here, before Material's own script starts. */
  all("input.md-toggle").forEach(function (input) { input.checked = false; });

  /* Material turns single keys into page changes (p and "," the previous page, n and "." the
   * next) with no way to turn them off: a reader who brushes a key is taken off the page
   * (WCAG 2.1.4). They are stopped here, before they reach Material's listener on window; the
   * element the key was pressed in still gets it. */
  var PAGE_KEYS = ["p", ",", "n", "."];
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || PAGE_KEYS.indexOf(event.key) < 0 ||
        (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)))) {
      return;
    }
    event.stopPropagation();
  });

  /* ---- On a phone the search field folds away behind the 搜索 button in the header ---- */

  var searchButton = document.querySelector(".gs-search-toggle");
  var searchForm = document.getElementById("gs-search");
  function setSearchOpen(open) {
    searchButton.setAttribute("aria-expanded", String(open));
    toggleClass("gs-search-open", open);
  }
  if (searchButton && searchForm) {
    searchButton.addEventListener("click", function () {
      var open = searchButton.getAttribute("aria-expanded") !== "true";
      setSearchOpen(open);
      if (open) { document.getElementById("gs-q").focus(); }
    });
    searchForm.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && searchButton.getAttribute("aria-expanded") === "true" &&
          window.getComputedStyle(searchButton).display !== "none") {
        setSearchOpen(false);
        searchButton.focus();
      }
    });
  }

  /* ---- 朗读 ---- */

  /* The page's main text read aloud by the browser's own speech (speechSynthesis), block by
   * block so that a long page is not cut off (some browsers stop a long utterance), the block
   * being read marked on the page. Where the browser cannot speak, the buttons stay hidden. */
  var speech = document.querySelector("[data-gs-speech]");
  var article = document.querySelector(".md-content__inner");
  var synth = window.speechSynthesis;
  if (!speech || !article || !synth || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }
  speech.hidden = false;

  var BLOCKS = HEADINGS + ", p, li, tr, dt, dd, .admonition-title";
  var floatingStop = speech.querySelector(".gs-a11y__float-stop");
  var reading = null;   // the element being read
  var run = 0;          // which reading the queued utterances belong to

  // The innermost blocks that are shown: a list item's paragraph is read once, as the paragraph;
  // a paragraph in a table cell, with its row.
  function blocks() {
    return all(BLOCKS, article).filter(function (element) {
      if (!element.getClientRects().length || element.querySelector("p, tr, " + HEADINGS)) { return false; }
      var parent = element.parentNode;
      return !(parent.closest && parent.closest("tr"));
    });
  }

  // Pieces of at most 120 characters, cut after a sentence or a clause where possible.
  function pieces(text) {
    var out = [];
    while (text.length > 120) {
      var cut = -1;
      ["。", "；", "！", "？", "，", "、", " "].some(function (mark) {
        cut = text.lastIndexOf(mark, 119);
        return cut > 40;
      });
      cut = cut > 40 ? cut + 1 : 120;
      out.push(text.slice(0, cut));
      text = text.slice(cut);
    }
    if (text.trim()) { out.push(text); }
    return out;
  }

  function chineseVoice() {
    var voices = synth.getVoices() || [];
    return voices.filter(function (v) { return /^zh[-_]CN/i.test(v.lang); })[0] ||
      voices.filter(function (v) { return /^zh/i.test(v.lang); })[0] || null;
  }

  function mark(element) {
    if (reading) { reading.classList.remove("gs-reading"); }
    reading = element;
    if (element) {
      element.classList.add("gs-reading");
      var box = element.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) {
        element.scrollIntoView({ block: "center" });
      }
    }
  }

  function showStop(on) {
    if (floatingStop) { floatingStop.hidden = !on; }
  }

  function stop() {
    run += 1;
    synth.cancel();
    mark(null);
    showStop(false);
  }

  function start() {
    stop();
    var current = run;
    var voice = chineseVoice();
    var utterances = [];
    blocks().forEach(function (element) {
      pieces(textOf(element)).forEach(function (piece, index) {
        var utterance = new window.SpeechSynthesisUtterance(piece);
        utterance.lang = "zh-CN";
        utterance.rate = 0.9;
        if (voice) { utterance.voice = voice; }
        if (index === 0) {
          utterance.onstart = function () { if (run === current) { mark(element); } };
        }
        utterances.push(utterance);
      });
    });
    if (utterances.length) {
      utterances[utterances.length - 1].onend = function () { if (run === current) { mark(null); showStop(false); } };
      showStop(true);
    }
    utterances.forEach(function (utterance) { synth.speak(utterance); });
  }

  all("[data-gs-speak]", speech).forEach(function (button) {
    button.addEventListener("click", button.getAttribute("data-gs-speak") === "start" ? start : stop);
  });
  // Speech would go on after the page is left.
  window.addEventListener("pagehide", stop);
}());
