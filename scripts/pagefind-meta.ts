/**
 * The word ranges of a Pagefind bundle's index chunks, read from its meta file
 * (`pagefind.<hash>.pf_meta`: gzip of `pagefind_dcd` and CBOR, the layout of pagefind_web's
 * metadata.rs: version, pages, index chunks as [from, to, hash], filters, sorts). The search page
 * gets them in its head (scripts/search-preload.ts), so the chunks a query in the URL needs are
 * fetched while the page's own scripts load, not after Pagefind has started. The filter chunks'
 * values and page counts are read too: the page lists the filters' options without them.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

/** An index chunk: the words from `from` to `to` (inclusive, code point order) are in `index/<hash>.pf_index`. */
export type ChunkRange = [from: string, to: string, hash: string];

const SIGNATURE = 'pagefind_dcd';

/** A reader of the CBOR subset Pagefind writes: unsigned integers, strings, arrays. */
function cbor(bytes: Buffer, where: string) {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`搜索索引：${where} 的格式与预期不同（${what}，位置 ${at}）。Pagefind 的版本可能已改变，请检查 scripts/pagefind-meta.ts。`);
  };
  const head = (): [major: number, value: number] => {
    if (at >= bytes.length) fail('文件提前结束');
    const byte = bytes[at++]!;
    const info = byte & 31;
    let value = info;
    if (info === 24) value = bytes.readUInt8(at++);
    else if (info === 25) (value = bytes.readUInt16BE(at)), (at += 2);
    else if (info === 26) (value = bytes.readUInt32BE(at)), (at += 4);
    else if (info === 27) (value = Number(bytes.readBigUInt64BE(at))), (at += 8);
    else if (info > 27) fail(`不支持的长度编码 ${info}`);
    return [byte >> 5, value];
  };
  const item = (): unknown => {
    const [major, value] = head();
    if (major === 0) return value;
    if (major === 2 || major === 3) {
      const raw = bytes.subarray(at, (at += value));
      return major === 3 ? raw.toString('utf8') : raw;
    }
    if (major === 4) return Array.from({ length: value }, item);
    return fail(`不支持的类型 ${major}`);
  };
  return item;
}

/** What the search page's head needs of a bundle's meta. */
export interface BundleMeta {
  chunks: ChunkRange[];
  /** The filter chunks' hashes (`filter/<hash>.pf_filter`), one per filter name. */
  filters: string[];
}

/** Parses a meta file's bytes (as served, gzipped). `where` names the file in errors. */
export function parseMeta(gzipped: Buffer, where: string): BundleMeta {
  const raw = gunzipSync(gzipped);
  if (raw.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error(`搜索索引：${where} 不是 Pagefind 的元数据文件（缺少 ${SIGNATURE} 标记）。请重新运行 npm run build。`);
  const meta = cbor(raw.subarray(SIGNATURE.length), where)();
  const strings = (x: unknown, n: number) => Array.isArray(x) && x.every((c) => Array.isArray(c) && c.length === n && c.every((s) => typeof s === 'string'));
  const [, , chunks, filters] = Array.isArray(meta) ? meta : [];
  if (!strings(chunks, 3) || !strings(filters, 2)) throw new Error(`搜索索引：${where} 中没有索引分块和筛选分块的列表。Pagefind 的版本可能已改变，请检查 scripts/pagefind-meta.ts。`);
  return { chunks: chunks as ChunkRange[], filters: (filters as [string, string][]).map(([, hash]) => hash) };
}

export async function readMeta(file: string, where = file): Promise<BundleMeta> {
  return parseMeta(await readFile(file), where);
}

/** A filter chunk's values with the number of pages carrying each: what Pagefind's `filters()` counts. */
export interface FilterList {
  name: string;
  counts: Record<string, number>;
}

/**
 * Parses a filter chunk (`filter/<hash>.pf_filter`, as served, gzipped): `pagefind_dcd` and CBOR
 * [name, [[value, [page numbers]], …]], the layout of pagefind_web's filter_index.rs.
 */
export function parseFilter(gzipped: Buffer, where: string): FilterList {
  const raw = gunzipSync(gzipped);
  if (raw.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error(`搜索索引：${where} 不是 Pagefind 的筛选分块（缺少 ${SIGNATURE} 标记）。请重新运行 npm run build。`);
  const chunk = cbor(raw.subarray(SIGNATURE.length), where)();
  const [name, values] = Array.isArray(chunk) ? chunk : [];
  const valid = typeof name === 'string' && Array.isArray(values) && values.every((v) => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && Array.isArray(v[1]));
  if (!valid) throw new Error(`搜索索引：${where} 中没有筛选项的取值列表。Pagefind 的版本可能已改变，请检查 scripts/pagefind-meta.ts。`);
  return { name, counts: Object.fromEntries((values as [string, unknown[]][]).map(([value, pages]) => [value, pages.length])) };
}
