import { describe, expect, it } from 'vitest';
import { contentType, sourceHeaders } from './_files';

describe('contentType of a source file', () => {
  it('gives Word and PDF files their media types, and text its encoding', () => {
    expect(contentType('a.docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(contentType('A.PDF', 'pdf')).toBe('application/pdf');
    expect(contentType('a.txt', 'utf-8-bom')).toBe('text/plain; charset=utf-8');
    expect(contentType('a.txt', 'gb18030')).toBe('text/plain; charset=gb18030');
    expect(contentType('a.bin')).toBe('application/octet-stream');
  });

  it('labels a web page with the charset it was read in, and serves it as a download', () => {
    expect(contentType('a.html', 'gb18030')).toBe('text/html; charset=gb18030');
    expect(contentType('a.HTM', 'utf-8-bom')).toBe('text/html; charset=utf-8');
    expect(contentType('a.html', 'utf-16le')).toBe('text/html; charset=utf-16');
    expect(sourceHeaders('005_abc.html', 'gb18030')).toEqual({
      'content-type': 'text/html; charset=gb18030',
      'content-disposition': "attachment; filename*=UTF-8''005_abc.html",
      'x-content-type-options': 'nosniff',
    });
    expect(sourceHeaders('a.pdf', 'pdf')).toEqual({ 'content-type': 'application/pdf' });
  });
});
