import type { Block, Item } from '../types.ts';
import { endsSentence } from '../text/sentences.ts';
import { isSectionHeading, parenMarker, sectionItem, sectionMarker, tidyHeading } from './discourse.ts';
import { titleSentence } from './title.ts';

/**
 * 落实情况报告 (a government's report on implementing review opinions): sections `一、…`
 * (printed `二、 聚焦…` too) with paragraph items `（一）…`.
 *
 * An item is its paragraph. A following paragraph joins it only when the item's text stops
 * mid-sentence (a line broken in the middle of a word: `依托区女律师` + `联谊会…`); a
 * section's lead paragraph and the closing (`区政府将在…`, `特此报告。`, signature, date) are
 * not items, and they stay in the document text.
 */
export function parseReport(docId: string, blocks: Block[]): Item[] {
  const items: Item[] = [];
  let sectionOrdinal = 0;
  let heading: string | null = null;
  let ordinal = 0;
  let sectionBody: Block[] = [];
  let open: { number: string; title: string; blocks: Block[] } | null = null;

  const close = () => {
    if (!open) return;
    items.push(item(docId, sectionOrdinal, ++ordinal, open.number, open.title, open.blocks, heading ? [tidyHeading(heading)] : []));
    open = null;
  };
  const closeSection = () => {
    close();
    // A section with no `（一）` items reports as one item (its heading is its title).
    if (heading && ordinal === 0) {
      const body = sectionBody.filter((b) => /[，。；]/.test(b.text));
      const m = sectionMarker(heading)!;
      if (body.length > 0) items.push(item(docId, sectionOrdinal, 1, m.number, tidyHeading(heading).slice(m.number.length), body, []));
    }
  };

  for (const block of blocks) {
    if (block.headingDepth === undefined && isSectionHeading(block.text)) {
      closeSection();
      heading = block.text;
      sectionOrdinal++;
      ordinal = 0;
      sectionBody = [];
      continue;
    }
    sectionBody.push(block);
    const m = parenMarker(block.text);
    if (m) {
      close();
      open = { number: m.number, title: titleSentence(block.text.slice(m.length), { semicolonEndsPoint: true }), blocks: [block] };
    } else if (open && !endsSentence((open as { blocks: Block[] }).blocks.at(-1)!.text)) {
      (open as { blocks: Block[] }).blocks.push(block);
    } else {
      close();
    }
  }
  closeSection();
  return items;
}

function item(docId: string, sectionOrdinal: number, ordinal: number, number: string, title: string, blocks: Block[], section: string[]): Item {
  const first = blocks[0]!.text;
  const afterMarker = first.slice(parenMarker(first)?.length ?? 0);
  const textStart = first.length - afterMarker.trimStart().length;
  return sectionItem({
    docId,
    kind: 'report',
    sectionOrdinal,
    ordinal,
    number,
    title,
    // The printed `（一）` is in `number`, as plans keep `4.` out of their text. Paragraphs
    // of one item that were cut mid-word are joined without a break.
    text: blocks.reduce(
      (text, b, k) => (k === 0 ? first.slice(textStart) : text + (endsSentence(text) ? '\n' : '') + b.text),
      '',
    ),
    section,
    blockStart: blocks[0]!.index,
    textStart,
    blockEnd: blocks[blocks.length - 1]!.index,
  });
}
