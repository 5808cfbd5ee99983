/**
 * Chinese tokenisation for similarity and classification.
 *
 * Words come from jieba (the dictionary ships with @node-rs/jieba) in search mode, which
 * emits a long word and its dictionary sub-words (`妇幼保健机构` → `妇幼`, `保健`,
 * `妇幼保健`, `机构`): reworded measures in different cities often share only the parts.
 * Boilerplate (加强, 完善, 妇女…) is not listed here: corpus weighting (see vectors.ts)
 * makes it count for little. The only hand rules drop what can never carry meaning:
 * punctuation, lone single characters (的, 和, 与), bare numbers and years. Runs of single
 * characters (a word the dictionary lacks) become character bigrams.
 */
import { Jieba } from '@node-rs/jieba';
// `dict.js`, not `dict`: the package has no exports map, and the helper thread may run
// under Node's own TypeScript support, which resolves like plain Node.
import { dict } from '@node-rs/jieba/dict.js';
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  // Loading the dictionary takes ~0.3 s: do it once, on first use.
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const HAS_HAN = /\p{Script=Han}/u;
/** Function characters: never half of a recovered word (`等在`, `和对`). */
const FUNCTION_CHARS = new Set([...'的地得了和与及或等在对为将把被从向以于并而其之是也又就都']);
const WORDLIKE = /^[\p{Script=Han}\p{L}\p{N}+]+$/u;

/** Full-width digits/letters to ASCII, one spelling per character, so `１２３３８` = `12338`. */
export function normaliseForTerms(text: string): string {
  return text.normalize('NFKC');
}

/** Whether a token can carry meaning on its own. */
export function isContentToken(token: string): boolean {
  if (!WORDLIKE.test(token)) return false;
  if (HAS_HAN.test(token)) return [...token].length >= 2;
  // Latin/digit tokens: keep codes like `12338`, `HPV`; drop years, counts and stray letters.
  if (/^\d+$/.test(token)) return token.length >= 5;
  return token.length >= 2;
}

/** How segment() treats a token: part of a run of single characters, a word, or nothing. */
const RUN = 1;
const WORD = 2;
const SKIP = 0;

/**
 * Token → how segment() treats it, memoised: jieba returns a fresh string for every
 * occurrence, but a corpus has only some thousands of distinct tokens, and the Unicode
 * property tests are the costly part of segment()'s own work. Bounded, so a huge corpus
 * cannot grow it without limit (clearing only costs recomputation, never changes results).
 */
const tokenClass = new Map<string, number>();
const TOKEN_CLASS_LIMIT = 200_000;

function classOf(token: string): number {
  let c = tokenClass.get(token);
  if (c !== undefined) return c;
  if (token.length === 1 && HAS_HAN.test(token) && !FUNCTION_CHARS.has(token)) c = RUN;
  else c = isContentToken(token) ? WORD : SKIP;
  if (tokenClass.size >= TOKEN_CLASS_LIMIT) tokenClass.clear();
  tokenClass.set(token, c);
  return c;
}

/**
 * One string per distinct word. jieba (and splitting a cached or a helper thread's word list)
 * makes a fresh string for every occurrence: at 1,000 documents that is some twenty million
 * strings of two to four characters, over half a gigabyte, for a vocabulary of some hundred
 * thousand words (docs/scale.md). Bounded as tokenClass is: clearing only loses sharing.
 */
const vocabulary = new Map<string, string>();
const VOCABULARY_LIMIT = 2_000_000;

export function internWord(word: string): string {
  const known = vocabulary.get(word);
  if (known !== undefined) return known;
  if (vocabulary.size >= VOCABULARY_LIMIT) vocabulary.clear();
  vocabulary.set(word, word);
  return word;
}

/** Content words of a text, in order, repeated as often as they occur. */
export function segment(text: string): string[] {
  const clean = normaliseForTerms(text);
  if (!clean.trim()) return [];
  // HMM off: only dictionary words, so the same text always segments the same way and
  // no spurious "new words" glue across clause boundaries.
  const tokens = segmenter().cutForSearch(clean, false);
  const words: string[] = [];
  // Words missing from the dictionary (托育, 两癌) come out as single characters; the
  // pairs of neighbouring single characters bring them back.
  let previous: string | null = null; // the last token, while in a run of single characters
  for (const token of tokens) {
    const c = classOf(token);
    if (c === RUN) {
      if (previous !== null) words.push(internWord(previous + token));
      previous = token;
      continue;
    }
    previous = null;
    if (c === WORD) words.push(internWord(token));
  }
  return words;
}

