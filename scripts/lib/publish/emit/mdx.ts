/**
 * MDX serialisation for generated collection entries.
 *
 * Document text is untrusted: it may contain `{x}`, `<script>`, `export …`, `#`, `*`, `|`…
 * We never build MDX by string concatenation; we build an mdast tree and let
 * remark-stringify + remark-mdx escape it, with extra rules for what they miss.
 */
import type { Break, Heading, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { splitParagraphs } from '../../../../src/lib/display.ts';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { canonicalDomain } from '../../understand/domains.ts';
import type { Block, Item, KbDocument } from '../../types.ts';
import { markUncertain } from './uncertain.ts';

type Unsafe = { character: string; atBreak?: boolean; after?: string; inConstruct?: string | string[] };

/**
 * Patterns remark-mdx does not escape by itself. A letter cannot take a backslash escape,
 * so mdast-util-to-markdown writes it as a character reference (`&#x65;xport`), which MDX
 * decodes back to the same visible text but which no longer starts an ESM block.
 */
const EXTRA_UNSAFE: Unsafe[] = [
  { character: 'e', atBreak: true, after: 'xport(?![A-Za-z0-9_$])' },
  { character: 'i', atBreak: true, after: 'mport(?![A-Za-z0-9_$])' },
  // GFM (on in Astro's MDX): `|` can start a table, `~` strikethrough.
  { character: '|', inConstruct: 'phrasing' },
  { character: '~', inConstruct: 'phrasing' },
];

const processor = unified()
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '_',
    fences: true,
    rule: '-',
    unsafe: EXTRA_UNSAFE as never,
  })
  .use(remarkMdx);

/** Serialise an mdast tree to MDX text. */
export function stringifyMdx(tree: Root): string {
  return processor.stringify(tree);
}

/** Lines of one paragraph as text nodes joined by hard breaks, so line structure stays visible. */
function phrasing(text: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) out.push({ type: 'break' } satisfies Break);
    if (line) out.push({ type: 'text', value: line } satisfies Text);
  });
  return out;
}

/**
 * Text → paragraphs. A blank line separates paragraphs (Markdown cannot hold an empty
 * line inside one); every other line break becomes a hard break.
 */
export function paragraphs(text: string): Paragraph[] {
  return splitParagraphs(text).map((p) => ({ type: 'paragraph', children: phrasing(p) }));
}

/** What `paragraphs` keeps: the text with blank-line runs collapsed (for round-trip checks). */
export function paragraphText(text: string): string {
  return paragraphs(text)
    .map((p) => p.children.map((c) => (c.type === 'text' ? c.value : '\n')).join(''))
    .join('\n\n');
}

function heading(text: string, depth: number): Heading {
  const value = text.replace(/\s*\n\s*/g, ' ').trim();
  return { type: 'heading', depth: Math.min(6, Math.max(2, depth)) as Heading['depth'], children: [{ type: 'text', value }] };
}

function jsx(name: string, attrs: Record<string, string | undefined>, children: RootContent[]): MdxJsxFlowElement {
  const attributes: MdxJsxAttribute[] = Object.entries(attrs)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ({ type: 'mdxJsxAttribute', name: k, value: v }));
  return { type: 'mdxJsxFlowElement', name, attributes, children: children as MdxJsxFlowElement['children'] };
}

// ---------------------------------------------------------------------------
// Frontmatter

