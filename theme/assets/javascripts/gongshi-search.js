/* gongshi search: reads the static index that generator/render/search_index.py writes.
 *
 * A query is cut into terms exactly as the pages were (one Chinese character or one run of
 * letters and digits is a unit; two adjacent units make a term), so a page is found when it holds
 * every term of the query; pages that hold the query as written come first. The search box is a
 * plain form (?q=…): the page works with the browser's back button and can be linked to. Every
 * text from the index is put into the page as text, never as markup.
 */
(function () {
  "use strict";

  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2fa1f}";
  var SEGMENT = new RegExp("(?:[" + HAN + "]|[0-9a-z])+", "gu");
  var UNIT = new RegExp("[" + HAN + "]|[0-9a-z]+", "gu");
  var ALNUM = /^[0-9a-z]/;
  var SPACE_BY_HAN = new RegExp("(?<=[" + HAN + "])[ \\t]+|[ \\t]+(?=[" + HAN + "])", "gu");
  var DIGIT_GROUP = /(?<=[0-9]),(?=[0-9]{3}(?![0-9]))/g;
  var SHOWN = 10;        // results a page of the list shows
  var RERANKED = SHOWN;  // results read in full (to be shown) and put in order: those holding the query as written first
  var PARTIAL = 0.6;     // share of the query's terms a page must hold when none holds all

  function normal(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(DIGIT_GROUP, "").replace(SPACE_BY_HAN, "");
  }

  function segments(text) {
    var runs = normal(text).match(SEGMENT) || [];
    return runs.map(function (run) { return run.match(UNIT); });
  }

  function terms(text) {
    var found = [];
    segments(text).forEach(function (units) {
      if (units.length === 1) { found.push(units[0]); return; }
      for (var i = 0; i + 1 < units.length; i++) found.push(units[i] + units[i + 1]);
      units.forEach(function (u) { if (ALNUM.test(u)) found.push(u); });
    });
    return found;
  }

  function termFile(term, files) {
    var bytes = new TextEncoder().encode(term), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h % files;
  }

  // Units with a mark between each: "|示|医|保|罚|2025|1|号|" holds "|1|号|" but "|21|号|" does not.
  function unitString(text) {
    var units = [];
    segments(text).forEach(function (s) { units = units.concat(s); });
    return units.length ? "|" + units.join("|") + "|" : "";
  }

  var cache = {};
  function getJSON(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      });
    }
    return cache[url];
  }

  // A query's terms. A Chinese character standing alone (罚 in 罚〔2025〕12号) is indexed only where it
  // stands alone on a page too: it is left to the exact-match ordering, unless it is all there is.
  function queryTerms(query) {
    var all = Array.from(new Set(terms(query)));
    var words = all.filter(function (t) { return ALNUM.test(t) || Array.from(t).length > 1; });
    return words.length ? words : all;
  }

  // Terms with numbers or letters (2025, 3号, cf) identify: a page without one of them is not
  // offered even as a partial match (〔2025〕3号 is not 〔2025〕2号). Chinese words may be typed a
  // character wrong.
  function isNumber(term) { return /[0-9a-z]/.test(term); }

  // The pages holding the query's terms, best first: [{n, url, score, held}], and whether every term was held.
  function rank(index, query) {
    var wanted = queryTerms(query);
    return getJSON(index + "meta.json").then(function (meta) {
      return Promise.all(wanted.map(function (term) {
        return getJSON(index + "t/" + termFile(term, meta.files) + ".json").then(function (file) {
          return Object.prototype.hasOwnProperty.call(file, term) ? file[term] : [];
        });
      })).then(function (lists) {
        var score = new Map(), held = new Map(), numbers = new Map();
        lists.forEach(function (list, k) {
          var number = isNumber(wanted[k]);
          for (var i = 0; i < list.length; i += 2) {
            score.set(list[i], (score.get(list[i]) || 0) + list[i + 1]);
            held.set(list[i], (held.get(list[i]) || 0) + 1);
            if (number) numbers.set(list[i], (numbers.get(list[i]) || 0) + 1);
          }
        });
        var required = wanted.filter(isNumber).length;
        var all = [], some = [], needed = Math.max(1, Math.ceil(wanted.length * PARTIAL));
        held.forEach(function (n, page) {
          var hit = {n: page, score: score.get(page), held: n};
          if (n === wanted.length) all.push(hit);
          else if (n >= needed && (numbers.get(page) || 0) === required) some.push(hit);
        });
        var order = function (a, b) { return b.held - a.held || b.score - a.score || a.n - b.n; };
        return all.length ? {hits: all.sort(order), complete: true}
                          : {hits: some.sort(order), complete: false};
      });
    });
  }

  function pageFile(index, url) {
    return index + "p/" + (url.replace(/^\/+|\/+$/g, "") || "index") + ".json";
  }

  // A hit with its page read: the address from the list of addresses it is in, then its entry.
  function read(index, hit) {
    if (hit.doc) return Promise.resolve(hit);
    return getJSON(index + "meta.json").then(function (meta) {
      return getJSON(index + "u/" + Math.floor(hit.n / meta.chunk) + ".json").then(function (chunk) {
        var entry = chunk[hit.n % meta.chunk];
        if (meta.inline) { hit.url = entry.url; return entry; }   // the portal: its entries are in the chunk
        hit.url = entry;
        return getJSON(pageFile(index, hit.url));
      });
    }).then(function (page) {
      hit.doc = page;
      return hit;
    });
  }

  // The first RERANKED hits read in full; those that hold the query as written move to the top.
  function exactFirst(index, query, hits) {
    var phrase = unitString(query);
    var head = hits.slice(0, RERANKED);
    return Promise.all(head.map(function (hit) {
      return read(index, hit).then(function (hit) {
        var page = hit.doc;
        var inTitle = phrase && unitString(page.title).indexOf(phrase) >= 0;
        var inText = phrase && unitString(page.text).indexOf(phrase) >= 0;
        hit.exact = inTitle ? 2 : inText ? 1 : 0;
        return hit;
      });
    })).then(function (read) {
      read.sort(function (a, b) { return b.exact - a.exact || b.held - a.held || b.score - a.score || a.n - b.n; });
      return read.concat(hits.slice(RERANKED));
    });
  }

  // A regular expression for each run of the query, to find it in a page's text as written.
  function finders(query) {
    return segments(query).map(function (units) {
      var source = units.map(function (u) { return u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("");
      return new RegExp(source, "giu");
    });
  }

  function snippet(text, query) {
    var found = finders(query), start = 0;
    for (var i = 0; i < found.length; i++) {
      found[i].lastIndex = 0;
      var m = found[i].exec(text);
      if (m) { start = Math.max(0, m.index - 30); break; }
    }
    var piece = (start > 0 ? "…" : "") + text.slice(start, start + 110) + (text.length > start + 110 ? "…" : "");
    var paragraph = document.createElement("p");
    var marks = [];
    found.forEach(function (re) {
      re.lastIndex = 0;
      var m;
      while ((m = re.exec(piece)) !== null && m[0]) marks.push([m.index, m.index + m[0].length]);
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var at = 0;
    marks.forEach(function (span) {
      if (span[0] < at) return;
      paragraph.appendChild(document.createTextNode(piece.slice(at, span[0])));
      var mark = document.createElement("mark");
      mark.textContent = piece.slice(span[0], span[1]);
      paragraph.appendChild(mark);
      at = span[1];
    });
    paragraph.appendChild(document.createTextNode(piece.slice(at)));
    return paragraph;
  }

  function show(root, hits, from, query, base) {
    var list = root.querySelector("[data-gs-results]");
    hits.slice(from, from + SHOWN).forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = base + hit.url;
      link.textContent = hit.doc ? hit.doc.title : hit.url;
      var heading = document.createElement("h2");
      heading.appendChild(link);
      item.appendChild(heading);
      if (hit.doc && hit.doc.text) item.appendChild(snippet(hit.doc.text, query));
      var where = document.createElement("p");
      where.className = "gs-find__url";
      where.textContent = hit.url || "首页";
      item.appendChild(where);
      list.appendChild(item);
    });
    var more = root.querySelector("[data-gs-more]");
    more.hidden = hits.length <= from + SHOWN;
    more.onclick = function () {
      var next = from + SHOWN, index = root.getAttribute("data-gs-index");
      Promise.all(hits.slice(next, next + SHOWN).map(function (hit) { return read(index, hit); })).then(function () {
        var first = list.children.length;
        show(root, hits, next, query, base);
        var link = list.children[first] && list.children[first].querySelector("a");
        if (link) link.focus();
      });
    };
  }

  function say(root, text) {
    root.querySelector("[data-gs-status]").textContent = text;
  }

  function run(root) {
    var index = root.getAttribute("data-gs-index"), base = root.getAttribute("data-gs-base") || "";
    var input = root.querySelector("input[name=q]");
    var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
    input.value = query;
    if (!query) { say(root, root.getAttribute("data-gs-prompt") || ""); return; }
    document.title = "“" + query + "”的搜索结果 - " + document.title;
    var wanted = queryTerms(query);
    if (!wanted.length) { say(root, "请输入汉字、数字或字母。"); return; }
    // Lone Chinese characters are indexed only where they stand alone: ask for a word.
    if (wanted.every(function (t) { return !ALNUM.test(t) && Array.from(t).length === 1; })) {
      say(root, "请至少输入两个相连的汉字，如“大药房”，或者数字、字母。");
      return;
    }
    say(root, "正在查找……");
    rank(index, query).then(function (ranked) {
      return exactFirst(index, query, ranked.hits).then(function (hits) {
        if (!hits.length) {
          say(root, "没有找到包含“" + query + "”的页面。请检查输入，或者少输入几个字再试。");
          return;
        }
        say(root, ranked.complete ? "找到 " + hits.length + " 个包含“" + query + "”的页面。"
                                  : "没有页面包含“" + query + "”的全部文字；以下 " + hits.length + " 个页面包含其中大部分。");
        show(root, hits, 0, query, base);
      });
    }).catch(function () {
      say(root, "搜索暂时无法使用，请稍后再试，或者从栏目中查找。");
    });
  }

  // The ranked results of a query, as the list shows them: for the tests, which keep the Python
  // side and this one equal and ask many queries of one page.
  function find(index, query) {
    return rank(index, query).then(function (ranked) {
      return exactFirst(index, query, ranked.hits).then(function (hits) {
        return {complete: ranked.complete, urls: hits.map(function (hit) { return hit.url; })};
      });
    });
  }

  window.gongshiSearch = {terms: terms, termFile: termFile, find: find};
  document.querySelectorAll("[data-gs-search]").forEach(run);
})();
