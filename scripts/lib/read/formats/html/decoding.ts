/** A saved web page's bytes → its text: the charset it declares, checked against what the bytes are. */
import iconv from 'iconv-lite';
import { decode } from '../../decode.ts';
import { SourceFormatError } from '../types.ts';

/** Labels pages declare → the iconv-lite codec that reads them (GB2312 and GBK as their superset). */
function codecOf(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^x-/, '');
  if (/^(gb2312|gbk|gb_2312-80|gb18030|cp936|euc-cn|csgb2312|hz-gb-2312)$/.test(l)) return 'gb18030';
  if (l === 'utf8' || l === 'utf-8') return 'utf-8';
  return iconv.encodingExists(l) ? l : null;
}

/** `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the page's first 8 KB. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8192)).toString('latin1');
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /charset\s*=\s*["']?\s*([-\w.:]+)/i.exec(meta);
    if (m) return m[1]!;
  }
  return null;
}

/**
 * The page's bytes → text. A BOM decides (it is written by the program that saved the file, as
 * browsers also take it over the page's own declaration); else the `<meta>` charset; else the
 * text between the tags goes to the detector decode.ts uses for plain text. A page declared
 * GB2312/GBK whose bytes are valid UTF-8 (re-saved by a browser or editor without changing the
 * declaration) is UTF-8: GBK Chinese is practically never valid UTF-8.
 */
export function decodeHtml(bytes: Uint8Array, name: string): { text: string; encoding: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if ((buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) || (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    return decode(bytes, name);
  }
  const declared = declaredCharset(bytes);
  const codec = declared ? codecOf(declared) : null;
  const utf8 = validUtf8(buf);
  if (codec === 'utf-8' && utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  if (codec && codec !== 'utf-8' && !(utf8 !== null && /[^\x00-\x7f]/.test(utf8))) {
    return { text: iconv.decode(buf, codec), encoding: codec };
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  // Undeclared (or declared UTF-8 but not): detect on the text between the tags. `<` and `>`
  // are never the second byte of a GBK character, so the tags can be cut from the bytes.
  const between = Buffer.from(
    buf
      .toString('latin1')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' '),
    'latin1',
  );
  try {
    const { encoding } = decode(new Uint8Array(between), name);
    return { text: iconv.decode(buf, encoding === 'utf-8-bom' ? 'utf-8' : encoding), encoding };
  } catch {
    throw new SourceFormatError(
      `无法判断网页的文字编码（页面没有声明 charset，内容既不是 UTF-8 也不是 GB18030/GBK）`,
      '请用浏览器打开该网页，另存为“网页，仅 HTML”（UTF-8 编码），或把正文复制为 UTF-8 的 .txt 文件，然后重新构建',
    );
  }
}

function validUtf8(buf: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return null;
  }
}
