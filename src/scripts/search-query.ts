/**
 * Query understanding, before Pagefind and free of the DOM: what a visitor typed becomes the
 * Pagefind searches to run (the query itself first, then the plans' words for its everyday words,
 * src/lib/search-thesaurus.ts), a question in plain language is reduced to its content words
 * (孩子近视了政府管不管 → 儿童 近视), pinyin and English become the glossary's Chinese terms, and a
 * result whose only match cuts across a word of its text (托儿所 in 依托|儿科) is dropped.
 */
import { suggest, type GlossaryEntry } from '../lib/search-glossary.ts';
import { THESAURUS } from '../lib/search-thesaurus.ts';
import { rejoin, wordsForPinyin, type Lexicon } from './search-correct.ts';

const segmenter = new Intl.Segmenter('zh-cn', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;

/** Words that frame a question, and function words: never what the question is about. */
const FRAMES = [
  '怎么办', '怎么样', '怎么', '怎样', '如何', '为什么', '为啥', '管不管', '管吗', '有没有', '有什么', '有哪些', '哪些', '哪里', '去哪里', '去哪儿',
  '哪儿', '哪个部门', '找谁', '找哪里', '是不是', '是否', '能不能', '可不可以', '可以', '能否', '应该', '需要', '什么', '多少', '一下', '请问',
  '政府', '国家', '部门', '相关', '规定', '政策', '措施', '办法', '帮助', '求助', '申请', '免费', '问题', '有人', '没有', '我们', '我家', '自己', '地方',
  // One-character function words: cut out first, so that 有托育 does not segment as 有托|育.
  '有', '了', '的', '吗', '呢', '吧', '啊', '呀', '在', '被', '能', '会', '要', '去', '找', '给', '对', '让', '和', '跟', '都', '还', '也', '就', '管', '谁', '我', '你', '他', '她',
];
const FRAME_SET = new Set(FRAMES);
/** What makes a query a question (only then are frame words removed). */
const QUESTION = /[吗呢吧？?]|怎|如何|哪|谁|什么|有没有|管不管|能不能|是否|可不可以|为啥/;
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
}

const pieces = (s: string) => [...segmenter.segment(s)].filter((x) => x.isWordLike).map((x) => x.segment);

/** Cuts Chinese text into thesaurus words, frame words (dropped when `question`) and the rest. */
function tokens(text: string, question: boolean): { word: string; plan?: readonly string[] }[] {
  const out: { word: string; plan?: readonly string[] }[] = [];
  let rest = '';
  const flush = () => {
    // ICU cuts words it does not know into characters (托育 → 托|育): runs of them are joined again.
    const runs: string[] = [];
    let single = false;
    for (const p of pieces(rest)) {
      if (p.length === 1 && single) runs[runs.length - 1] += p;
      else runs.push(p);
      single = p.length === 1;
    }
    for (const p of runs) if (!question || (p.length > 1 && !FRAME_SET.has(p))) out.push({ word: p });
    rest = '';
  };
  for (let i = 0; i < text.length; ) {
    let hit = 0;
    for (let n = Math.min(MAX_KEY, text.length - i); n > 0 && !hit; n--) {
      const k = text.slice(i, i + n);
      if (THESAURUS.has(k) || (question && FRAME_SET.has(k))) hit = n;
    }
    // A one-character key (胖) counts only in a question: in a typed term it is part of a word.
    if (hit && (hit > 1 || question)) {
      flush();
      const k = text.slice(i, i + hit);
      if (THESAURUS.has(k)) out.push({ word: k, plan: THESAURUS.get(k) });
      i += hit;
    } else {
      rest += text[i++];
    }
  }
  flush();
  return out;
}

const unique = (xs: string[]) => [...new Set(xs.filter(Boolean))];

/**
 * The searches for a query. Latin queries (pinyin, English) search the glossary's nearest terms
 * too. A Chinese term that is a thesaurus word is also searched as each of its plan words; a
 * question is searched as its content words (everyday words replaced by their first plan word)
 * and then each plan word alone, so a question whose words never meet in one item still finds
 * the items about its subject.
 */
export function understand(query: string, glossary: readonly GlossaryEntry[] = [], lex?: Lexicon): QueryPlan {
  const q = query.trim().replace(/\s+/g, ' ');
  if (!q) return { searches: [], terms: [] };
  if (!HAN.test(q)) {
    // The glossary's terms first (English glosses, hand-checked), then the index words the pinyin spells.
    const near = unique([...suggest(q, glossary).slice(0, 3).map((e) => e.term), ...(lex ? wordsForPinyin(q, lex, 2) : [])]);
    return { searches: unique([q, ...near]), terms: unique([...q.split(' '), ...near]) };
  }
  const question = QUESTION.test(q);
  const words = q.split(' ').flatMap((t) => (HAN.test(t) ? tokens(t, question) : [{ word: t }]));
  if (question) {
    const content = unique(words.map((w) => w.plan?.[0] ?? w.word));
    const reduced = content.join(' ');
    const alone = words.flatMap((w) => (w.plan ? [...w.plan] : [])).filter((w) => !BROAD.has(w));
    const fallback = content.length > 1 ? content.filter((w) => w.length > 1 && !BROAD.has(w)) : [];
    return { searches: unique([reduced, ...alone, ...fallback]), terms: unique([...content, ...alone]), reduced };
  }
  // A plan word the term already holds (家务 in 家务劳动) adds nothing.
  // Only for a part of the query: 孤儿院 typed whole is still searched as 孤儿.
  for (const w of words) if (w.word !== q && w.plan?.some((p) => q.includes(p))) delete w.plan;
  const plan = words.flatMap((w) => (w.plan ? [...w.plan] : []));
  const terms = q.split(' ');
  return { searches: unique([q, ...(words.length > 1 && plan.length ? [words.map((w) => w.plan?.[0] ?? w.word).join(' ')] : []), ...plan]), terms: unique([...terms, ...plan]) };
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
  return search.split(' ').every((t) => {
    if (!HAN.test(t)) return true;
    if (meta.includes(t) || holdsWord(content, t)) return true;
    // Pieces of one character cannot cut a word; the longer pieces must stand as words (a typo's
    // pieces, 家|廷|暴力, still find the items that hold 暴力). Pieces the index holds as one word
    // are joined first: the browser cuts 单亲妈妈 into 单|亲|妈妈, the index holds 单亲.
    // A term the browser cuts wholly into characters (托|育) is left to Pagefind: its filter
    // counts include those results, and they would not add up to the results shown otherwise.
    const raw = pieces(t);
    if (raw.length > 1 && raw.every((p) => p.length === 1)) return true;
    const long = rejoin(raw, lex).filter((p) => p.length > 1);
    return raw.length > 1 && long.some((p) => meta.includes(p) || holdsWord(content, p));
  });
}
