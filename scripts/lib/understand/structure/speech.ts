import type { Block, Item } from '../../types.ts';
import { CLAUSE_END, endsSentence } from '../../text/sentences.ts';
import { parenMarker, sectionItem, sectionMarker, spokenMarker, tidyHeading } from './discourse.ts';
import { titleSentence } from './title.ts';

/**
 * 讲话 / 会议记录 (meeting speeches), possibly several in one file (a web compilation):
 *
 * - a speech starts at a Markdown heading that is not numbered (`## 妇女儿童工作会议记录篇一`);
 *   the level-1 heading is the compilation's title;
 * - a section starts at a numbered heading `一、…`, whether the source marks it `##`, `###`
 *   or not at all (the same compilation does all three);
 * - items are the paragraphs opening with `（一）` or `一要`/`一是` inside a section. Sub-points
 *   inside such a paragraph (`…条件。一要推动妇女充分就业。二要…`) stay in their paragraph's
 *   item: a speech's point is its paragraph;
 * - a section with no numbered paragraphs is itself one item: its heading is the point;
 * - text outside sections (the website's introduction, `同志们：`, opening and closing
 *   remarks: a paragraph opening with a salutation ends the section, a news report without numbered points) is not an item; it stays in the document.
 */
export function parseSpeech(docId: string, blocks: Block[]): Item[] {
  const items: Item[] = [];
  let speech: string | null = null;
  let section: { heading: string; ordinal: number; body: Block[]; items: number } | null = null;
  let sectionCount = 0;
  let open: { number: string; title: string; blocks: Block[] } | null = null;

  const path = () => [speech, section && tidyHeading(section.heading)].filter((s): s is string => !!s);
  const close = () => {
    if (!open || !section) return;
    items.push(item(docId, section.ordinal, ++section.items, open.number, open.title, open.blocks, path()));
    open = null;
  };
  const closeSection = () => {
    close();
    if (section && section.items === 0) {
      const body = section.body.filter((b) => /[，。；,;]/.test(b.text));
      const m = sectionMarker(section.heading)!;
      const heading = tidyHeading(section.heading);
      if (body.length > 0) items.push(item(docId, section.ordinal, 1, m.number, heading.slice(m.number.length), body, path().slice(0, -1)));
    }
    section = null;
  };

  for (const block of blocks) {
    const numbered = sectionMarker(block.text);
    if (block.headingDepth !== undefined && !numbered) {
      closeSection();
      // The document's own title (`# …`) is no speech; deeper unnumbered headings are.
      speech = block.headingDepth === 1 ? null : block.text.trim();
      continue;
    }
    if (numbered && (block.headingDepth !== undefined || isBareHeading(block.text))) {
      closeSection();
      section = { heading: block.text, ordinal: ++sectionCount, body: [], items: 0 };
      continue;
    }
    if (!section) continue;
    if (SALUTATION.test(block.text)) {
      // `同志们，…` closes the speech's points (closing remarks) or opens another speech.
      closeSection();
      continue;
    }
    section.body.push(block);
    const m = parenMarker(block.text) ?? spokenMarker(block.text);
    if (m) {
      close();
      open = { number: m.number, title: titleSentence(block.text.slice(m.length), { semicolonEndsPoint: true }), blocks: [block] };
    } else if (open && !endsSentence(open.blocks.at(-1)!.text)) {
      open.blocks.push(block); // a paragraph cut mid-sentence continues
    } else {
      close();
    }
  }
  closeSection();
  return items;
}

const SALUTATION = /^(同志们|各位(代表|同志|领导|委员)|女士们)/;

/** An unmarked section heading: `一、肯定成绩，提高认识，…使命感` has no full stop. */
function isBareHeading(text: string): boolean {
  return !CLAUSE_END.test(text) && text.length <= 60;
}

function item(docId: string, sectionOrdinal: number, ordinal: number, number: string, title: string, blocks: Block[], section: string[]): Item {
  // A list marker `(一)` lives in `number`; a spoken `一要` is part of its sentence and stays.
  const first = blocks[0]!.text;
  const textStart = /^[（(]/.test(number) && first.startsWith(number) ? first.length - first.slice(number.length).trimStart().length : 0;
  return sectionItem({
    docId,
    kind: 'speech',
    sectionOrdinal,
    ordinal,
    number,
    title,
    text: blocks.map((b, k) => (k === 0 ? first.slice(textStart) : b.text)).join('\n'),
    section,
    blockStart: blocks[0]!.index,
    textStart,
    blockEnd: blocks[blocks.length - 1]!.index,
  });
}
