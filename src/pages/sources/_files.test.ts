import { describe, expect, it } from 'vitest';
import { contentType } from './_files';

describe('contentType of a source file', () => {
  it('gives Word and PDF files their media types, and text its encoding', () => {
    expect(contentType('a.docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(contentType('A.PDF', 'pdf')).toBe('application/pdf');
    expect(contentType('a.txt', 'utf-8-bom')).toBe('text/plain; charset=utf-8');
    expect(contentType('a.txt', 'gb18030')).toBe('text/plain; charset=gb18030');
    expect(contentType('a.bin')).toBe('application/octet-stream');
  });
});
