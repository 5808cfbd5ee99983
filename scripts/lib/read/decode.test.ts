import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decode, DecodeError } from './decode.ts';

const SAMPLE = '阜新市妇女发展规划（2021—2030年）\n4.加强母婴安全保障。孕产妇死亡率控制在12/10万以下。';

describe('decode', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const utf8 = Buffer.from(SAMPLE, 'utf8');
    expect(decode(utf8)).toEqual({ text: SAMPLE, encoding: 'utf-8' });
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual({ text: SAMPLE, encoding: 'utf-8-bom' });
  });

  it('reads GBK and GB18030 files as GB18030', () => {
    expect(decode(iconv.encode(SAMPLE, 'gbk'))).toEqual({ text: SAMPLE, encoding: 'gb18030' });
    // A character outside GBK (𠮷, a CJK Extension B ideograph) survives only in GB18030.
    const rare = `${SAMPLE}𠮷`;
    expect(decode(iconv.encode(rare, 'gb18030')).text).toBe(rare);
  });

  it('reads UTF-16 little- and big-endian with a BOM', () => {
    expect(decode(iconv.encode(SAMPLE, 'utf-16le', { addBOM: true }))).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decode(iconv.encode(SAMPLE, 'utf-16be', { addBOM: true }))).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('names the file and the fix for bytes that are not text', () => {
    const binary = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]);
    expect(() => decode(binary, 'seeds/plan.txt')).toThrow(DecodeError);
    expect(() => decode(binary, 'seeds/plan.txt')).toThrow(/^seeds\/plan\.txt：含有 NUL 字节.*请另存为 UTF-8/);
  });
});
