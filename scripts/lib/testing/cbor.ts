/** CBOR as Pagefind writes its meta (unsigned integers, text strings, arrays): an independent writer for test fixtures. */
export function cbor(x: unknown): Buffer {
  const head = (major: number, n: number) => (n < 24 ? Buffer.from([(major << 5) | n]) : n < 256 ? Buffer.from([(major << 5) | 24, n]) : Buffer.from([(major << 5) | 25, n >> 8, n & 255]));
  if (typeof x === 'number') return head(0, x);
  if (typeof x === 'string') return Buffer.concat([head(3, Buffer.byteLength(x)), Buffer.from(x)]);
  const items = x as unknown[];
  return Buffer.concat([head(4, items.length), ...items.map(cbor)]);
}
