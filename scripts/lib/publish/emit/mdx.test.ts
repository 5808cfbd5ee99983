import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// js-yaml is the parser Astro reads frontmatter with.
import yaml from 'js-yaml';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Block, Item } from '../../types.ts';
import { documentBody, frontmatter, mdxFile, paragraphText, paragraphs, stringifyMdx } from './mdx.ts';

const parse = (mdx: string) => unified().use(remarkParse).use(remarkMdx).parse(mdx) as Root;

/** Visible text of a parsed tree: text nodes, breaks as `\n`, paragraphs/blocks separated by blank lines. */
function visible(node: any): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'break') return '\n';
  if (!node.children) return '';
  const sep = node.type === 'paragraph' || node.type === 'heading' ? '' : '\n\n';
  return node.children.map(visible).filter((s: string) => s !== '').join(sep);
}

/** Node types that would execute or evaluate code in MDX. */
function codeNodes(tree: Root): string[] {
  const found: string[] = [];
  const walk = (n: any) => {
    if (/^mdx(js)?(Esm|FlowExpression|TextExpression)$/.test(n.type)) found.push(n.type);
    if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
      if (n.name !== 'Item') found.push(`<${n.name}>`);
    }
    (n.children ?? []).forEach(walk);
  };
  walk(tree);
  return found;
}

const roundTrip = (text: string) => {
  const out = stringifyMdx({ type: 'root', children: paragraphs(text) });
  const tree = parse(out);
  return { out, tree, text: visible(tree) };
};

