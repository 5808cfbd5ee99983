import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_FILES, DATA_SCHEMA, linkParts } from '../../src/lib/open-data.ts';
import { BEGIN, DATA_DOC, END, dataTables, withDataTables } from './data.ts';

describe('docs/data.md', () => {
  it('is up to date with src/lib/open-data.ts (else run npm run docs:data)', () => {
    const doc = readFileSync(DATA_DOC, 'utf8');
    expect(withDataTables(doc) === doc, 'docs/data.md is stale: run `npm run docs:data` and commit it').toBe(true);
  });

  it('documents every field of every export, and every file has a heading', () => {
    const tables = dataTables();
    for (const [name, fields] of Object.entries(DATA_SCHEMA)) {
      expect(tables).toContain(`### \`${name}\`: ${DATA_FILES[name as keyof typeof DATA_FILES].title}`);
      for (const f of fields) expect(tables).toContain(`| \`${f.name}\` | \`${f.type.replace(/\|/g, '\\|')}\` |`);
    }
  });

  it('replaces only what lies between the markers, and refuses a document without them', () => {
    const doc = `# Data\n\nprose before\n\n${BEGIN}\n\nold tables\n\n${END}\n\nprose after\n`;
    const out = withDataTables(doc);
    expect(out.startsWith(`# Data\n\nprose before\n\n${BEGIN}\n\n`)).toBe(true);
    expect(out.endsWith(`\n\n${END}\n\nprose after\n`)).toBe(true);
    expect(out).not.toContain('old tables');
    expect(withDataTables(out)).toBe(out);
    expect(() => withDataTables('# Data\n')).toThrow(/markers/);
    expect(() => withDataTables(`${END}\n${BEGIN}`)).toThrow(/markers/);
  });
});

describe('linkParts', () => {
  it('splits Markdown links out of a description and keeps every character', () => {
    const text = '摘要见[关于](/about/)页，含义见[编辑指南](/guide/#warning-numbering)。';
    const parts = linkParts(text);
    expect(parts).toEqual([{ text: '摘要见' }, { text: '关于', href: '/about/' }, { text: '页，含义见' }, { text: '编辑指南', href: '/guide/#warning-numbering' }, { text: '。' }]);
    expect(linkParts('没有链接')).toEqual([{ text: '没有链接' }]);
    expect(linkParts('[只有链接](/x/)')).toEqual([{ text: '只有链接', href: '/x/' }]);
  });
});
