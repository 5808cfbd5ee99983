import { z } from 'zod';
import { DOCUMENT_KINDS, LEVELS, POPULATIONS } from '../../src/lib/vocabulary.ts';
import type { DocumentMeta } from './types.ts';

/**
 * Editors complete or correct a document's metadata in a JSON sidecar next to its source
 * (`seeds/<source file name>.meta.json`): any DocumentMeta field, sidecar values win. Every
 * problem is reported with the file, the key, what was found and how to fix it, so a bad
 * sidecar stops the build with a message an editor can act on.
 */

const nullableText = z.union([z.string().trim().min(1), z.null()]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
});

const quote = (code: string) => `"${code}"`;
const oneOf = (codes: readonly string[]) => `one of ${codes.map(quote).join(', ')}`;

/** Each key, its schema, and how to say what it must be. */
const FIELDS = {
  title: { schema: z.string().trim().min(1), expected: 'a non-empty string' },
  issuer: { schema: nullableText, expected: 'a non-empty string or null' },
  city: { schema: nullableText, expected: 'a non-empty string (e.g. "鞍山市", "上海市静安区") or null' },
  province: { schema: nullableText, expected: 'a non-empty string (e.g. "辽宁省", "上海市") or null' },
  level: { schema: z.enum(LEVELS), expected: oneOf(LEVELS) },
  kind: { schema: z.enum(DOCUMENT_KINDS), expected: oneOf(DOCUMENT_KINDS) },
  date: { schema: z.union([isoDate, z.null()]), expected: 'YYYY-MM-DD (a real date) or null' },
  docNumber: { schema: nullableText, expected: 'a non-empty string (e.g. "阜政发〔2022〕11号") or null' },
  populations: {
    schema: z.array(z.enum(POPULATIONS)).refine((a) => new Set(a).size === a.length),
    expected: `a list of distinct ${POPULATIONS.map(quote).join(' / ')}, e.g. [${POPULATIONS.map(quote).join(', ')}]`,
  },
} as const;

type Field = keyof typeof FIELDS;
const KEYS = Object.keys(FIELDS) as Field[];

/** The sidecar that belongs to a source file: `000_x.txt` → `000_x.txt.meta.json`. */
export function sidecarName(sourceName: string): string {
  return `${sourceName}.meta.json`;
}

/**
 * Apply an editor's sidecar (its JSON text, or already-parsed JSON) to inferred metadata.
 * Returns new metadata whose `overridden` lists the keys the sidecar set. Throws one Error
 * naming `fileName` and every problem found.
 */
export function applySidecar(meta: DocumentMeta, sidecarJson: string | unknown, fileName: string): DocumentMeta {
  let data: unknown = sidecarJson;
  if (typeof sidecarJson === 'string') {
    try {
      data = JSON.parse(sidecarJson.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new Error(`${fileName}: is not valid JSON (${(error as Error).message}); fix the syntax, e.g. {"city": "鞍山市"}, or remove the file`);
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${fileName}: must be a JSON object of metadata fields, got ${Array.isArray(data) ? 'an array' : JSON.stringify(data)}; write e.g. {"city": "鞍山市"}`);
  }

  const problems: string[] = [];
  const values: Partial<DocumentMeta> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'overridden') {
      problems.push(`"overridden" is filled in by the build; remove the key`);
      continue;
    }
    if (!(KEYS as string[]).includes(key)) {
      problems.push(`unknown key "${key}"${suggest(key)}; the keys are ${KEYS.join(', ')}: rename or remove it`);
      continue;
    }
    const field = FIELDS[key as Field];
    const parsed = field.schema.safeParse(value);
    if (!parsed.success) {
      problems.push(`"${key}" must be ${field.expected}, got ${JSON.stringify(value)}; fix the value or remove the key`);
      continue;
    }
    (values as Record<string, unknown>)[key] = parsed.data;
  }
  if (problems.length > 0) throw new Error(problems.map((p) => `${fileName}: ${p}`).join('\n'));

  const overridden = KEYS.filter((k) => k in values);
  return { ...meta, ...values, overridden: [...new Set([...meta.overridden, ...overridden])] };
}

/** A key that differs from a real one only in case (`docnumber`): say which was meant. */
function suggest(key: string): string {
  const near = KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
  return near ? ` (did you mean "${near}"?)` : '';
}