/** JSON string escapes are YAML double-quoted escapes too; also escape what YAML forbids raw. */
function yamlScalar(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** YAML frontmatter: one key per line, each value as JSON (valid YAML flow), keys sorted. */
export function frontmatter(data: object): string {
  const sorted = sortKeys(data) as Record<string, unknown>;
  const lines = Object.entries(sorted).map(([k, v]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : yamlScalar(k)}: ${yamlScalar(v)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** A complete MDX file: frontmatter plus a body tree. */
export function mdxFile(data: object, body: RootContent[]): string {
  const text = body.length ? stringifyMdx({ type: 'root', children: body }) : '';
  return frontmatter(data) + (text ? `\n${text}` : '');
}

// ---------------------------------------------------------------------------
// Document body: every block, items wrapped in <Item id="…"> so the reader can anchor them.

const squash = (s: string) => s.replace(/\s+/g, '');

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Move a cut back over the item's printed number when the item text starts after it
 * (`5.` + `提升妇女…`), so the number sits inside the item's box, not before it.
 */
function includeNumber(text: string, at: number, from: number, number: string): number {
  const core = number.trim();
  if (!core) return at;
  const m = text.slice(from, at).match(new RegExp(`${escapeRe(core)}[.．、:：]?[ \\t\u3000]*$`));
  return m ? at - m[0].length : at;
}

interface Segment {
  text: string;
  owner: Item | null;
  block: Block;
}

/**
 * Cut blocks into segments owned by one item or none. Items that start mid-block
 * (`……。二是……`) cut the block where their text begins: at the item's `textStart`.
 */
export function segmentBlocks(blocks: Block[], items: Item[]): Segment[] {
  const sorted = [...items].sort((a, b) => a.blockStart - b.blockStart || a.blockEnd - b.blockEnd);
  const startsIn = new Map<number, Item[]>();
  for (const item of sorted) {
    const list = startsIn.get(item.blockStart) ?? [];
    list.push(item);
    startsIn.set(item.blockStart, list);
  }
  const segments: Segment[] = [];
  let owner: Item | null = null;
  for (const block of blocks) {
    if (owner && owner.blockEnd < block.index) owner = null;
    const starting = startsIn.get(block.index) ?? [];
    // Cut points, in order, never going backwards.
    const cuts: { at: number; item: Item }[] = [];
    let from = 0;
    for (const item of starting) {
      const at = item.textStart < from ? from : includeNumber(block.text, item.textStart, from, item.number);
      cuts.push({ at, item });
      from = at;
    }
    let pos = 0;
    for (const cut of cuts) {
      const piece = block.text.slice(pos, cut.at);
      if (piece.trim()) segments.push({ text: piece, owner, block });
      owner = cut.item;
      pos = cut.at;
    }
    const rest = block.text.slice(pos);
    if (rest.trim() || cuts.length) segments.push({ text: rest, owner, block });
  }
  return segments;
}

/**
 * Depth of a block that should read as a heading: a Markdown heading in the source, or a
 * block whose text is one of the section names the structure recogniser put on items.
 */
function headingDepth(block: Block, sections: Map<string, number>): number | undefined {
  if (block.headingDepth) return block.headingDepth + 1;
  // A cell inside a table row (`\t主要目标`) is a column name, not a section of the text.
  if (block.cells && block.cells.length > 1) return undefined;
  const depth = sections.get(squash(block.text));
  return depth === undefined ? undefined : depth + 2;
}

/**
 * How many consecutive unowned table-cell segments from `k` spell a canonical domain name
 * (`（一）` + `妇女与健康`, `妇女与` + `社会保障`), or 0. Only table cells: in running text a
 * domain heading is already one block.
 */
function domainNameRun(segments: Segment[], k: number): number {
  let text = '';
  for (let n = 1; n <= 3 && k + n - 1 < segments.length; n++) {
    const seg = segments[k + n - 1]!;
    if (seg.owner || !seg.block.cells || seg.text !== seg.block.text) return 0;
    text += seg.text.replace(/\s+/g, '');
    if (text.length > 16) return 0;
    if (canonicalDomain(text)) return n;
  }
  return 0;
}

/** MDX body nodes for a whole document, lossless: every block's text appears once, in order. */
export function documentBody(doc: Pick<KbDocument, 'blocks' | 'items' | 'ocr'>): RootContent[] {
  const sections = new Map<string, number>();
  for (const item of doc.items) {
    item.section.forEach((s, i) => {
      const key = squash(s);
      if (key && !sections.has(key)) sections.set(key, i);
    });
  }
  const out: RootContent[] = [];
  let group: { owner: Item; continued: boolean; children: RootContent[] } | null = null;
  const seen = new Set<string>();
  const flush = () => {
    if (group) {
      // A second run of the same item (after a nested one) must not repeat the anchor id.
      const attrs = group.continued ? { continues: group.owner.id } : { id: group.owner.id };
      out.push(jsx('Item', { ...attrs, kind: group.owner.kind }, group.children));
    }
    group = null;
  };
  const segments = segmentBlocks(doc.blocks, doc.items);
  for (let k = 0; k < segments.length; k++) {
    const seg = segments[k]!;
    const domainRun = seg.owner ? 0 : domainNameRun(segments, k);
    if (domainRun > 0) {
      // A domain cell of a flattened table (`（一）` / `妇女与` / `社会保障`) reads as one heading.
      flush();
      const name = segments.slice(k, k + domainRun).map((s) => s.text.trim()).join('');
      out.push(heading(name.replace(/\s+/g, ' '), 3));
      k += domainRun - 1;
      continue;
    }
    const depth = !seg.owner && seg.text === seg.block.text ? headingDepth(seg.block, sections) : undefined;
    const nodes: RootContent[] = depth ? [heading(seg.text, depth)] : markUncertain(paragraphs(seg.text), seg.block, doc.ocr);
    if (seg.owner) {
      const owner: Item = seg.owner;
      if (!group || group.owner !== owner) {
        flush();
        group = { owner, continued: seen.has(owner.id), children: [] };
        seen.add(owner.id);
      }
      group.children.push(...nodes);
    } else {
      flush();
      out.push(...nodes);
    }
  }
  flush();
  // An item that owns no segment (its block is missing, or a later item starts at the same
  // place) still gets an anchor, so every #id resolves.
  for (const item of doc.items) {
    if (!seen.has(item.id)) out.push(jsx('Item', { id: item.id, kind: item.kind }, []));
  }
  return out;
}
