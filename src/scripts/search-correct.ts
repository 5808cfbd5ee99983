/**
 * What the index's own vocabulary (src/lib/search-vocabulary.ts) tells about a query, DOM-free:
 * query pieces the index holds as one word are joined again (the browser's segmenter cuts
 * 单亲妈妈 into 单|亲|妈妈, the index holds 单亲), a typo is corrected to the index word it
 * sounds like or nearly spells (母乳喂样 → 母乳喂养, 人身安全护令 → 人身安全保护令), and pinyin
 * is read as the index words it spells (muru weiyang → 母乳喂养).
 */
import type { SearchVocabulary } from '../lib/search-vocabulary.ts';

export interface Lexicon {
  has(word: string): boolean;
  /** Items holding the word (0 when it is not a word of the index). */
  count(word: string): number;
  /** Words by length in characters, most items first. */
  byLength: Map<number, string[]>;
  /** Per character: its toneless readings. */
  readings: Map<string, readonly string[]>;
  /** The longest word, in characters. */
  longest: number;
  /** Items the vocabulary was counted in, when it says. */
  items?: number;
  /** Traditional character → simplified (兒 → 儿), for the index's characters. */
  simplified: Map<string, string>;
  /** Everyday word the index lacks → index words meaning the same (女孩 → 女童). */
  bridge: Map<string, readonly string[]>;
}

export function lexicon(v: SearchVocabulary): Lexicon {
  const counts = new Map<string, number>();
  const byLength = new Map<number, string[]>();
  let longest = 0;
  v.words.forEach((w, i) => {
    counts.set(w, v.counts[i] ?? 1);
    const n = [...w].length;
    longest = Math.max(longest, n);
    (byLength.get(n) ?? byLength.set(n, []).get(n)!).push(w);
  });
  const readings = new Map(Object.entries(v.readings).map(([c, r]) => [c, latin(r).split(' ')] as const));
  const pairs = [...(v.simplified ?? '')];
  const simplified = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) simplified.set(pairs[i]!, pairs[i + 1]!);
  const bridge = new Map(Object.entries(v.bridge ?? {}));
  return { has: (w) => counts.has(w), count: (w) => counts.get(w) ?? 0, byLength, readings, longest, items: v.items, simplified, bridge };
}

const HAN = /\p{Script=Han}/u;
/** Lower case, tone marks and the umlaut of ü dropped: lü, lǚ, lv and lu read alike. */
const latin = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/v/g, 'u');

/**
 * Adjacent query pieces joined, longest first, where the joined form is a word of the index
 * (单|亲|妈妈 → 单亲|妈妈). Without a lexicon, runs of single characters are joined instead:
 * ICU cuts words it does not know into characters (托育 → 托|育).
 */
export function rejoin(pieces: readonly string[], lex?: Lexicon): string[] {
  const out: string[] = [];
  if (!lex) {
    let single = false;
    for (const p of pieces) {
      if (p.length === 1 && single) out[out.length - 1] += p;
      else out.push(p);
      single = p.length === 1;
    }
    return out;
  }
  for (let i = 0; i < pieces.length; ) {
    let j = pieces.length;
    for (; j > i + 1; j--) {
      const joined = pieces.slice(i, j).join('');
      if (joined.length <= lex.longest && lex.has(joined)) break;
    }
    out.push(pieces.slice(i, j).join(''));
    i = j;
  }
  return out;
}

const sameSound = (a: string, b: string, lex: Lexicon) => {
  const ra = lex.readings.get(a);
  const rb = lex.readings.get(b);
  return !!ra && !!rb && ra.some((r) => rb.includes(r));
};

/**
 * Edit cost between a typed word and an index word: a character swapped for one that sounds
 * the same costs 0.5, any other substitution, a dropped or added character, or two neighbours
 * exchanged cost 1 (optimal string alignment).
 */
export function editCost(typed: string, word: string, lex: Lexicon): number {
  const a = [...typed];
  const b = [...word];
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const sub = a[i - 1] === b[j - 1] ? 0 : sameSound(a[i - 1]!, b[j - 1]!, lex) ? 0.5 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + sub);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The index word a typed run most likely meant: the cheapest edit (a short run may only swap
 * characters that sound the same: 2–3 characters leave too little to tell a word by), then the
 * word most items hold.
 */
export function nearestWord(typed: string, lex: Lexicon): string | undefined {
  const n = [...typed].length;
  if (n < 2 || lex.has(typed) || lex.bridge.has(typed)) return undefined;
  const limit = n <= 3 ? 0.5 : 1;
  let best: string | undefined;
  let bestCost = Infinity;
  for (let len = Math.max(2, n - 1); len <= n + 1; len++) {
    if (n <= 3 && len !== n) continue;
    for (const w of lex.byLength.get(len) ?? []) {
      const c = editCost(typed, w, lex);
      // Words come most items first: on a tie, the first found is the more common.
      if (c <= limit && c < bestCost) (best = w), (bestCost = c);
    }
  }
  return best;
}

