/* onboardkit search worker: wraps Material's search worker.
 *
 * 1. Arabic normalisation: index terms and query terms are folded alike, so a query matches
 *    whatever the article prefix (ال), hamza form, taa marbuta, alef maqsura or diacritics.
 * 2. Results in the reader's language come first; the other languages follow.
 *
 * The page passes, in this script's URL: material (Material's worker file name, loaded from
 * this folder), lang (the page's language) and prefixes (comma-separated URL prefixes of the
 * non-default languages, e.g. "ar").
 */
"use strict";

const params = new URLSearchParams(self.location.search);
const pageLanguage = params.get("lang") || "";
const prefixes = (params.get("prefixes") || "").split(",").filter(Boolean);

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ARABIC_WORD = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]+/g;
const PREFIXES = ["وال", "فال", "بال", "كال", "لل", "ال"];

function foldArabicWord(word) {
  let folded = word
    .replace(DIACRITICS, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه");
  for (const prefix of PREFIXES) {
    if (folded.startsWith(prefix) && folded.length - prefix.length >= 2) {
      folded = folded.slice(prefix.length);
      break;
    }
  }
  return folded;
}

function foldArabic(text) {
  return text.replace(ARABIC_WORD, foldArabicWord);
}
self.onboardkitFoldArabic = foldArabic;

function languageOf(location) {
  for (const prefix of prefixes) {
    if (location === prefix || location.startsWith(prefix + "/")) return prefix;
  }
  return "";
}

function rankByLanguage(items) {
  const wanted = prefixes.includes(pageLanguage) ? pageLanguage : "";
  const mine = [];
  const others = [];
  for (const group of items) {
    const first = Array.isArray(group) ? group[0] : group;
    const location = first && typeof first.location === "string" ? first.location : "";
    (languageOf(location) === wanted ? mine : others).push(group);
  }
  return mine.concat(others);
}

/* Registered before Material's listener, so the query is folded before Material reads it.
   Message types of Material 9: 0 setup, 1 ready, 2 query, 3 result. */
addEventListener("message", (event) => {
  const message = event.data;
  if (message && message.type === 2 && typeof message.data === "string") {
    message.data = foldArabic(message.data);
  }
});

const postToPage = self.postMessage.bind(self);
self.postMessage = (message, ...rest) => {
  if (message && message.type === 3 && message.data && Array.isArray(message.data.items)) {
    message.data.items = rankByLanguage(message.data.items);
  }
  return postToPage(message, ...rest);
};

importScripts(params.get("material"));

(function foldIndexTerms(lunr) {
  if (!lunr) return;
  const fold = (token) => token.update((text) => foldArabic(text));
  lunr.Pipeline.registerFunction(fold, "onboardkitFoldArabic");
  const add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this.onboardkitFolding) {
      this.pipeline.add(fold);
      this.searchPipeline.add(fold);
      this.onboardkitFolding = true;
    }
    return add.call(this, doc, attributes);
  };
})(self.lunr);
