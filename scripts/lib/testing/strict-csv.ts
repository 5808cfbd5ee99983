/**
 * A strict RFC 4180 reader for the tests of every CSV the site writes. Records end with CRLF
 * and nowhere else; a CR or an LF outside quotes, a quote inside an unquoted field or text
 * after a closing quote is an error naming the record and the character offset, since Excel
 * and Python's csv module read each of those differently from what the writer meant (Python
 * ends a record at a bare LF). Every record must have as many fields as the header.
 */
export function parseStrictCsv(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let k = 0;
  const fail = (why: string): never => {
    throw new Error(`CSV record ${records.length + 1}, offset ${k}: ${why}`);
  };
  const endField = () => {
    record.push(field);
    field = '';
  };
  while (k < body.length) {
    if (body[k] === '"' && field === '') {
      // A quoted field: up to the closing quote, with "" for a quote.
      k++;
      for (;;) {
        if (k >= body.length) fail('unclosed quote');
        if (body[k] === '"') {
          if (body[k + 1] === '"') {
            field += '"';
            k += 2;
            continue;
          }
          k++;
          break;
        }
        field += body[k++];
      }
      if (k < body.length && body[k] !== ',' && !body.startsWith('\r\n', k)) fail('text after a closing quote');
      if (field === '') field = '\u0000quoted-empty'; // keep "" from starting a second quoted run
      continue;
    }
    const c = body[k]!;
    if (c === ',') {
      endField();
      k++;
    } else if (body.startsWith('\r\n', k)) {
      endField();
      records.push(record);
      record = [];
      k += 2;
    } else if (c === '\r' || c === '\n') {
      fail(`bare ${c === '\r' ? 'CR' : 'LF'} outside quotes`);
    } else if (c === '"') {
      fail('quote inside an unquoted field');
    } else {
      field += c;
      k++;
    }
  }
  if (field !== '' || record.length) fail('last record does not end with CRLF');
  const out = records.map((r) => r.map((f) => (f === '\u0000quoted-empty' ? '' : f)));
  const width = out[0]?.length ?? 0;
  out.forEach((r, n) => {
    if (r.length !== width) throw new Error(`CSV record ${n + 1} has ${r.length} fields, the header ${width}`);
  });
  return out;
}

/**
 * The issue's own check: Python 3's csv module, `csv.reader(open(p, newline='', encoding='utf-8-sig'))`,
 * on the CSV text; returns the number of records and the field count of each. Python ends a
 * record at a bare LF, so a field holding one unquoted shows as extra, shorter records.
 */
export async function pythonCsvShape(text: string): Promise<{ records: number; widths: number[] }> {
  const { execFileSync } = await import('node:child_process');
  const script = [
    'import csv, io, json, sys',
    "data = sys.stdin.buffer.read().decode('utf-8-sig')",
    "rows = list(csv.reader(io.StringIO(data, newline='')))",
    'print(json.dumps({"records": len(rows), "widths": sorted(set(len(r) for r in rows))}))',
  ].join('\n');
  const out = execFileSync('python3', ['-c', script], { input: Buffer.from(text, 'utf8'), maxBuffer: 1 << 26 });
  return JSON.parse(out.toString('utf8')) as { records: number; widths: number[] };
}
