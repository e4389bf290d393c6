/* Reader-friendly queries for Material's search worker.
 *
 * Material 9.8 has no hook for rewriting a query (its `search.transform` went with v7), so
 * this small worker stands in front of Material's own one: search_hook.py points the
 * theme's `__config.search` here, and this file loads Material's worker with importScripts
 * and speaks its message protocol (setup, ready, query, result) in both directions. Material
 * still builds the index, scores, highlights and renders; this only changes what it is asked
 * and tidies what it answers:
 *
 * - words: Latin letters and digits split from Chinese ("RAG是什么" is "rag 是 什么"), and
 *   Chinese split into the index's own words;
 * - filler words (是、什么、的、is、what、the…) are dropped, so they neither match nor
 *   highlight; "和 / vs / 区别…" are dropped too but mark a comparison question;
 * - a whole word outranks a word it is the start of ("AI" the word, not "AIGC");
 * - an English word of five letters or more that starts no word in the index is read as a
 *   one-letter typo ("temprature") or two words run together ("deepseek") when that fixes it;
 * - a query that is one of a term's names ("RAG", "幻觉") puts that term's page first, ahead
 *   of pages that merely use the name more often (RAG variants, 幻觉率);
 * - a comparison question puts the comparison page that names every compared thing first;
 * - a result never lists as missing a word its page contains;
 * - only the best results are highlighted, so that a word on all of 1,000 pages answers fast.
 *
 * search_hook.py writes the file name of Material's worker into the importScripts call below.
 */
"use strict"

const EXACT_BOOST = 3     // a whole-word match counts this much more than a prefix match
const COMPARE = "compare/" // where comparison pages live (docs/compare/)
const TYPO_MIN = 5         // shorter English words are too ambiguous to correct
const HIGHLIGHTED = 50     // results Material highlights; a reader sees ten at a time

// Filler in questions. Kept short on purpose: every word here can never be searched for.
const FILLER = new Set([
  // Chinese
  "是", "什么", "的", "吗", "呢", "吧", "啊", "呀", "了", "么", "啥", "是什么", "什么是", "是啥",
  "有", "有什么", "有啥", "什么样", "怎么", "怎么样", "怎样", "如何", "为什么", "为啥", "一下",
  "请问", "意思", "什么意思", "是不是", "有没有", "哪个", "哪些", "指", "叫", "所谓", "到底",
  "解释", "介绍", "会", "能", "可以", "要", "该", "按",
  // English
  "a", "an", "the", "is", "are", "was", "be", "what", "whats", "which", "who", "how", "why",
  "does", "do", "did", "of", "to", "in", "on", "for", "with", "it", "its", "s", "me", "mean",
  "means", "meaning", "explain", "explained", "i", "we", "you", "my", "our", "can", "should",
])
// Words that make a question a comparison; filler too.
const COMPARING = new Set([
  "和", "与", "跟", "及", "或", "还是", "区别", "不同", "对比", "比较", "差别", "差异", "异同",
  "有何不同", "有什么不同", "有什么区别", "哪个好", "选哪个",
  "vs", "versus", "and", "or", "difference", "differences", "between", "compare", "compared",
  "comparison", "better",
])
const isFiller = word => FILLER.has(word) || COMPARING.has(word)

const HAN = /\p{sc=Han}/u
const HAN_RUNS = /(\p{sc=Han}+)/u
const LATIN = /^[a-z]+$/
// lunr's query syntax is not for readers; "what's" is "what s"; a question mark ends a question
const LUNR_SYNTAX = /[~^*+:"'’?;]/g

/* ----------------------------------------------------------------------------
 * The index's vocabulary, read once from the documents Material is given
 * ------------------------------------------------------------------------- */

let separator = /\s+/
let vocabulary = new Map()   // word -> number of documents it is in
let sorted = []              // the same words, sorted, to ask "does any word start with…"
let pageText = new Map()     // article location -> its words, lowercased, for "missing"
let named = new Map()        // a name's words, as a query is read -> the pages of that name
let documents = new Map()    // location -> the document Material was given

function learn(index) {
  separator = new RegExp(index.config.separator)
  vocabulary = new Map()
  pageText = new Map()
  documents = new Map(index.docs.map(doc => [doc.location, doc]))
  for (const doc of index.docs) {
    const text = [doc.title, doc.text, ...(doc.tags || [])].join(" ").replace(/<[^>]*>/g, " ")
    const words = new Set(text.split(separator).filter(Boolean).map(word => word.toLowerCase()))
    for (const word of words)
      vocabulary.set(word, (vocabulary.get(word) || 0) + 1)
    const page = doc.location.split("#")[0]
    pageText.set(page, (pageText.get(page) || "") + " " + [...words].join(" "))
  }
  sorted = [...vocabulary.keys()].sort()
  named = new Map()
  for (const doc of index.docs)
    for (const name of doc.names || []) {
      const key = understand(name).words.join(" ")
      named.set(key, [...named.get(key) || [], doc.location])
    }
}

/* The position of the first word in the sorted vocabulary that is not before `prefix`. */
function firstFrom(prefix) {
  let low = 0, high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (sorted[middle] < prefix) low = middle + 1
    else high = middle
  }
  return low
}

