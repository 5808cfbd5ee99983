import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { assembleTree, type Source } from './assemble.ts';

let root = '';
let store = '';
let target = '';
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'kb-assemble-'));
  store = path.join(root, 'store');
  target = path.join(root, 'dist');
  mkdirSync(path.join(store, 'a'), { recursive: true });
  writeFileSync(path.join(store, 'a', 'page.html'), 'A');
  writeFileSync(path.join(store, 'b.html'), 'B');
  writeFileSync(path.join(store, 'search.html'), 'S');
});

const all = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/') + (e.isDirectory() ? '/' : ''))
    .sort();
const inode = (f: string) => statSync(f).ino;

const site = (): Map<string, Source> =>
  new Map<string, Source>([
    ['items/a/index.html', { link: path.join(store, 'a', 'page.html') }],
    ['items/b/index.html', { link: path.join(store, 'b.html') }],
    ['search/index.html', { copy: path.join(store, 'search.html') }],
    ['sitemap-index.xml', { text: '<sitemapindex/>' }],
  ]);

describe('assembleTree', () => {
  it('writes a new target whole: hard links, copies and text', async () => {
    const result = await assembleTree(target, site());
    expect(result).toMatchObject({ written: 4, inPlace: false });
    expect(all(target)).toEqual(['items/', 'items/a/', 'items/a/index.html', 'items/b/', 'items/b/index.html', 'search/', 'search/index.html', 'sitemap-index.xml']);
    expect(inode(path.join(target, 'items/a/index.html'))).toBe(inode(path.join(store, 'a', 'page.html')));
    expect(inode(path.join(target, 'search/index.html'))).not.toBe(inode(path.join(store, 'search.html')));
    expect(readFileSync(path.join(target, 'sitemap-index.xml'), 'utf8')).toBe('<sitemapindex/>');
    expect(existsSync(`${target}.assembling`)).toBe(false);
  });

  it('updates in place only what differs, and removes what the set no longer has', async () => {
    await assembleTree(target, site());
    const keptInode = inode(path.join(target, 'items/b/index.html'));
    const keptCopy = statSync(path.join(target, 'search/index.html')).mtimeMs;
    // The store replaces a file by a rename: dist/'s link still holds the old text.
    writeFileSync(path.join(store, 'a', 'page.html.new'), 'A2');
    renameSync(path.join(store, 'a', 'page.html.new'), path.join(store, 'a', 'page.html'));
    // A file the search step wrote into dist/ (not in the set), and a page that left.
    writeFileSync(path.join(target, 'stray.json'), '{}');
    const next = site();
    next.delete('items/b/index.html');
    next.set('items/c/index.html', { link: path.join(store, 'b.html') });
    next.set('sitemap-index.xml', { text: '<sitemapindex>2</sitemapindex>' });

    const result = await assembleTree(target, next);
    expect(result).toEqual({ written: 3, removed: 2, kept: 1, inPlace: true });
    expect(all(target)).toEqual(['items/', 'items/a/', 'items/a/index.html', 'items/c/', 'items/c/index.html', 'search/', 'search/index.html', 'sitemap-index.xml']);
    expect(readFileSync(path.join(target, 'items/a/index.html'), 'utf8')).toBe('A2');
    expect(inode(path.join(target, 'items/c/index.html'))).toBe(keptInode);
    expect(statSync(path.join(target, 'search/index.html')).mtimeMs).toBe(keptCopy);
    expect(readFileSync(path.join(target, 'sitemap-index.xml'), 'utf8')).toBe('<sitemapindex>2</sitemapindex>');
  });

  it('puts back a copy that was changed in dist/, and a page where a folder stood', async () => {
    await assembleTree(target, site());
    writeFileSync(path.join(target, 'search/index.html'), 'S with the search step’s preloads');
    mkdirSync(path.join(target, 'b.html'));
    writeFileSync(path.join(target, 'b.html', 'old'), 'x');
    const next = site();
    next.set('b.html', { link: path.join(store, 'b.html') });
    const result = await assembleTree(target, next);
    expect(result.inPlace).toBe(true);
    expect(readFileSync(path.join(target, 'search/index.html'), 'utf8')).toBe('S');
    expect(readFileSync(path.join(target, 'b.html'), 'utf8')).toBe('B');
    expect(all(target).filter((f) => f.includes('assembling'))).toEqual([]);
  });

  it('gives the same tree in place as written whole', async () => {
    await assembleTree(target, site());
    const next = site();
    next.delete('items/a/index.html');
    await assembleTree(target, next);
    const fresh = path.join(root, 'fresh');
    await assembleTree(fresh, next);
    expect(all(target)).toEqual(all(fresh));
    for (const f of all(fresh).filter((f) => !f.endsWith('/'))) expect(readFileSync(path.join(target, f))).toEqual(readFileSync(path.join(fresh, f)));
  });

  it('leaves the files another step claims', async () => {
    await assembleTree(target, site());
    mkdirSync(path.join(target, 'pagefind'));
    writeFileSync(path.join(target, 'pagefind', 'entry.json'), '{}');
    writeFileSync(path.join(target, 'old.html'), 'gone');
    const result = await assembleTree(target, site(), { keep: (f) => f.startsWith('pagefind/') });
    expect(result.removed).toBe(1);
    expect(readFileSync(path.join(target, 'pagefind', 'entry.json'), 'utf8')).toBe('{}');
    expect(existsSync(path.join(target, 'old.html'))).toBe(false);
  });

  it('reads the previous files from its record, while the record is of the same directory', async () => {
    const record = path.join(root, 'build', 'dist-files.json');
    await assembleTree(target, site(), { record });
    expect(JSON.parse(readFileSync(record, 'utf8')).files).toEqual([...site().keys()]);
    // Not in the record, so not seen: the record, not a walk, says what the target holds.
    writeFileSync(path.join(target, 'unlisted.html'), 'x');
    const next = site();
    next.delete('items/b/index.html');
    expect((await assembleTree(target, next, { record })).removed).toBe(1);
    expect(existsSync(path.join(target, 'items/b'))).toBe(false);
    expect(existsSync(path.join(target, 'unlisted.html'))).toBe(true);
    // The target made again by something else: the record is of another directory, so it is walked.
    renameSync(target, `${target}-old`);
    mkdirSync(target);
    writeFileSync(path.join(target, 'unlisted.html'), 'x');
    const result = await assembleTree(target, next, { record });
    expect(result.removed).toBe(1);
    expect(all(target)).toEqual(all(`${target}-old`).filter((f) => f !== 'unlisted.html'));
  });

  it('refuses a target that is a file, naming it', async () => {
    writeFileSync(target, 'not a folder');
    await expect(assembleTree(target, site())).rejects.toThrow(/dist 不是文件夹/);
  });
});
