// Live readability indicator for « facile à lire et à comprendre » text areas.
// Same rules as portal/easy_read.py: sentences of at most data-max-words words, no
// acronyms, no word of the data-jargon list. No inline script: loaded as a static file.
(function () {
  "use strict";

  var WORD = /[\wÀ-ÿ]+(?:['’-][\wÀ-ÿ]+)*/g;
  var ACRONYM = /(^|[^\wÀ-ÿ])([A-ZÀ-Ý]{2,}s?)(?![\wÀ-ÿ])/g;

  function sentencesOf(text) {
    return text.split(/(?<=[.!?…])\s+|\n+/).filter(function (part) {
      return /[\wÀ-ÿ]/.test(part);
    });
  }

  function check(text, maxWords, jargon) {
    var result = { sentences: 0, words: 0, longest: 0, long: 0, acronyms: [], jargon: [] };
    sentencesOf(text).forEach(function (sentence) {
      var count = (sentence.match(WORD) || []).length;
      result.sentences += 1;
      result.words += count;
      result.longest = Math.max(result.longest, count);
      if (count > maxWords) result.long += 1;
    });
    var match;
    ACRONYM.lastIndex = 0;
    while ((match = ACRONYM.exec(text)) !== null) {
      if (result.acronyms.indexOf(match[2]) === -1) result.acronyms.push(match[2]);
    }
    var lowered = text.toLowerCase();
    result.jargon = jargon.filter(function (word) {
      return word && lowered.indexOf(word) !== -1;
    });
    return result;
  }

  function describe(result, maxWords) {
    if (!result.sentences) return ["Lisibilité : écrivez une phrase courte par ligne."];
    var average = Math.round((result.words / result.sentences) * 10) / 10;
    var lines = [
      "Lisibilité : " + result.sentences + " phrase(s), " + average +
        " mots par phrase en moyenne, la plus longue : " + result.longest +
        " mots (" + maxWords + " au plus).",
    ];
    if (result.long) lines.push(result.long + " phrase(s) trop longue(s) : coupez-les.");
    if (result.acronyms.length) {
      lines.push("Sigles à expliquer ou éviter : " + result.acronyms.join(", ") + ".");
    }
    if (result.jargon.length) lines.push("Mots à éviter : " + result.jargon.join(", ") + ".");
    if (!result.long && !result.acronyms.length && !result.jargon.length) {
      lines.push("Facile à lire : bravo.");
    }
    return lines;
  }

  function attach(area) {
    if (area.dataset.easyReadReady) return;
    area.dataset.easyReadReady = "1";
    var maxWords = parseInt(area.dataset.maxWords, 10) || 15;
    var jargon = (area.dataset.jargon || "").split("|");
    var output = document.createElement("div");
    output.id = area.id + "-readability";
    output.className = "easy-read-indicator";
    output.setAttribute("role", "status");
    output.setAttribute("aria-live", "polite");
    area.insertAdjacentElement("afterend", output);
    var described = area.getAttribute("aria-describedby");
    area.setAttribute("aria-describedby", (described ? described + " " : "") + output.id);
    var timer = null;
    function update() {
      var result = check(area.value, maxWords, jargon);
      var easy = result.sentences && !result.long && !result.acronyms.length &&
        !result.jargon.length;
      output.classList.toggle("easy-read-indicator--ok", Boolean(easy));
      output.replaceChildren.apply(output, describe(result, maxWords).map(function (text) {
        var line = document.createElement("p");
        line.textContent = text;
        return line;
      }));
    }
    area.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 300);
    });
    update();
  }

  function start() {
    document.querySelectorAll("textarea[data-easy-read]").forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
