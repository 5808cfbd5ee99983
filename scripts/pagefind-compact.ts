/**
 * Shorter page ids in a Pagefind bundle. Pagefind names each page by its fragment's hash
 * (`zh-cn_` and 7 or more hex digits) and lists every page, with its word count, in the bundle's
 * meta, which a first query loads whole: on 300 documents (96,025 pages) the five bundles' metas
 * are 621 KB gzipped, mostly those random digits. Renumbered in the meta's order (the bundle's
 * number, `-`, the page's in base 36) they compress to almost nothing. The ids appear nowhere
 * else than in the meta and the fragments' file names (index and filter chunks name pages by
 * their number), so those two are all that is rewritten; the rest of the meta is copied byte
 * for byte. A bundle whose fragments Pagefind grouped into shared files is left as it is.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

/** A CBOR head (major type and value) as Pagefind's minicbor writes them, with its length in bytes. */
function head(bytes: Buffer, at: number, where: string): { major: number; value: number; size: number } {
  const byte = bytes[at];
  if (byte === undefined) throw new Error(`搜索索引：${where} 提前结束（位置 ${at}）。请重新运行 npm run build。`);
  const info = byte & 31;
  const major = byte >> 5;
  if (info < 24) return { major, value: info, size: 1 };
  if (info === 24) return { major, value: bytes.readUInt8(at + 1), size: 2 };
  if (info === 25) return { major, value: bytes.readUInt16BE(at + 1), size: 3 };
  if (info === 26) return { major, value: bytes.readUInt32BE(at + 1), size: 5 };
  if (info === 27) return { major, value: Number(bytes.readBigUInt64BE(at + 1)), size: 9 };
  throw new Error(`搜索索引：${where} 的格式与预期不同（长度编码 ${info}，位置 ${at}）。Pagefind 的版本可能已改变，请检查 scripts/pagefind-compact.ts。`);
}

/** The offset just past the item at `at` (integers, byte and text strings, arrays). */
function skip(bytes: Buffer, at: number, where: string): number {
  const h = head(bytes, at, where);
  if (h.major === 0) return at + h.size;
  if (h.major === 2 || h.major === 3) return at + h.size + h.value;
  if (h.major === 4) {
    let end = at + h.size;
    for (let k = 0; k < h.value; k++) end = skip(bytes, end, where);
    return end;
  }
  throw new Error(`搜索索引：${where} 的格式与预期不同（类型 ${h.major}，位置 ${at}）。Pagefind 的版本可能已改变，请检查 scripts/pagefind-compact.ts。`);
}

function encodeHead(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 256) return Buffer.from([(major << 5) | 24, n]);
  if (n < 65536) return Buffer.from([(major << 5) | 25, n >> 8, n & 255]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

const text = (s: string) => Buffer.concat([encodeHead(3, Buffer.byteLength(s)), Buffer.from(s)]);

/** The new id of the bundle's `n`th page. */
export const pageId = (bundle: number, n: number) => `${bundle}-${n.toString(36)}`;

interface Page {
  id: string;
  /** The page's other fields (word count, fragment group), as written. */
  rest: Buffer[];
  group: string;
}

/** The pages of a decompressed meta and where their array lies in it. */
function readPages(raw: Buffer, where: string): { pages: Page[]; start: number; end: number } {
  let at = SIGNATURE.length;
  const top = head(raw, at, where);
  if (top.major !== 4 || top.value < 2) throw new Error(`搜索索引：${where} 不是预期的元数据结构。Pagefind 的版本可能已改变，请检查 scripts/pagefind-compact.ts。`);
  at = skip(raw, at + top.size, where); // the version
  const start = at;
  const list = head(raw, at, where);
  if (list.major !== 4) throw new Error(`搜索索引：${where} 中没有页面列表。Pagefind 的版本可能已改变，请检查 scripts/pagefind-compact.ts。`);
  at += list.size;
  const pages: Page[] = [];
  for (let k = 0; k < list.value; k++) {
    const page = head(raw, at, where);
    const idHead = head(raw, at + page.size, where);
    if (page.major !== 4 || page.value < 2 || idHead.major !== 3) throw new Error(`搜索索引：${where} 的第 ${k + 1} 个页面不是 [编号, 词数, …]。Pagefind 的版本可能已改变，请检查 scripts/pagefind-compact.ts。`);
    let field = at + page.size;
    const idEnd = skip(raw, field, where);
    const id = raw.subarray(field + idHead.size, idEnd).toString('utf8');
    field = idEnd;
    const rest: Buffer[] = [];
    let group = '';
    for (let f = 1; f < page.value; f++) {
      const end = skip(raw, field, where);
      const item = raw.subarray(field, end);
      // The third field, when there is one, names the shared file holding the fragment.
      const h = head(raw, field, where);
      if (f === 2 && h.major === 3) group = item.subarray(h.size).toString('utf8');
      rest.push(item);
      field = end;
    }
    pages.push({ id, rest, group });
    at = field;
  }
  return { pages, start, end: at };
}

/**
 * Renumbers the pages of the bundle `<dist>/<bundleDir>`, the `bundle`th (so that ids stay unique
 * when the search page merges bundles). Returns the meta's gzipped bytes before and after, or
 * undefined when the bundle was left as it is (several languages, grouped fragments).
 */
export async function compactPageIds(dist: string, bundleDir: string, bundle: number): Promise<{ pages: number; before: number; after: number } | undefined> {
  const dir = path.join(dist, bundleDir);
  const entry = JSON.parse(await readFile(path.join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const langs = Object.values(entry.languages);
  if (langs.length !== 1) return undefined;
  const file = path.join(dir, `pagefind.${langs[0]!.hash}.pf_meta`);
  // Named in full: the bundle is compacted where it was indexed, in the cache, not in dist/.
  const where = file;
  const gzipped = await readFile(file);
  const raw = gunzipSync(gzipped);
  if (raw.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error(`搜索索引：${where} 不是 Pagefind 的元数据文件（缺少 ${SIGNATURE} 标记）。请重新运行 npm run build。`);
  const { pages, start, end } = readPages(raw, where);
  if (pages.some((p) => p.group)) return undefined;
  const renamed = pages.map((p, n) => ({ from: p.id, to: pageId(bundle, n) }));
  const moves = renamed.filter((r) => r.from !== r.to);
  for (const { from } of moves) {
    if (!existsSync(path.join(dir, 'fragment', `${from}.pf_fragment`))) throw new Error(`搜索索引：${where} 列出的页面 ${from} 在 fragment/ 中没有文件。请重新运行 npm run build。`);
  }
  // Two passes through temporary names: a new id never overwrites a fragment not yet moved.
  for (const { from, to } of moves) await rename(path.join(dir, 'fragment', `${from}.pf_fragment`), path.join(dir, 'fragment', `${to}.tmp`));
  for (const { to } of moves) await rename(path.join(dir, 'fragment', `${to}.tmp`), path.join(dir, 'fragment', `${to}.pf_fragment`));
  const list = Buffer.concat([encodeHead(4, pages.length), ...pages.flatMap((p, n) => [encodeHead(4, 1 + p.rest.length), text(renamed[n]!.to), ...p.rest])]);
  const compacted = Buffer.concat([raw.subarray(0, start), list, raw.subarray(end)]);
  const out = gzipSync(compacted, { level: 9 });
  await writeFile(file, out);
  return { pages: pages.length, before: gzipped.length, after: out.length };
}
