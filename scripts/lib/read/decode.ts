import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import type { DecodedText } from '../types.ts';

/** Thrown when a file's bytes cannot be read as text; the message names the fix. */
export class DecodeError extends Error {}

/**
 * Bytes → text. Honours a BOM (UTF-8, UTF-16 LE/BE), accepts valid UTF-8, and otherwise
 * asks jschardet for the encoding: Chinese government files also come as GBK/GB18030.
 * GB2312 and GBK are decoded as GB18030, their superset, so no character is lost.
 */
export function decode(bytes: Uint8Array, fileName = 'input'): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }
  if (buf.includes(0)) {
    throw new DecodeError(
      `${fileName}：含有 NUL 字节，是二进制文件或不带字节顺序标记（BOM）的 UTF-16 文本。` +
        '请另存为 UTF-8（或带 BOM 的 UTF-16）文本，然后重新构建。',
    );
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: fall through to detection.
  }
  // Chinese government files that are not UTF-8 are nearly always GBK/GB18030, and
  // jschardet is unsure on short texts: try GB18030 first and accept it when the result
  // is clean Chinese text; otherwise go by the detector's confident guess.
  const gb = iconv.decode(buf, 'gb18030');
  if (looksLikeChinese(gb)) return { text: gb, encoding: 'gb18030' };
  const guess = jschardet.detect(buf);
  const encoding = (guess.encoding ?? '').toLowerCase();
  if (encoding && iconv.encodingExists(encoding) && guess.confidence >= 0.8) {
    return { text: iconv.decode(buf, encoding), encoding };
  }
  throw new DecodeError(
    `${fileName}：无法判断文字编码（不是 UTF-8 或 GB18030；最接近的猜测是 ` +
      `${guess.encoding ?? '无'}，可信度 ${guess.confidence.toFixed(2)}）。请另存为 UTF-8 文本，然后重新构建。`,
  );
}

/** No replacement characters, and at least a third of the visible characters are CJK. */
function looksLikeChinese(text: string): boolean {
  if (text.includes('\uFFFD')) return false;
  const visible = text.replace(/\s/g, '');
  const cjk = visible.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  return visible.length > 0 && cjk / visible.length >= 0.33;
}
