/** The issuing body: as printed (title, letterhead, signature) and qualified by the document's city. */
import type { Block } from '../../types.ts';
import { DATE_ONLY } from './date.ts';

const ORGAN = /(国务院|人民政府|人民代表大会常务委员会|人大常委会|常务委员会|人民政府办公室|政府办公室|办公厅|办公室|妇女儿童工作委员会|妇女联合会|妇联|委员会|政府)$/;

/**
 * The issuing body as printed: before `关于` in the title, the letterhead (`…人民政府文件`), or
 * a signature line standing just before a date.
 */
export function inferIssuer(title: string, blocks: Block[]): string | null {
  const before = /^(.{2,30}?)关于/.exec(title)?.[1];
  if (before && ORGAN.test(before)) return before;
  for (const b of blocks.slice(0, 3)) {
    const letterhead = /^(\S{2,30})文件$/.exec(b.text.trim())?.[1];
    if (letterhead && ORGAN.test(letterhead)) return letterhead;
  }
  for (let k = 0; k + 1 < blocks.length; k++) {
    const t = blocks[k]!.text.trim();
    if (t.length <= 30 && ORGAN.test(t) && !/[，。；：]/.test(t) && DATE_ONLY.test(blocks[k + 1]!.text.trim())) return t;
  }
  return null;
}

/** `市人大常委会` in a document whose city is 鞍山市 is the 鞍山市人大常委会. */
export function qualifyIssuer(issuer: string | null, city: string | null): string | null {
  if (!issuer || !city) return issuer;
  const relative = /^[市区县]/.exec(issuer)?.[0];
  return relative && city.endsWith(relative) ? city + issuer.slice(1) : issuer;
}
