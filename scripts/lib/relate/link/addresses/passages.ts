/** An item cut into passages: its title sentence, then its body sentence by sentence. */
import type { Item } from '../../../types.ts';

/** Sentence ends inside an item's text: each sentence is one passage. */
const SENTENCE_END = /(?<=[。；;！!？?\n])/;

/** How far into the text the title may start (`二是`, `一要`). */
const MAX_LEAD_CHARS = 4;

/** Passages shorter than this many characters join the next one (`一是`, `同时，`). */
const MIN_PASSAGE_CHARS = 6;

/** The passages of an item: its title sentence, then its body sentence by sentence. */
export function passagesOf(item: Pick<Item, 'title' | 'text'>): string[] {
  const title = item.title.trim();
  // The text repeats the title, sometimes after an enumeration kept in the sentence (`二是`).
  const at = title ? item.text.indexOf(title) : -1;
  const body = (at >= 0 && at <= MAX_LEAD_CHARS ? item.text.slice(at + title.length) : item.text).replace(/^[\s\p{P}]+/u, '');
  const out: string[] = title ? [title] : [];
  let pending = '';
  for (const sentence of body.split(SENTENCE_END)) {
    pending += sentence;
    if (pending.replace(/\s/g, '').length >= MIN_PASSAGE_CHARS) {
      out.push(pending.trim());
      pending = '';
    }
  }
  if (pending.trim()) {
    if (out.length > (title ? 1 : 0)) out[out.length - 1] += pending.trim();
    else out.push(pending.trim());
  }
  return out;
}
