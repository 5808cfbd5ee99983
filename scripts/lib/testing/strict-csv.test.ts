import { describe, expect, it } from 'vitest';
import { parseStrictCsv, pythonCsvShape } from './strict-csv.ts';

describe('the strict RFC 4180 reader the CSV tests use', () => {
  it('reads CRLF records, quoted commas, quotes, line breaks and empty quoted fields', () => {
    expect(parseStrictCsv('\uFEFFa,b,c\r\n"x,y","say ""hi""","一\n二\r\n三"\r\n,"",z\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['x,y', 'say "hi"', '一\n二\r\n三'],
      ['', '', 'z'],
    ]);
  });

  it('rejects what Excel or Python would read differently: bare LF or CR, stray quotes, ragged records, no final CRLF', () => {
    expect(() => parseStrictCsv('a,b\r\n一\n二,x\r\n')).toThrow(/bare LF/);
    expect(() => parseStrictCsv('a,b\r\n一\r二,x\r\n')).toThrow(/bare CR/);
    expect(() => parseStrictCsv('a,b\r\nx"y,z\r\n')).toThrow(/quote inside/);
    expect(() => parseStrictCsv('a,b\r\n"x"y,z\r\n')).toThrow(/after a closing quote/);
    expect(() => parseStrictCsv('a,b\r\n"x,z\r\n')).toThrow(/unclosed/);
    expect(() => parseStrictCsv('a,b\r\nx\r\n')).toThrow(/1 fields, the header 2/);
    expect(() => parseStrictCsv('a,b\r\nx,y')).toThrow(/CRLF/);
  });

  it('Python’s csv module, the issue’s check, splits a record at a bare LF and keeps a quoted one', async () => {
    expect(await pythonCsvShape('\uFEFFa,b\r\n一\n二,x\r\n')).toEqual({ records: 3, widths: [1, 2] });
    expect(await pythonCsvShape('\uFEFFa,b\r\n"一\n二",x\r\n')).toEqual({ records: 2, widths: [2] });
  });
});
