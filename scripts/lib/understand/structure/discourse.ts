/**
 * Numbering shared by the loosely structured documents (审议意见, 落实情况报告, 讲话):
 * Chinese ordinals, section and item markers. (An item's title sentence: `titleSentence` in
 * title.ts, with `semicolonEndsPoint`.)
 */
import type { Domain } from '../domains.ts';
import { itemId } from '../../ids.ts';
import { parseNumeral } from '../../text/numerals.ts';
import { BREAK_MARKS, CLAUSE_END, CLOSING_MARKS } from '../../text/sentences.ts';
import type { Item, ItemKind } from '../../types.ts';

/**
 * An item of such a document, identified by its section and position (`…-s2-i1`). These
 * documents name no departments, and mostly no domain: classification may add one later. A
 * report that reports field by field under headings naming them (`（一）妇女与健康`) gives its
 * items that domain.
 */
export function sectionItem(fields: {
  docId: string;
  kind: ItemKind;
  sectionOrdinal: number;
  ordinal: number;
  number: string;
  title: string;
  text: string;
  section: string[];
  blockStart: number;
  textStart: number;
  blockEnd: number;
  domain?: Domain;
}): Item {
  const { docId, kind, sectionOrdinal, ordinal, number, title, text, section, blockStart, textStart, blockEnd, domain } = fields;
  return {
    id: itemId(docId, `s${sectionOrdinal}`, `i${ordinal}`),
    docId,
    kind,
    population: domain?.population ?? null,
    domain: domain?.name ?? null,
    domainSource: domain ? 'structure' : null,
    number,
    title,
    text,
    section,
    leadDepartments: [],
    partnerDepartments: [],
    blockStart,
    textStart,
    blockEnd,
  };
}

const CN = '[一二三四五六七八九十]{1,3}';

/** `一、…` section heading at the start of a block; the marker may be followed by a space (`二、 聚焦…`). */
const SECTION_MARK = new RegExp(`^(${CN})、\\s*`);
/** `（一）` / `(一)` item at the start of a block. */
const PAREN_MARK = new RegExp(`^[（(](${CN})[）)]\\s*`);
/** `一是` / `一要` item at the start of a block. */
const SPOKEN_MARK = new RegExp(`^(${CN})(是|要)`);

export interface Marker {
  /** As printed, without trailing spaces: `一、`, `（一）`, `一是`. */
  number: string;
  ordinal: number;
  /** Length of the marker in the text, including spaces after it. */
  length: number;
}

export function sectionMarker(text: string): Marker | null {
  return marker(SECTION_MARK.exec(text), (m) => `${m[1]}、`);
}

export function parenMarker(text: string): Marker | null {
  return marker(PAREN_MARK.exec(text), (m) => m[0].trim());
}

export function spokenMarker(text: string): Marker | null {
  return marker(SPOKEN_MARK.exec(text), (m) => m[0]);
}

function marker(m: RegExpExecArray | null, printed: (m: RegExpExecArray) => string): Marker | null {
  if (!m) return null;
  const ordinal = parseNumeral(m[1]!);
  return ordinal === null ? null : { number: printed(m), ordinal, length: m[0].length };
}

/**
 * A section heading standing alone as a block: `一、持续夯实基础，形成维权工作合力`. A heading
 * has no full stop; a numbered paragraph (`一、…。…`) is body text, not a heading.
 */
export function isSectionHeading(text: string): boolean {
  return sectionMarker(text) !== null && !CLAUSE_END.test(text) && text.length <= 60;
}

/** Heading text with the space after its marker tidied: `二、 聚焦重点` → `二、聚焦重点`. */
export function tidyHeading(text: string): string {
  const m = sectionMarker(text);
  return m ? m.number + text.slice(m.length).trim() : text.trim();
}

/**
 * Where `一是`/`二是`… items start inside a run of text. An item starts at the beginning of
 * the text or right after a sentence or clause end (`。一是`, `：一是`), never inside a word
 * (`统一是`); and the ordinals must run 一, 二, 三… (a new `一是` starts a new list).
 */
export function spokenItemStarts(
  text: string,
  verb: '是' | '要' = '是',
  /** The ordinal the list continues with when the text follows earlier items (`二是` in the next paragraph). */
  expectedFirst = 1,
): { index: number; marker: Marker; listStart: boolean }[] {
  const re = new RegExp(`(^|[${BREAK_MARKS}][${CLOSING_MARKS}]*)(${CN})${verb}`, 'g');
  const starts: { index: number; marker: Marker; listStart: boolean }[] = [];
  let expected = expectedFirst;
  for (const m of text.matchAll(re)) {
    const ordinal = parseNumeral(m[2]!);
    if (ordinal === null) continue;
    const index = m.index! + m[1]!.length;
    const listStart = ordinal === 1;
    if (!listStart && ordinal !== expected) continue; // `三是` without a `二是` before it is prose
    starts.push({ index, marker: { number: `${m[2]}${verb}`, ordinal, length: m[2]!.length + 1 }, listStart });
    expected = ordinal + 1;
  }
  return starts;
}
