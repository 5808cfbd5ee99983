/**
 * Words an OCR reading was unsure of (KbDocument.ocr.uncertain), marked in the reader page's
 * text: each wrapped in `<mark data-ocr-uncertain title="识别存疑…">`, so a visitor sees which
 * characters to check against the scan and none is silently trusted. Words are known by
 * their line in the source; within a paragraph of those lines the first occurrence not yet
 * marked is taken (a word printed twice on one line marks its first print).
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Block, OcrReading } from '../../types.ts';

export function markUncertain(nodes: RootContent[], block: Block, ocr: OcrReading | undefined): RootContent[] {
  const words = (ocr?.uncertain ?? []).filter((u) => u.line >= block.lineStart && u.line <= block.lineEnd && u.text.trim());
  if (words.length === 0) return nodes;
  const pending = [...words];
  return nodes.map((node) => (node.type === 'paragraph' ? { ...node, children: node.children.flatMap((c) => markText(c, pending)) } satisfies Paragraph : node));
}

function markText(node: PhrasingContent, pending: OcrReading['uncertain']): PhrasingContent[] {
  if (node.type !== 'text') return [node];
  const out: PhrasingContent[] = [];
  let rest = node.value;
  for (;;) {
    // The next uncertain word in what is left of this text.
    let best: { at: number; k: number } | null = null;
    pending.forEach((u, k) => {
      const at = rest.indexOf(u.text);
      if (at >= 0 && (!best || at < best.at)) best = { at, k };
    });
    if (!best) break;
    const { at, k } = best as { at: number; k: number };
    const word = pending.splice(k, 1)[0]!;
    if (at > 0) out.push({ type: 'text', value: rest.slice(0, at) });
    out.push(mark(word));
    rest = rest.slice(at + word.text.length);
  }
  if (rest) out.push({ type: 'text', value: rest });
  return out;
}

function mark(word: OcrReading['uncertain'][number]): MdxJsxTextElement {
  return {
    type: 'mdxJsxTextElement',
    name: 'mark',
    attributes: [
      { type: 'mdxJsxAttribute', name: 'data-ocr-uncertain', value: String(word.confidence) },
      { type: 'mdxJsxAttribute', name: 'title', value: `识别存疑（置信度 ${word.confidence}%）：请对照原件核对` },
    ],
    children: [{ type: 'text', value: word.text }],
  };
}
