import type { Block, Item } from '../../types.ts';
import { CLAUSE_END, endsSentence, SENTENCE_END } from '../../text/sentences.ts';
import { isSectionHeading, sectionItem, sectionMarker, spokenItemStarts, tidyHeading } from './discourse.ts';
import { titleSentence } from './title.ts';

/**
 * 审议意见 (a standing committee's review opinions): sections `一、…` holding items
 * `一是…二是…` that start in the middle of a paragraph.
 *
 * An opinion first states what it found wrong (`会议指出…存在着一些问题和困难。一是…四是…`)
 * and then recommends. Only recommendations become items: a finding is a one-line diagnosis
 * with no measure in it, and ItemKind has no kind for it, so calling it a recommendation would
 * mislabel it. Findings stay in the document text (lossless) and are returned by
 * `opinionFindings` for anyone who wants them (e.g. a future `finding` item kind).
 */

export interface Finding {
  number: string;
  /** The finding's sentence, with its number: `一是法律法规宣传贯彻不够细致深入。` */
  text: string;
  title: string;
  blockIndex: number;
}

/**
 * A lead-in that announces problems (`但也存在着一些问题和困难`, `主要问题是：`) rather than
 * proposals. `着力解决突出问题` (a recommendation heading) does not match: it must say the
 * problems exist.
 */
const PROBLEM_LEAD =
  /(存在|面临|仍有|还有|也有)[^。；]{0,12}(问题|困难|不足|短板|差距|薄弱|隐患)|(问题|不足|困难|短板)(主要)?(是|有|表现为|表现在)[：:]?$/;
const PROPOSAL_LEAD = /建议|意见如下|提出如下|要求如下/;

export function parseOpinion(docId: string, blocks: Block[]): Item[] {
  return analyseOpinion(docId, blocks).items;
}

export function opinionFindings(blocks: Block[]): Finding[] {
  return analyseOpinion('', blocks).findings;
}

interface Open {
  number: string;
  title: string;
  pieces: string[];
  blockStart: number;
  textStart: number;
  blockEnd: number;
}

interface Region {
  heading: string | null;
  ordinal: number;
  blocks: Block[];
}

function analyseOpinion(docId: string, blocks: Block[]): { items: Item[]; findings: Finding[] } {
  const items: Item[] = [];
  const findings: Finding[] = [];

  for (const region of regions(blocks)) {
    const section = region.heading ? [tidyHeading(region.heading)] : [];
    let ordinal = 0;
    let open: Open | null = null;
    let finding = false; // is the current list a list of findings?
    let lastSentence = region.heading ?? ''; // lead-in for a list that opens a block
    let nextOrdinal = 1; // a list may go on in the next paragraph (`二是…` after `一是…`)

    const close = () => {
      if (!open) return;
      items.push(
        sectionItem({
          docId,
          kind: 'recommendation',
          sectionOrdinal: region.ordinal,
          ordinal: ++ordinal,
          number: open.number,
          title: open.title,
          text: open.pieces.join('\n').trim(),
          section,
          blockStart: open.blockStart,
          textStart: open.textStart,
          blockEnd: open.blockEnd,
        }),
      );
      open = null;
    };

    for (const block of region.blocks) {
      if (!isProse(block.text)) {
        // A signature or date line (`2025 年 6 月 27 日`) ends whatever item is open.
        close();
        continue;
      }
      const text = block.text;
      const starts = spokenItemStarts(text, '是', nextOrdinal);
      if (starts.length > 0) nextOrdinal = starts[starts.length - 1]!.marker.ordinal + 1;
      const prefix = text.slice(0, starts[0]?.index ?? text.length);
      if (prefix.trim()) {
        if (open) {
          (open as Open).pieces.push(prefix);
          (open as Open).blockEnd = block.index;
        }
        lastSentence = lastSentenceOf(prefix) ?? lastSentence;
      }
      starts.forEach((start, k) => {
        close();
        const end = starts[k + 1]?.index ?? text.length;
        const segment = text.slice(start.index, end);
        if (start.listStart) finding = isFindingLead(lastSentence);
        const title = titleSentence(segment.slice(start.marker.length), { semicolonEndsPoint: true });
        if (finding) {
          // A finding is its first sentence; what follows introduces the next list.
          const stop = segment.search(CLAUSE_END);
          const sentence = stop === -1 ? segment : segment.slice(0, stop + 1);
          findings.push({ number: start.marker.number, text: sentence, title, blockIndex: block.index });
          const rest = segment.slice(sentence.length);
          lastSentence = lastSentenceOf(rest) ?? lastSentence;
        } else {
          open = { number: start.marker.number, title, pieces: [segment], blockStart: block.index, textStart: start.index, blockEnd: block.index };
          lastSentence = lastSentenceOf(segment) ?? lastSentence;
        }
      });
    }
    close();

    // A recommendation section without `一是` items is itself one recommendation.
    if (region.heading && ordinal === 0 && !region.blocks.some((b) => spokenItemStarts(b.text).length > 0)) {
      const body = region.blocks.filter((b) => isProse(b.text));
      if (body.length > 0 && !isFindingLead(region.heading)) {
        const m = sectionMarker(region.heading)!;
        items.push(
          sectionItem({
            docId,
            kind: 'recommendation',
            sectionOrdinal: region.ordinal,
            ordinal: 1,
            number: m.number,
            title: tidyHeading(region.heading).slice(m.number.length),
            text: body.map((b) => b.text).join('\n'),
            section: [],
            blockStart: body[0]!.index,
            textStart: 0,
            blockEnd: body[body.length - 1]!.index,
          }),
        );
      }
    }
  }
  return { items, findings };
}

/** The preamble (ordinal 0) and each `一、` section, in document order. */
function regions(blocks: Block[]): Region[] {
  const out: Region[] = [{ heading: null, ordinal: 0, blocks: [] }];
  for (const block of blocks) {
    if (block.headingDepth === undefined && isSectionHeading(block.text)) {
      out.push({ heading: block.text, ordinal: out.length, blocks: [] });
    } else {
      out[out.length - 1]!.blocks.push(block);
    }
  }
  return out;
}

/** Prose has a clause mark; titles, signatures and dates do not. */
function isProse(text: string): boolean {
  return /[，。；：！？]/.test(text) || (text.length > 30 && !endsSentence(text));
}

const AFTER_SENTENCE_END = new RegExp(`(?<=${SENTENCE_END.source})`);

function lastSentenceOf(text: string): string | undefined {
  const sentences = text.split(AFTER_SENTENCE_END).map((s) => s.trim()).filter(Boolean);
  return sentences[sentences.length - 1];
}

function isFindingLead(lead: string): boolean {
  return PROBLEM_LEAD.test(lead) && !PROPOSAL_LEAD.test(lead);
}