const seedsDir = join(import.meta.dirname, '../../../../seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();

describe('escaping document text for MDX', () => {
  const cases = [
    '{x}',
    '<script>alert(1)</script>',
    'export const a = 1',
    "import x from 'y'",
    'export default function X() {}',
    '# 标题',
    '*强调*',
    '| a | b |\n| - | - |',
    '[链接](x)',
    '&amp; &#x41; &lt;',
    'a\\b\\\\c\\',
    '\t发展领域\t主要目标',
    '  缩进',
    '第一行\nexport const b = 2\nimport y from "z"\n- 列表\n1. 编号\n> 引用\n---',
    '```js\ncode\n```',
    '~~删除~~ a_b_ __c__',
    '{/* comment */}',
    '<Item id="x">伪造</Item>',
    '$x$ <!-- c -->',
  ];
  for (const c of cases) {
    it(`keeps ${JSON.stringify(c)} literal`, () => {
      const r = roundTrip(c);
      expect(codeNodes(r.tree)).toEqual([]);
      expect(r.text).toBe(paragraphText(c));
    });
  }

  it('guards a paragraph starting with export/import (plain remark-mdx would parse ESM)', () => {
    const out = stringifyMdx({ type: 'root', children: paragraphs('export const a = 1') });
    expect(out.startsWith('export')).toBe(false);
  });

  it('keeps blank lines as paragraph breaks and other line breaks as hard breaks', () => {
    expect(paragraphText('a\nb\n\n\n c')).toBe('a\nb\n\n c');
    expect(paragraphs('a\nb\n\nc')).toHaveLength(2);
  });

  for (const name of seeds) {
    it(`round-trips the full text of seed ${name}`, () => {
      const text = readFileSync(join(seedsDir, name), 'utf8');
      const r = roundTrip(text);
      expect(codeNodes(r.tree)).toEqual([]);
      expect(r.text).toBe(paragraphText(text));
    });
  }
});

describe('frontmatter', () => {
  it('is YAML that reads back to the same values, keys sorted', () => {
    const data = {
      title: '阜新市妇女发展规划（2021—2030 年）',
      tricky: 'a: b # c\n---\n"q" \'s\' \\ {x} \u2028 \u0085 \u0007',
      n: 3,
      none: null,
      list: ['市妇联、市卫健局', 'x'],
      nested: { b: 1, a: [{ z: 'y' }] },
    };
    const fm = frontmatter(data);
    expect(fm.startsWith('---\n') && fm.endsWith('\n---\n')).toBe(true);
    const body = fm.slice(4, -5);
    expect(yaml.load(body)).toEqual(data);
    expect(body.split('\n').map((l) => l.split(':')[0])).toEqual(['list', 'n', 'nested', 'none', 'title', 'tricky']);
  });

  it('drops undefined values instead of writing invalid YAML', () => {
    expect(frontmatter({ a: undefined, b: 1 })).toBe('---\nb: 1\n---\n');
  });
});

function blocksOf(text: string): Block[] {
  let line = 1;
  return text.split(/\n\s*\n/).flatMap((t) => {
    const lines = t.split('\n').length;
    const b = { text: t.trim(), lineStart: line, lineEnd: line + lines - 1 };
    line += lines + 1;
    return b.text ? [b] : [];
  }).map((b, index) => ({ ...b, index }));
}

const item = (over: Partial<Item> & Pick<Item, 'textStart'>): Item => ({
  id: 'd-i1', docId: 'd', kind: 'recommendation', population: null, domain: null, domainSource: null,
  number: '一是', title: '', text: '', section: [], leadDepartments: [], partnerDepartments: [],
  blockStart: 0, blockEnd: 0, ...over,
});

describe('document body', () => {
  const blocks: Block[] = [
    { index: 0, text: '一、存在的问题', lineStart: 1, lineEnd: 1 },
    { index: 1, text: '前文。一是宣传{不够}。二是export 投入不足，\n<b>需要</b>加强。', lineStart: 2, lineEnd: 3 },
    { index: 2, text: '续写二是的内容。', lineStart: 4, lineEnd: 4 },
    { index: 3, text: '## 结语', lineStart: 5, lineEnd: 5, headingDepth: 2 },
    { index: 4, text: '尾声', lineStart: 6, lineEnd: 6 },
  ];
  const items = [
    item({ id: 'd-s1-i1', number: '一是', text: '一是宣传{不够}。', section: ['一、存在的问题'], blockStart: 1, textStart: 3, blockEnd: 1 }),
    item({ id: 'd-s1-i2', number: '二是', text: '二是export 投入不足，<b>需要</b>加强。续写二是的内容。', section: ['一、存在的问题'], blockStart: 1, textStart: blocks[1]!.text.indexOf('二是'), blockEnd: 2 }),
  ];

  it('wraps each item in <Item id> starting where its text starts, losing nothing', () => {
    const mdx = stringifyMdx({ type: 'root', children: documentBody({ blocks, items }) });
    const tree = parse(mdx);
    expect(codeNodes(tree)).toEqual([]);
    const els = tree.children.filter((n: any) => n.type === 'mdxJsxFlowElement') as any[];
    expect(els.map((e) => e.attributes.find((a: any) => a.name === 'id')?.value)).toEqual(['d-s1-i1', 'd-s1-i2']);
    expect(visible(els[0])).toBe('一是宣传{不够}。');
    expect(visible(els[1]).replace(/\s/g, '')).toBe('二是export投入不足，<b>需要</b>加强。续写二是的内容。');
    expect(tree.children.filter((n) => n.type === 'heading').map(visible)).toEqual(['一、存在的问题', '## 结语']);
    const squash = (s: string) => s.replace(/\s/g, '');
    expect(squash(visible(tree))).toBe(squash(blocks.map((b) => b.text).join('')));
  });

  it('keeps the printed number inside the item when the item text starts after it', () => {
    const b: Block[] = [{ index: 0, text: '前文。5.提升妇女常见病防治水平。（二）下一条。', lineStart: 1, lineEnd: 1 }];
    const its = [
      item({ id: 'n5', number: '5', text: '提升妇女常见病防治水平。', blockStart: 0, textStart: b[0]!.text.indexOf('提升'), blockEnd: 0 }),
      item({ id: 'n2', number: '（二）', text: '下一条。', blockStart: 0, textStart: b[0]!.text.indexOf('下一条'), blockEnd: 0 }),
    ];
    const tree = parse(stringifyMdx({ type: 'root', children: documentBody({ blocks: b, items: its }) }));
    const els = (tree.children as any[]).filter((n) => n.type === 'mdxJsxFlowElement');
    expect(els.map(visible)).toEqual(['5.提升妇女常见病防治水平。', '（二）下一条。']);
    expect(visible(tree.children[0])).toBe('前文。');
  });

  it('anchors an item that cannot be placed in the text instead of dropping it', () => {
    // Its block is not in the document (the text no longer locates an item: textStart does).
    const lost = item({ id: 'd-x', text: '不存在的文字', blockStart: 9, textStart: 0, blockEnd: 9 });
    const tree = parse(stringifyMdx({ type: 'root', children: documentBody({ blocks, items: [...items, lost] }) }));
    const ids = (tree.children as any[]).filter((n) => n.type === 'mdxJsxFlowElement').map((e) => e.attributes[0].value);
    expect(ids).toContain('d-x');
    // Two items starting at the same place: the first owns nothing, and is anchored all the same.
    const twins = [item({ id: 'd-a', text: '尾声', blockStart: 4, textStart: 0, blockEnd: 4 }), item({ id: 'd-b', text: '尾声', blockStart: 4, textStart: 0, blockEnd: 4 })];
    const tree2 = parse(stringifyMdx({ type: 'root', children: documentBody({ blocks, items: twins }) }));
    const ids2 = (tree2.children as any[]).filter((n) => n.type === 'mdxJsxFlowElement').map((e) => e.attributes[0].value);
    expect(ids2.sort()).toEqual(['d-a', 'd-b']);
  });

  for (const name of seeds) {
    it(`renders every block of seed ${name} losslessly and deterministically`, () => {
      const blocks = blocksOf(readFileSync(join(seedsDir, name), 'utf8'));
      // Every fifth block an item, some starting mid-block, to exercise segmentation.
      const items = blocks.filter((b) => b.index % 5 === 1).map((b) =>
        item({ id: `s-${b.index}`, text: b.text.slice(Math.floor(b.text.length / 2)), blockStart: b.index, textStart: Math.floor(b.text.length / 2), blockEnd: Math.min(b.index + 1, blocks.length - 1) }));
      const file = mdxFile({ title: name }, documentBody({ blocks, items }));
      expect(mdxFile({ title: name }, documentBody({ blocks, items }))).toBe(file);
      const tree = parse(file.replace(/^---\n[\s\S]*?\n---\n/, ''));
      expect(codeNodes(tree)).toEqual([]);
      const squash = (s: string) => s.replace(/\s/g, '');
      expect(squash(visible(tree))).toBe(squash(blocks.map((b) => b.text).join('')));
    });
  }
});

describe('document headings', () => {
  it('turns the domain cells of the Da’an task lists into one heading per domain', async () => {
    const { ingestDocument } = await import('../../pipeline.ts');
    const name = '003_89b52d1760550c11.txt';
    const doc = ingestDocument(name, readFileSync(join(seedsDir, name)));
    const tree = parse(stringifyMdx({ type: 'root', children: documentBody(doc) }));
    const headings = (tree.children as any[]).filter((n) => n.type === 'heading' && n.depth === 3).map((n) => visible(n));
    const { canonicalDomain } = await import('../../understand/domains.ts');
    const domains = headings.map((h) => canonicalDomain(h)?.name).filter(Boolean);
    // 8 women's and 7 children's domains, each once; split cells (`妇女与` + `社会保障`) joined.
    expect(new Set(domains).size).toBe(15);
    expect(headings.some((h) => h.replace(/\s/g, '') === '（五）妇女与社会保障')).toBe(true);
  });
});
