import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeHtml } from './html.ts';

const TEXT = '阜新市妇女发展规划（2021—2030年）：妇女与健康，孕产妇死亡率控制在10.5/10万以下。';
const html = (head: string) => `<!DOCTYPE html><html><head>${head}<title>规划</title></head><body><p>${TEXT}</p></body></html>`;

describe('decodeHtml', () => {
  it('reads the charset a <meta> declares, either way it is written', () => {
    expect(declaredCharset(Buffer.from('<meta charset="GB2312">'))).toBe('GB2312');
    expect(declaredCharset(Buffer.from(`<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gbk">`))).toBe('gbk');
    expect(declaredCharset(Buffer.from('<meta name="x" content="y">'))).toBeNull();
    for (const head of ['<meta charset="gb2312">', '<meta http-equiv="Content-Type" content="text/html; charset=GBK">', '<meta charset="gb18030">']) {
      const { text, encoding } = decodeHtml(iconv.encode(html(head), 'gbk'), 'a.html');
      expect([encoding, text.includes(TEXT)]).toEqual(['gb18030', true]);
    }
    const big5 = decodeHtml(iconv.encode('<meta charset="big5"><p>婦女與健康</p>', 'big5'), 'a.html');
    expect([big5.encoding, big5.text.includes('婦女與健康')]).toEqual(['big5', true]);
  });

  it('takes a BOM over the declaration, and valid UTF-8 over a GBK declaration left from the original', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html('<meta charset="gb2312">'))]);
    expect(decodeHtml(bom, 'a.html')).toMatchObject({ encoding: 'utf-8-bom' });
    expect(decodeHtml(bom, 'a.html').text).toContain(TEXT);
    const resaved = decodeHtml(Buffer.from(html('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')), 'a.html');
    expect([resaved.encoding, resaved.text.includes(TEXT)]).toEqual(['utf-8', true]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(html(''), 'utf-16le')]);
    expect(decodeHtml(utf16, 'a.html')).toMatchObject({ encoding: 'utf-16le' });
  });

  it('detects an undeclared GBK page from the text between its tags, and reads a page declared UTF-8 that is not', () => {
    const long = html('<script>var a = "x";</script>').replace('<p>', '<p class="a" style="font-family:SimSun;line-height:28px;text-indent:2em">'.repeat(1));
    const gbk = decodeHtml(iconv.encode(long, 'gbk'), 'a.html');
    expect([gbk.encoding, gbk.text.includes(TEXT)]).toEqual(['gb18030', true]);
    const mislabelled = decodeHtml(iconv.encode(html('<meta charset="utf-8">'), 'gbk'), 'a.html');
    expect([mislabelled.encoding, mislabelled.text.includes(TEXT)]).toEqual(['gb18030', true]);
  });
});
