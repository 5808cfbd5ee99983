/** Text → the bytes of a file in the layout's encoding and line ends; never a lossy encoding. */
import iconv from 'iconv-lite';
import type { Layout } from '../dimensions.ts';

export function encodeText(text: string, layout: Pick<Layout, 'encoding' | 'lineEnds'>): Uint8Array {
  const lines = layout.lineEnds === 'crlf' ? text.replace(/\r?\n/g, '\r\n') : text;
  const bytes = encodeOnly(lines, layout.encoding);
  // Only the GB encodings can lose characters (⑪ and radicals are not in GBK).
  if (layout.encoding === 'gbk' || layout.encoding === 'gb18030') {
    const back = iconv.decode(Buffer.from(bytes), layout.encoding);
    if (back !== lines) {
      const chars = [...lines];
      const got = [...back];
      const at = chars.findIndex((c, k) => got[k] !== c);
      throw new Error(`the generated text cannot be written in ${layout.encoding} without loss (first at character ${at}: "${chars[at]}"); the layout rules should have prevented this combination`);
    }
  }
  return bytes;
}

function encodeOnly(text: string, encoding: Layout['encoding']): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'utf-8-bom':
      return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    case 'utf-16le-bom':
      return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    case 'gbk':
    case 'gb18030':
      return new Uint8Array(iconv.encode(text, encoding));
  }
}
