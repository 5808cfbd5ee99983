/** The .docx package's XML: telling a Word 97–2003 (OLE) file apart, parsing a part, and walking its W-namespace elements. */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8 } from 'fflate';
import { SourceFormatError } from '../types.ts';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function isOleFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
}

export function parseXml(bytes: Uint8Array | undefined) {
  if (!bytes) return undefined;
  try {
    return new DOMParser().parseFromString(strFromU8(bytes), 'text/xml');
  } catch (error) {
    throw new SourceFormatError(`其中的 XML 有错误（${(error as Error).message.split('\n')[0]}）`, '请用 Word 或 LibreOffice 打开后重新另存为 .docx，然后重新构建');
  }
}

export function children(el: Element | null | undefined, name?: string): Element[] {
  const out: Element[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === W && (!name || (n as Element).localName === name)) out.push(n as Element);
  }
  return out;
}

export function first(el: Element | null | undefined, ...path: string[]): Element | undefined {
  let at: Element | undefined = el ?? undefined;
  for (const name of path) at = children(at, name)[0];
  return at;
}

/** Children named `name`, also inside content controls (w:sdt) and custom XML that wrap rows or cells. */
export function wrapped(el: Element, name: string): Element[] {
  return children(el).flatMap((c) =>
    c.localName === name ? [c] : c.localName === 'sdt' ? wrapped(first(c, 'sdtContent') ?? c, name) : c.localName === 'customXml' ? wrapped(c, name) : [],
  );
}

export function val(el: Element | undefined): string | undefined {
  return el?.getAttributeNS(W, 'val') || undefined;
}