export interface Correction {
  /** The query with its typos replaced. */
  query: string;
  /** Each replaced run and its replacement. */
  changes: [typed: string, word: string][];
}

/**
 * A query's typos corrected against the index's words, or undefined when nothing changed.
 * A term that is an index word stays; otherwise it is read left to right: where an index word
 * starts, it is taken as typed (longest first), so correct text is never rewritten; where none
 * starts, the longest run with a near index word is replaced by it.
 */
export function correctQuery(query: string, lex: Lexicon): Correction | undefined {
  const changes: [string, string][] = [];
  const terms = query.trim().split(/\s+/).map((t) => {
    if (!HAN.test(t) || lex.has(t) || lex.bridge.has(t)) return t;
    const whole = nearestWord(t, lex);
    if (whole) return changes.push([t, whole]), whole;
    const cs = [...t];
    let out = '';
    for (let i = 0; i < cs.length; ) {
      const max = Math.min(lex.longest, cs.length - i);
      let n = max;
      for (; n > 1 && !lex.has(cs.slice(i, i + n).join('')) && !lex.bridge.has(cs.slice(i, i + n).join('')); n--);
      if (n > 1) {
        out += cs.slice(i, i + n).join('');
        i += n;
        continue;
      }
      let fixed: string | undefined;
      for (n = max; n > 1; n--) if ((fixed = nearestWord(cs.slice(i, i + n).join(''), lex))) break;
      if (fixed) {
        changes.push([cs.slice(i, i + n).join(''), fixed]);
        out += fixed;
        i += n;
      } else out += cs[i++];
    }
    return out;
  });
  return changes.length ? { query: terms.join(' '), changes } : undefined;
}

/** Whether `key` (pinyin letters only) can be read as the characters of `word`. */
function spells(word: readonly string[], key: string, lex: Lexicon, at = 0, i = 0): boolean {
  if (i === word.length) return at === key.length;
  return (lex.readings.get(word[i]!) ?? []).some((r) => key.startsWith(r, at) && spells(word, key, lex, at + r.length, i + 1));
}

/** Index words that pinyin spells out (tones, spaces and ü written v or u do not matter), most items first. */
export function wordsForPinyin(query: string, lex: Lexicon, max = 3): string[] {
  const key = latin(query).replace(/[^a-z]/g, '');
  if (key.length < 4) return [];
  const out: string[] = [];
  // A syllable has at most 6 letters and at least 1: only words of a possible length are tried.
  for (let len = Math.max(2, Math.ceil(key.length / 6)); len <= Math.min(lex.longest, key.length); len++) {
    for (const w of lex.byLength.get(len) ?? []) if (spells([...w], key, lex)) out.push(w);
  }
  return out.sort((a, b) => lex.count(b) - lex.count(a)).slice(0, max);
}

/**
 * Pinyin of several index words, spaced or not (hunqian jiancha, liushouertong), as those words:
 * the key cut into the fewest index words it spells, the more common on a tie (婚前 检查).
 * Undefined when no such cut exists or a single word spells it all (wordsForPinyin's case).
 */
export function pinyinPhrase(query: string, lex: Lexicon): string | undefined {
  const key = latin(query).replace(/[^a-z]/g, '');
  if (key.length < 6) return undefined;
  // best[i]: the cut of key[0, i) into the fewest words, then the most items summed.
  const best: ({ words: string[]; items: number } | undefined)[] = [{ words: [], items: 0 }];
  for (let i = 0; i < key.length; i++) {
    const from = best[i];
    if (!from) continue;
    for (let len = 2; len <= Math.min(lex.longest, 6); len++) {
      for (const w of lex.byLength.get(len) ?? []) {
        for (const end of spelledEnds([...w], key, lex, i)) {
          const next = { words: [...from.words, w], items: from.items + lex.count(w) };
          const had = best[end];
          if (!had || next.words.length < had.words.length || (next.words.length === had.words.length && next.items > had.items)) best[end] = next;
        }
      }
    }
  }
  const cut = best[key.length];
  return cut && cut.words.length > 1 ? cut.words.join(' ') : undefined;
}

/** Where in `key` the pinyin of `word` can end when read from `at` (none when it cannot be read there). */
function spelledEnds(word: readonly string[], key: string, lex: Lexicon, at: number, i = 0): number[] {
  if (i === word.length) return [at];
  return (lex.readings.get(word[i]!) ?? []).flatMap((r) => (key.startsWith(r, at) ? spelledEnds(word, key, lex, at + r.length, i + 1) : []));
}