const startsAWord = prefix => (sorted[firstFrom(prefix)] || "").startsWith(prefix)

/* ----------------------------------------------------------------------------
 * Understanding a query
 * ------------------------------------------------------------------------- */

/* A run of Chinese characters, split into the fewest known words (the index's words and
 * the filler words); a character no word covers stands alone and is searched as a prefix,
 * and so is an unfinished word at the end of the query ("满血" while typing "满血版"). */
function segmentHan(run, last) {
  const best = [{ cost: 0, from: -1 }]
  for (let end = 1; end <= run.length; end++) {
    best[end] = { cost: Infinity, from: end - 1 }
    for (let start = Math.max(0, end - 8); start < end; start++) {
      const word = run.slice(start, end)
      const known = vocabulary.has(word) || isFiller(word)
      const cost = known ? 1
        : end - start === 1 ? 2
          : last && end === run.length && startsAWord(word) ? 1 : Infinity
      if (best[start].cost + cost < best[end].cost)
        best[end] = { cost: best[start].cost + cost, from: start }
    }
  }
  const words = []
  for (let end = run.length; end > 0; end = best[end].from)
    words.unshift(run.slice(best[end].from, end))
  return words
}

/* The words of a Latin word that starts no word in the index, when two words run together
 * or one letter off explain it; otherwise the word as typed. */
function mend(word) {
  if (!LATIN.test(word) || word.length < TYPO_MIN || startsAWord(word))
    return [word]
  for (let cut = 2; cut <= word.length - 2; cut++)
    if (vocabulary.has(word.slice(0, cut)) && startsAWord(word.slice(cut)))
      return [word.slice(0, cut), word.slice(cut)]
  let found = word, seen = 0
  for (const candidate of oneLetterOff(word)) {
    const count = vocabulary.get(candidate) || 0
    if (count > seen) [found, seen] = [candidate, count]
  }
  return [found]
}

function* oneLetterOff(word) {
  const letters = "abcdefghijklmnopqrstuvwxyz"
  for (let i = 0; i <= word.length; i++) {
    if (i < word.length) yield word.slice(0, i) + word.slice(i + 1)                   // extra
    if (i < word.length - 1) yield word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
    for (const letter of letters) {
      yield word.slice(0, i) + letter + word.slice(i)                                  // missing
      if (i < word.length) yield word.slice(0, i) + letter + word.slice(i + 1)         // wrong
    }
  }
}

function understand(query) {
  const pieces = query.replace(LUNR_SYNTAX, " ").split(separator).filter(Boolean)
  const words = []
  let comparison = false
  pieces.forEach((piece, p) => {
    for (const part of piece.toLowerCase().split(HAN_RUNS).filter(Boolean)) {
      const last = p === pieces.length - 1
      const parts = HAN.test(part) ? segmentHan(part, last) : mend(part)
      for (const word of parts) {
        if (COMPARING.has(word)) comparison = true
        else if (!FILLER.has(word) && !words.includes(word)) words.push(word)
      }
    }
  })
  return { words, comparison: comparison && words.length > 1 }
}

/* Whether the index has this word and no longer word that starts with it. */
function onlyItself(word) {
  const at = firstFrom(word)
  return sorted[at] === word && !(sorted[at + 1] || "").startsWith(word)
}

/* The query in Material's syntax: each word whole (boosted) and as a prefix. A word that
 * starts no other word is asked once, whole, with both weights: the same score, and lunr
 * scores each clause against every page it matches, so one clause is half the work. */
