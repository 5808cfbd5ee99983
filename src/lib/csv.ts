/**
 * How every CSV the site writes is written (the open data, the compare page's download): the
 * options both csv-stringify builds (Node's for the ingest, the browser's for the compare page)
 * are given, so the two never drift apart.
 *
 * RFC 4180: records end with CRLF, and a field is quoted when it holds a comma, a quote, a CR
 * or an LF of any kind. csv-stringify quotes only the record delimiter itself once one is set
 * (`record_delimiter: '\r\n'` turns its `quote_record_delimiter` off), so a bare LF inside a
 * speech's text split the record for Excel and Python; `quote_record_delimiter` restores it.
 * A leading or trailing space is quoted too, since spreadsheet imports trim unquoted ones.
 */
export const CSV_OPTIONS = {
  record_delimiter: '\r\n',
  quote_record_delimiter: true,
  quoted_match: [/^[\s\u3000]|[\s\u3000]$/],
} as const;

/** Byte order mark the CSVs start with, so Excel reads them as UTF-8 and shows Chinese. */
export const CSV_BOM = '\uFEFF';
