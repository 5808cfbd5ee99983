/**
 * Query understanding, before Pagefind and free of the DOM: what a visitor typed becomes the
 * Pagefind searches to run (the query itself first, then the plans' words for its everyday words,
 * src/lib/search-thesaurus.ts), a question in plain language is reduced to its content words
 * (孩子近视了政府管不管 → 儿童 近视), pinyin and English become the glossary's Chinese terms, and a
 * result whose only match cuts across a word of its text (托儿所 in 依托|儿科) is dropped.
 */
import { score, suggest, type GlossaryEntry } from '../lib/search-glossary.ts';
import { MAX_SHARE } from '../lib/search-synonyms.ts';
import { OFFICIAL, THESAURUS } from '../lib/search-thesaurus.ts';
import { englishSearches, type EnglishIndex } from './search-english.ts';
import { pinyinPhrase, rejoin, wordsForPinyin, type Lexicon } from './search-correct.ts';
import { normalise } from './search-forms.ts';

const segmenter = new Intl.Segmenter('zh-cn', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;

/** Words that frame a question, and function words: never what the question is about. */
const FRAMES = [
  '怎么办', '怎么样', '怎么', '怎样', '如何', '为什么', '为啥', '管不管', '管吗', '有没有', '有什么', '有哪些', '哪些', '哪里', '去哪里', '去哪儿',
  '哪儿', '哪个部门', '找谁', '找哪里', '是不是', '是否', '能不能', '可不可以', '可以', '能否', '应该', '需要', '什么', '多少', '一下', '请问',
  // Verbs that only say something happened or is to be done (遇到性骚扰该找谁).
  '遇到', '碰到', '遭到', '发生', '出现', '应当', '该', '得了',
  '政府', '国家', '部门', '相关', '规定', '政策', '措施', '办法', '帮助', '求助', '申请', '免费', '问题', '有人', '没有', '我们', '我家', '自己', '地方',
  // Question words of speech (咋办, 啥时候), adverbs that only weigh the question (到底, 一般), and
  // pronouns: by class, so a question put another way is still read (A-not-A forms are matched by rule, ANOT_A).
  '咋办', '咋整', '咋', '啥', '多久', '多长时间', '多大', '几岁', '几', '到底', '究竟', '一般', '一直', '总是', '经常', '老是', '特别', '非常', '太',
  '可能', '必须', '想要', '想', '打算', '合法', '违法吗', '正常', '算', '咱们', '他们', '她们', '别人', '人家', '我的', '大家',
  // One-character function words: cut out first, so that 有托育 does not segment as 有托|育.
  '有', '了', '的', '吗', '呢', '吧', '啊', '呀', '在', '被', '能', '会', '要', '去', '找', '给', '对', '让', '和', '跟', '都', '还', '也', '就', '管', '谁', '我', '你', '他', '她',
];
const FRAME_SET = new Set(FRAMES);
/** What makes a query a question (only then are frame words removed). */
const QUESTION = /[吗呢吧？?]|怎|如何|哪|谁|什么|是否|为啥|咋|啥|多久|(\p{Script=Han})[不没]\1/u;
/** A-not-A, the yes-no question of speech (会不会, 管不管, 有没有, 可不可以): frame words by rule. */
const ANOT_A = /^(\p{Script=Han})[不没]\1/u;
/** Plan words too broad to search alone: inside a longer query they narrow, alone they flood. */
const BROAD = new Set(['儿童', '婴幼儿', '妇女', '学生', '母亲', '父母', '家庭', '老年人', '未成年人', '暴力', '就业', '歧视', '妻子', '丈夫', '网络', '学校', '机构', '服务']);
const MAX_KEY = Math.max(...[...THESAURUS.keys(), ...FRAMES].map((k) => k.length));

export interface QueryPlan {
  /** Pagefind queries in order: the first is the visitor's own (or its reduction). */
  searches: string[];
  /** Words the visitor meant, plan words included: marked in excerpts, ranked phrase-first. */
  terms: string[];
  /** Set when a question was reduced: the words searched for, to tell the visitor. */
  reduced?: string;
  /** Set when the query found little and its own words are also searched alone (`partial`): those words, to tell the visitor. */
  partial?: string[];
  /** Whether the index's vocabulary would change the plan (a question, a query of several words, pinyin or English). */
  wantsLexicon?: boolean;
}

const pieces = (s: string) => [...segmenter.segment(s)].filter((x) => x.isWordLike).map((x) => x.segment);

/**
 * Frame words that only tie a question together (了, 被, 的): a character next to them may still be
 * its subject (孩子被拐了 → 拐). Next to any other frame word (归谁管, 该找谁) a lone character is
 * part of the question's scaffolding.
 */
const PARTICLES = new Set(['了', '的', '吗', '呢', '吧', '啊', '呀', '被', '在', '和', '跟', '也', '都', '还', '就']);

interface Token {
  word: string;
  plan?: readonly string[];
  /** A lone character of a question, not next to a frame verb: kept only if it leads to index words. */
  lone?: boolean;
}

/** Cuts Chinese text into thesaurus words, frame words (dropped when `question`) and the rest. */
function tokens(text: string, question: boolean, lex?: Lexicon): Token[] {
  // First the text as a sequence of thesaurus words, frame words and runs of the rest.
  const seq: { text: string; kind: 'thesaurus' | 'frame' | 'rest' }[] = [];
  let rest = '';
  const flush = () => {
    if (rest) seq.push({ text: rest, kind: 'rest' });
    rest = '';
  };
  // Where the browser's segmenter puts word boundaries: a thesaurus word that would cut one of
  // its words (女工 in 男女|工资) is not that word there.
  const spansOfText = wordSpans(text);
  const cuts = (at: number, end: number) => spansOfText.some(([a, b]) => (a < at && b > at) || (a < end && b > end));
  for (let i = 0; i < text.length; ) {
    let hit = 0;
    if (question) {
      const a = ANOT_A.exec(text.slice(i));
      // 可不可以: the A-not-A and what follows its second A, when that makes a frame word (可以).
      if (a) hit = FRAME_SET.has(text.slice(i + 2, i + 4)) ? 4 : 3;
    }
    for (let n = Math.min(MAX_KEY, text.length - i); n > 0 && !hit; n--) {
      const k = text.slice(i, i + n);
      if ((THESAURUS.has(k.toLowerCase()) && !(n > 1 && cuts(i, i + n))) || (question && FRAME_SET.has(k))) hit = n;
    }
    // A one-character key (胖) counts only in a question: in a typed term it is part of a word.
    if (hit && (hit > 1 || question)) {
      flush();
      const k = text.slice(i, i + hit);
      seq.push({ text: k, kind: THESAURUS.has(k.toLowerCase()) && !ANOT_A.test(k) ? 'thesaurus' : 'frame' });
      i += hit;
    } else {
      rest += text[i++];
    }
  }
  flush();
  const verb = (at: number) => seq[at]?.kind === 'frame' && !PARTICLES.has(seq[at]!.text);
  const out: Token[] = [];
  seq.forEach((s, at) => {
    if (s.kind === 'thesaurus') return void out.push({ word: s.text, plan: THESAURUS.get(s.text.toLowerCase()) });
    if (s.kind === 'frame') return;
    // ICU cuts words it does not know into characters (托育 → 托|育, 性|骚扰): with the vocabulary,
    // pieces that form an index word are joined again; without it, runs of single characters.
    const runs = rejoin(pieces(s.text), lex);
    runs.forEach((p, j) => {
      // An everyday word the index lacks that the dictionary reads as index words (女孩 → 女童).
      const bridged = lex && !lex.has(p) ? lex.bridge.get(p) : undefined;
      if (bridged && !(question && FRAME_SET.has(p))) return void out.push({ word: p, plan: bridged });
      if (!question) return void out.push({ word: p });
      if (FRAME_SET.has(p)) return;
      if (p.length > 1) return void out.push({ word: p });
      // A lone character beside a frame verb (归 of 归谁管) frames the question too.
      const before = j === 0 && verb(at - 1);
      const after = j === runs.length - 1 && verb(at + 1);
      if (!before && !after) out.push({ word: p, lone: true });
    });
  });
  return out;
}

const unique = (xs: string[]) => [...new Set(xs.filter(Boolean))];

/** How many items the vocabulary was counted in (no share limit when it does not say). */
const itemsOf = (lex: Lexicon) => lex.items ?? Infinity;

/** A character in more index words than this says little alone (防, 补): it is not expanded. */
const SPECIFIC = 6;

/**
 * Index words for a word the index does not hold (拐 → 拐卖, 被拐 → 拐卖): the words that hold it
 * without cutting their own words (not 妇女儿童 for 女儿), the shortest and most widespread
 * first, none too widespread to search alone. Empty for an index word itself, and for a character
 * that many index words share.
 */
export function containing(word: string, lex: Lexicon, max = 2): string[] {
  if (lex.has(word)) return [];
  const limit = MAX_SHARE * itemsOf(lex);
  const all: string[] = [];
  for (let len = [...word].length + 1; len <= lex.longest; len++) {
    for (const w of lex.byLength.get(len) ?? []) if (w.includes(word) && holdsWord(w, word)) all.push(w);
  }
  if ([...word].length === 1 && all.length > SPECIFIC) return [];
  return all.filter((w) => lex.count(w) <= limit).slice(0, max);
}

/**
 * The index words for a word the index does not hold: those containing it, else its pieces that
 * are index words, longest first (学前班 → 学前; 防骗 → 诈骗 by its specific character 骗).
 */
export function indexWords(word: string, lex: Lexicon): string[] {
  if (lex.has(word)) return [word];
  const inside = containing(word, lex);
  if (inside.length || [...word].length === 1) return inside;
  const cs = [...word];
  const out: string[] = [];
  for (let i = 0; i < cs.length; ) {
    let n = Math.min(lex.longest, cs.length - i);
    for (; n > 1 && !lex.has(cs.slice(i, i + n).join('')); n--);
    if (n > 1) out.push(cs.slice(i, i + n).join(''));
    else out.push(...containing(cs[i]!, lex, 1));
    i += Math.max(n, 1);
  }
  return unique(out);
}

/**
 * The search as a Pagefind phrase where it has a Chinese term the browser cuts wholly into
 * characters (托育 → 托|育): unquoted, Pagefind finds each character apart (依托 … 教育), and its
 * counts and filter counts include those results. Quoted, only items holding the characters
 * together match, and Pagefind's own counts agree with the results shown. The search itself when
 * it has no such term.
 */
export function pagefindSearch(search: string): string {
  return search
    .split(' ')
    .map((t) => {
      if (!HAN.test(t) || /^".*"$/.test(t) || [...t].length < 2) return t;
      const ps = pieces(t);
      return ps.length > 1 && ps.every((p) => p.length === 1) ? `"${t}"` : t;
    })
    .join(' ');
}

/**
 * Whether the phrase search stands for the term: a phrase matches whole index words only, so a
 * term that mostly lives inside longer ones (学前 in 学前教育) finds far fewer as a phrase, and is
 * better searched plainly, its results checked word by word (matchesWords).
 */
export const phraseHolds = (phraseResults: number, plainResults: number) => phraseResults > 0 && 2 * phraseResults >= plainResults;

/** Words the visitor typed, without the quotes a phrase search adds. */
export const unquoted = (search: string) => search.replace(/"/g, '');

/**
 * The searches for a query. Latin queries (pinyin, English) search the glossary's nearest terms
 * too, then the index words their pinyin spells and those the dictionary glosses with their
 * English words (search-english.ts). A Chinese term that is a thesaurus word is also searched as
 * each of its plan words; a question is searched as its content words (everyday words replaced by
 * their first plan word) and then each plan word alone, so a question whose words never meet in
 * one item still finds the items about its subject. With the index's vocabulary, a word the
 * index does not hold is searched as the index words that contain it (被拐 → 拐卖), and a query
 * of several words also searches each specific one alone, the rarest first. With `partial` (the
 * query as typed found little), so does a term the browser cuts into several index words
 * (产后恢复 → 产后, 恢复): what no item holds together is still found in part.
 */
export function understand(query: string, glossary: readonly GlossaryEntry[] = [], lex?: Lexicon, english?: EnglishIndex, partial = false): QueryPlan {
  // Full-width forms, punctuation and (with the vocabulary) traditional characters first.
  const q = normalise(query, lex);
  if (!q) return { searches: [], terms: [] };
  if (!HAN.test(q)) {
    // The glossary's terms first (English glosses, hand-checked), then the index words the pinyin
    // spells, then the dictionary's.
    // A dictionary word that says the whole query comes before the glossary's terms that share
    // only one of its words (pregnant women: 孕妇 before 妇女参政).
    const hits = suggest(q, glossary).slice(0, 3);
    const close = hits.filter((e) => score(q, e) >= 2).map((e) => e.term);
    const loose = hits.map((e) => e.term).filter((t) => !close.includes(t));
    // Pinyin of one index word, else of several (hunqian jiancha → 婚前 检查, then each alone).
    const one = lex ? wordsForPinyin(q, lex, 2) : [];
    const phrase = lex && !one.length ? pinyinPhrase(q, lex) : undefined;
    const spelt = phrase ? [phrase, ...phrase.split(' ').filter((w) => lex!.count(w) <= MAX_SHARE * itemsOf(lex!))] : one;
    const dict = english ? englishSearches(q, english, lex) : { searches: [], words: [], whole: false };
    // Read word by word (no gloss says the whole query) only when nothing closer was found.
    const byWord = close.length || spelt.length ? [] : dict.searches;
    // A reading of every query word (women's rights → 妇女 权益) before a glossary term sharing one word (妇女参政).
    const near = dict.whole ? [...close, ...spelt, ...dict.searches, ...loose] : [...close, ...spelt, ...byWord, ...loose];
    return { searches: unique([q, ...near]), terms: unique([...q.split(' '), ...near]), wantsLexicon: true };
  }
  const question = QUESTION.test(q);
  const words: Token[] = q.split(' ').flatMap((t) => (HAN.test(t) ? tokens(t, question, lex) : [{ word: t }]));
  const limit = lex ? MAX_SHARE * itemsOf(lex) : Infinity;
  /** Too widespread to search alone. */
  const broad = (w: string) => BROAD.has(w) || (lex ? lex.count(w) > limit : false);
  /** Rarest first, with the vocabulary; as typed without it. */
  const rarest = (ws: string[]) => (lex ? [...ws].sort((a, b) => lex.count(a) - lex.count(b)) : ws);
  // A word the index does not hold (with the vocabulary to tell): the index words for it. In a
  // question, only the words containing it: the browser cut the question into words, and one the
  // index lacks (看不起, 玩水) has nothing to find. Without the vocabulary, a lone character of a
  // question is dropped, any other word searched as typed.
  const reach = (w: Token): string[] => {
    if (w.plan || !HAN.test(w.word)) return [w.word];
    if (!lex) return w.lone ? [] : [w.word];
    if (question) return lex.has(w.word) ? [w.word] : containing(w.word, lex);
    return indexWords(w.word, lex);
  };
  if (question) {
    // The plan word of an everyday word; the word itself where the thesaurus lists it as official (离婚).
    const content = unique(words.flatMap((w) => (w.plan ? [OFFICIAL.has(w.word) ? w.word : w.plan[0]!] : reach(w).slice(0, 1))));
    const reduced = content.join(' ');
    const alone = words.flatMap((w) => (w.plan ? [...w.plan] : [])).filter((w) => !broad(w));
    const found = words.flatMap((w) => (w.plan ? [] : reach(w))).filter((w) => w.length > 1 && !broad(w));
    const fallback = content.length > 1 ? content.filter((w) => w.length > 1 && !broad(w)) : [];
    return { searches: unique([reduced, ...rarest(unique([...found, ...alone])), ...fallback]), terms: unique([...content, ...alone, ...found]), reduced, wantsLexicon: true };
  }
  // A plan word the term already holds (家务 in 家务劳动) adds nothing.
  // Only for a part of the query: 孤儿院 typed whole is still searched as 孤儿.
  for (const w of words) if (w.word !== q && w.plan?.some((p) => q.includes(p))) delete w.plan;
  const plan = words.flatMap((w) => (w.plan ? [...w.plan] : []));
  const terms = q.split(' ');
  // With the vocabulary, the words the index does not hold are searched as its words for them
  // (学前班 → 学前), and each specific word of a longer query alone, the rarest first: a query whose
  // words never meet in one item (孕妇补叶酸) still finds the items about its rarest word.
  const reached = words.map((w) => (w.plan ? [w.plan[0]!] : reach(w)));
  const changed = reached.some((r, i) => r.join(' ') !== words[i]!.word);
  const compound = (words.length > 1 && plan.length) || (lex && changed) ? [reached.map((r) => r[0] ?? '').filter(Boolean).join(' ')] : [];
  // Only where the query as typed may well find nothing: it has everyday words, several terms or
  // words the index lacks, or it did find little (母婴安全, two index words with results, stays as it is).
  const loose = partial || plan.length > 0 || terms.length > 1 || changed;
  const own = lex && loose ? words.flatMap((w, i) => (w.plan ? [] : reached[i]!)).filter((w) => w.length > 1 && lex.has(w) && !broad(w) && w !== q) : [];
  const alone = words.length > 1 ? rarest(unique([...plan.filter((w) => !broad(w)), ...own])) : [...plan, ...own];
  const searches = unique([q, ...compound, ...alone]);
  return { searches, terms: unique([...terms, ...plan, ...own]), wantsLexicon: words.length > 1 && plan.length > 0, ...(partial && own.length ? { partial: own } : {}) };
}

/** Word spans of a text, cached: a result's content is checked for several terms. */
const spans = new Map<string, [number, number][]>();
function wordSpans(text: string): [number, number][] {
  let s = spans.get(text);
  if (!s) {
    if (spans.size > 200) spans.clear();
    spans.set(text, (s = [...segmenter.segment(text)].map((x) => [x.index, x.index + x.segment.length] as [number, number])));
  }
  return s;
}

/**
 * Whether `text` holds `word` at a place that does not cut a word of the text in two: an
 * occurrence may lie inside a longer word (儿童 in 儿童节) but not straddle a boundary
 * (托儿 in 依托|儿科).
 */
export function holdsWord(text: string, word: string): boolean {
  if (!word) return false;
  let at = text.indexOf(word);
  if (at < 0) return false;
  const ws = wordSpans(text);
  for (; at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    const straddles = ws.some(([a, b]) => (a < at && b > at && b < end) || (a > at && a < end && b > end));
    if (!straddles) return true;
  }
  return false;
}

/** The text of a result that Pagefind searched: its content, heading and meta fields. */
export interface Searched {
  content: string;
  meta: Record<string, string | undefined>;
}

/**
 * Whether a result really holds the search's Chinese terms: each term (or every piece the
 * browser cuts it into) stands in its text as a word, or in a meta field (the hidden synonyms).
 * Pagefind matches a query's pieces separately and by prefix, so 托儿所 found 依托儿科.
 */
export function matchesWords(r: Searched, search: string, lex?: Lexicon): boolean {
  const content = r.content.replace(/\s+/g, '');
  const meta = Object.values(r.meta).join(' ');
  return unquoted(search).split(' ').every((t) => {
    if (!HAN.test(t)) return true;
    if (meta.includes(t) || holdsWord(content, t)) return true;
    // Pieces of one character cannot cut a word; the longer pieces must stand as words (a typo's
    // pieces, 家|廷|暴力, still find the items that hold 暴力). Pieces the index holds as one word
    // are joined first: the browser cuts 单亲妈妈 into 单|亲|妈妈, the index holds 单亲.
    // A term the browser cuts wholly into characters (托|育) must stand whole: its characters
    // apart (依托 … 教育) are not it. Its phrase search (pagefindSearch) never finds those.
    const raw = pieces(t);
    if (raw.length > 1 && raw.every((p) => p.length === 1)) return false;
    const long = rejoin(raw, lex).filter((p) => p.length > 1);
    return raw.length > 1 && long.some((p) => meta.includes(p) || holdsWord(content, p));
  });
}