const asLunr = words => words.map(word => onlyItself(word)
  ? `${word}^${EXACT_BOOST + 1}`
  : `${word}^${EXACT_BOOST} ${word}`).join(" ")

/* ----------------------------------------------------------------------------
 * Tidying Material's answer
 * ------------------------------------------------------------------------- */

function contains(page, word) {
  const text = pageText.get(page) || ""
  return HAN.test(word) ? text.includes(word) : text.includes(" " + word)
}

/* The groups that pass the test first, the others after them, each in Material's order. */
const first = (groups, test) => [...groups.filter(test), ...groups.filter(group => !test(group))]
const pageOf = group => group[0].location.split("#")[0]

function tidy(result, { words, comparison }) {
  for (const group of result.items)
    for (const item of group) {
      delete item.names
      for (const term of Object.keys(item.terms))
        if (!item.terms[term] && contains(pageOf(group), term)) item.terms[term] = true
    }
  if (comparison)
    result.items = first(result.items, group => pageOf(group).startsWith(COMPARE) &&
      words.every(word => contains(pageOf(group), word)))
  // After the comparison pages: a term named "开源与开放权重" is what that query asks for.
  const pages = named.get(words.join(" ")) || []
  result.items = first(result.items, group => pages.includes(pageOf(group)))
  return result
}

/* ----------------------------------------------------------------------------
 * Standing in front of Material's worker
 * ------------------------------------------------------------------------- */

const SETUP = 0, QUERY = 2, RESULT = 3
const listen = self.addEventListener.bind(self)
const post = self.postMessage.bind(self)
let material = null   // Material's message listener
let answer = null     // resolves with Material's next message

self.addEventListener = (type, listener, options) =>
  type === "message" && material === null ? (material = listener) : listen(type, listener, options)
self.postMessage = message => answer(message)
importScripts("__MATERIAL_WORKER__")

/* Material scores every match, then highlights every one before it answers: with 1,000 terms
 * a common word matches them all, and the highlighting is most of the time. So lunr's results
 * are put in the order Material will give them (its boost: a whole page, and the share of the
 * query's words a result has), Material gets the first HIGHLIGHTED, and the rest come back
 * after them as their pages, unhighlighted, so the result count stays true. */
let rest = []
const lunrSearch = lunr.Index.prototype.search
lunr.Index.prototype.search = function (query) {
  const results = lunrSearch.call(this, query)
  if (results.length <= HIGHLIGHTED)
    return results
  const words = [...new Set(query.split(/\s+/)
    .map(word => word.replace(/^[+-]/, "").replace(/[*~^].*$/, "").toLowerCase()).filter(Boolean))]
  for (const result of results) {
    const keys = Object.keys(result.matchData.metadata)
    const share = words.filter(word => keys.some(key => key.startsWith(word))).length / words.length
    result.rank = result.score * (1 + (+!result.ref.includes("#") + share) ** 2)
  }
  results.sort((a, b) => b.rank - a.rank)
  rest = results.slice(HIGHLIGHTED)
  return results.slice(0, HIGHLIGHTED)
}

/* The pages past the highlighted ones, each with its first paragraph only: the result list
 * shows a two-line teaser, and copying every page's whole text to the page costs time. */
function withTheRest(result) {
  const shown = new Set(result.items.map(pageOf))
  for (const { ref, rank } of rest) {
    const page = ref.split("#")[0]
    if (!shown.has(page) && documents.has(page)) {
      shown.add(page)
      const doc = documents.get(page)
      const end = doc.text.indexOf("</p>")
      const text = end >= 0 ? doc.text.slice(0, end + 4) : doc.text.slice(0, 300)
      result.items.push([{ ...doc, text, score: rank, terms: {} }])
    }
  }
  rest = []
  return result
}

const ask = message => new Promise(resolve => {
  answer = resolve
  material({ data: message })
})

async function handle(message) {
  if (message.type === SETUP)
    learn(message.data)
  if (message.type !== QUERY)
    return ask(message)
  const query = understand(message.data)
  if (query.words.length === 0)
    return { type: RESULT, data: { items: [] } }
  rest = []
  const reply = await ask({ type: QUERY, data: asLunr(query.words) })
  return { ...reply, data: tidy(withTheRest(reply.data), query) }
}

let queue = Promise.resolve()
listen("message", event => {
  queue = queue.then(() => handle(event.data)).then(post, error => {
    console.warn("search:", error)
    post({ type: RESULT, data: { items: [] } })
  })
})