/**
 * The title sentence's words separately from the body's, so callers can weigh the title
 * more. `text` is the full item text (it repeats the title; the repeat is removed here).
 */
export function segmentItem(title: string, text: string): { title: string[]; body: string[] } {
  const t = title.trim();
  const body = t && text.startsWith(t) ? text.slice(t.length) : text;
  return { title: segment(t), body: segment(body) };
}

export interface ItemWords {
  title: string[];
  body: string[];
}

export interface SegmentItemsOptions {
  /** Below this many items everything runs on the calling thread (a helper costs ~0.5 s to start). */
  parallelMin?: number;
  /** Items per chunk handed out to a thread. */
  chunkSize?: number;
}

/**
 * segmentItem for many items, the same result in the same order, with the work shared with
 * one helper thread on a large corpus when the machine has a second core (jieba is most of
 * the link stage's segmentation time). Synchronous: the calling thread segments chunks too
 * and then waits for the helper's. If the helper cannot start (or stalls), the calling
 * thread does its chunks itself, so the result never depends on the helper.
 */
export function segmentItems(items: readonly { title: string; text: string }[], options: SegmentItemsOptions = {}): ItemWords[] {
  const parallelMin = options.parallelMin ?? 20_000;
  const chunkSize = options.chunkSize ?? 1000;
  if (items.length < parallelMin || items.length <= chunkSize || availableParallelism() < 2) {
    return items.map((item) => segmentItem(item.title, item.text));
  }
  const chunks = Math.ceil(items.length / chunkSize);
  // ctl[0]: next chunk to take; ctl[2 + c]: 2 once the helper has posted chunk c.
  const control = new SharedArrayBuffer(4 * (2 + chunks));
  const ctl = new Int32Array(control);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./segment-worker.ts', import.meta.url), {
      workerData: { control, titles: items.map((i) => i.title), texts: items.map((i) => i.text), chunkSize, port: port2 },
      transferList: [port2],
    });
    worker.on('error', () => {}); // a helper that fails to load simply takes no chunks
    worker.unref();
  } catch {
    worker = undefined;
  }
  const out: ItemWords[] = new Array(items.length);
  const mine = new Uint8Array(chunks);
  const segmentChunk = (c: number) => {
    for (let k = c * chunkSize; k < Math.min(items.length, (c + 1) * chunkSize); k++) out[k] = segmentItem(items[k].title, items[k].text);
  };
  for (;;) {
    const c = Atomics.add(ctl, 0, 1);
    if (c >= chunks) break;
    segmentChunk(c);
    mine[c] = 1;
  }
  // The helper's chunks: wait for each (a stalled helper's chunk is done here instead).
  const received = new Uint8Array(chunks);
  const take = () => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
      const { chunk, words } = m.message as { chunk: number; words: string };
      decodeWords(words).forEach((w, k) => (out[chunk * chunkSize + k] = w));
      received[chunk] = 1;
    }
  };
  for (let c = 0; c < chunks; c++) {
    if (mine[c]) continue;
    const deadline = performance.now() + 30_000;
    while (!received[c]) {
      if (Atomics.load(ctl, 2 + c) === 2) take();
      else if (performance.now() > deadline) break;
      else Atomics.wait(ctl, 2 + c, 0, 50);
    }
    if (!received[c]) segmentChunk(c);
  }
  port1.close();
  void worker?.terminate();
  return out;
}

/** Words of many items as one string (words never contain spaces, tabs or newlines). */
export function encodeWords(words: readonly ItemWords[]): string {
  return words.map((w) => `${w.title.join(' ')}\t${w.body.join(' ')}`).join('\n');
}

export function decodeWords(encoded: string): ItemWords[] {
  const split = (s: string) => (s ? s.split(' ').map(internWord) : []);
  return encoded.split('\n').map((line) => {
    const tab = line.indexOf('\t');
    return { title: split(line.slice(0, tab)), body: split(line.slice(tab + 1)) };
  });
}

/**
 * A text cut into jieba's words with nothing dropped (punctuation, spaces, numbers stay as
 * their own words), so the words join back to the text exactly: what a diff between two
 * cities' versions of a measure works on (src/lib/diff.ts). HMM off, as in segment().
 */
export function cutWords(text: string): string[] {
  return text ? segmenter().cut(text, false) : [];
}
