import { z } from 'zod';
import { DOCUMENT_KINDS, LEVELS, POPULATIONS } from '../../../src/lib/vocabulary.ts';
import type { DocumentMeta } from '../types.ts';

/**
 * Editors complete or correct a document's metadata in a JSON sidecar next to its source
 * (`seeds/<source file name>.meta.json`): any DocumentMeta field, sidecar values win. Every
 * problem is reported in Chinese with the file, the key, what was found and how to fix it, so
 * a bad sidecar stops the build with a message an editor can act on.
 */

const nullableText = z.union([z.string().trim().min(1), z.null()]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
});

const quote = (code: string) => `"${code}"`;
const oneOf = (codes: readonly string[]) => `${codes.map(quote).join('、')} 之一`;

/** Each key, its schema, and how to say what it must be. */
const FIELDS = {
  title: { schema: z.string().trim().min(1), expected: '非空的文字' },
  issuer: { schema: nullableText, expected: '非空的文字或 null' },
  city: { schema: nullableText, expected: '非空的文字（如 "鞍山市"、"上海市静安区"）或 null' },
  province: { schema: nullableText, expected: '非空的文字（如 "辽宁省"、"上海市"）或 null' },
  level: { schema: z.enum(LEVELS), expected: oneOf(LEVELS) },
  kind: { schema: z.enum(DOCUMENT_KINDS), expected: oneOf(DOCUMENT_KINDS) },
  date: { schema: z.union([isoDate, z.null()]), expected: '“年-月-日”格式的真实日期（如 "2022-07-12"）或 null' },
  docNumber: { schema: nullableText, expected: '非空的文字（如 "阜政发〔2022〕11号"）或 null' },
  populations: {
    schema: z.array(z.enum(POPULATIONS)).refine((a) => new Set(a).size === a.length),
    expected: `由 ${POPULATIONS.map(quote).join('、')} 组成、不重复的列表，如 [${POPULATIONS.map(quote).join(', ')}]`,
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
      // The engine's own words are English; its position is what the editor needs.
      const at = /line (\d+) column (\d+)/.exec((error as Error).message);
      throw new Error(`${fileName}：不是有效的 JSON${at ? `（第 ${at[1]} 行第 ${at[2]} 列附近有错）` : ''}。请改正写法（如 {"city": "鞍山市"}），或删除该文件。`);
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${fileName}：应为由元数据字段组成的 JSON 对象，实际是${Array.isArray(data) ? '一个数组' : ` ${JSON.stringify(data)}`}。请写成如 {"city": "鞍山市"} 的形式。`);
  }

  const problems: string[] = [];
  const values: Partial<DocumentMeta> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'overridden') {
      problems.push(`"overridden" 由构建程序填写。请删除这个键。`);
      continue;
    }
    if (!(KEYS as string[]).includes(key)) {
      problems.push(`没有名为 "${key}" 的字段${suggest(key)}；可用的字段是 ${KEYS.join('、')}。请改名或删除。`);
      continue;
    }
    const field = FIELDS[key as Field];
    const parsed = field.schema.safeParse(value);
    if (!parsed.success) {
      problems.push(`"${key}" 应为${field.expected}，实际是 ${JSON.stringify(value)}。请改正这个值，或删除这个键。`);
      continue;
    }
    (values as Record<string, unknown>)[key] = parsed.data;
  }
  if (problems.length > 0) throw new Error(problems.map((p) => `${fileName}：${p}`).join('\n'));

  const overridden = KEYS.filter((k) => k in values);
  return { ...meta, ...values, overridden: [...new Set([...meta.overridden, ...overridden])] };
}

/** A key that differs from a real one only in case (`docnumber`): say which was meant. */
function suggest(key: string): string {
  const near = KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
  return near ? `（是否应为 "${near}"？）` : '';
}
