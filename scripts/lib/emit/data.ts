/**
 * Open-data exports (dist/data/*.json and CSV twins). Keys in English, values as in the
 * documents. The field lists here are the schema the 数据下载 page documents.
 */
import { stringify } from 'csv-stringify/sync';
import type { KnowledgeBase } from '../types.ts';

export interface FieldDoc {
  name: string;
  type: string;
  description: string;
}

/** Schema of each export, in column order. Shown on /data/ and used for the CSV header. */
export const DATA_SCHEMA: Record<'documents' | 'items' | 'links' | 'topics', FieldDoc[]> = {
  documents: [
    { name: 'id', type: 'string', description: '文档编号（由源文件名生成，重建不变）' },
    { name: 'title', type: 'string', description: '文档标题' },
    { name: 'city', type: 'string | null', description: '城市或区县（如 阜新市、上海市静安区）；文中无法确定时为空' },
    { name: 'province', type: 'string | null', description: '省级行政区' },
    { name: 'level', type: 'string', description: '行政级别：province / city / county / district / unknown' },
    { name: 'kind', type: 'string', description: '文档类型：plan 规划 / tasklist 重点任务清单 / opinion 审议意见 / report 落实情况报告 / speech 讲话' },
    { name: 'date', type: 'string | null', description: '成文日期，YYYY-MM-DD' },
    { name: 'docNumber', type: 'string | null', description: '发文字号，如 阜政发〔2022〕11号' },
    { name: 'source', type: 'string', description: '源文件名（seeds/ 下）' },
    { name: 'sha256', type: 'string', description: '源文件 SHA-256' },
    { name: 'url', type: 'string', description: '本站阅读页路径' },
    { name: 'itemCount', type: 'number', description: '识别出的条目数' },
  ],
  items: [
    { name: 'id', type: 'string', description: '条目编号（重建不变）' },
    { name: 'docId', type: 'string', description: '所属文档编号' },
    { name: 'city', type: 'string | null', description: '所属城市或区县' },
    { name: 'population', type: 'string | null', description: '对象：妇女 / 儿童' },
    { name: 'domain', type: 'string | null', description: '发展领域（15 个规范名称之一），无法归类时为空' },
    { name: 'kind', type: 'string', description: '条目类型：goal 主要目标 / measure 策略措施 / recommendation 审议建议 / report 落实情况 / speech 讲话要点' },
    { name: 'number', type: 'string', description: '原文编号，如 4、一是、（二）' },
    { name: 'title', type: 'string', description: '标题句' },
    { name: 'text', type: 'string', description: '条目全文' },
    { name: 'leadDepartments', type: 'string[]', description: '牵头部门（CSV 中以“；”分隔）' },
    { name: 'partnerDepartments', type: 'string[]', description: '配合部门（CSV 中以“；”分隔）' },
    { name: 'repeats', type: 'string | null', description: '原文重复刊载时，同一文档中内容相同的首次出现条目的编号；否则为空' },
    { name: 'url', type: 'string', description: '本站条目页路径' },
  ],
  links: [
    { name: 'source', type: 'string', description: '条目编号' },
    { name: 'target', type: 'string', description: '另一城市的相似条目编号' },
    { name: 'score', type: 'number', description: '相似度，0–1' },
    { name: 'sharedTerms', type: 'string[]', description: '两条共有的关键词（CSV 中以“；”分隔）' },
  ],
  topics: [
    { name: 'id', type: 'string', description: '主题编号' },
    { name: 'title', type: 'string', description: '主题标题（取自代表条目）' },
    { name: 'domain', type: 'string | null', description: '发展领域' },
    { name: 'items', type: 'string[]', description: '属于该主题的条目编号（CSV 中以“；”分隔）' },
  ],
};

export type DataName = keyof typeof DATA_SCHEMA;

export const documentUrl = (id: string) => `/documents/${id}/`;
export const itemUrl = (id: string) => `/items/${id}/`;

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Rows of each export, keys in schema order, entries sorted, so output is deterministic. */
export function dataRows(kb: KnowledgeBase): Record<DataName, Record<string, unknown>[]> {
  const docs = [...kb.documents].sort(byId);
  const documents = docs.map((d) => ({
    id: d.id,
    title: d.title,
    city: d.city,
    province: d.province,
    level: d.level,
    kind: d.kind,
    date: d.date,
    docNumber: d.docNumber,
    source: d.source,
    sha256: d.sha256,
    url: documentUrl(d.id),
    itemCount: d.items.length,
  }));
  // Items stay in document order (reading order), documents sorted by id.
  const items = docs.flatMap((d) =>
    d.items.map((i) => ({
      id: i.id,
      docId: d.id,
      city: d.city,
      population: i.population,
      domain: i.domain,
      kind: i.kind,
      number: i.number,
      title: i.title,
      text: i.text,
      leadDepartments: i.leadDepartments,
      partnerDepartments: i.partnerDepartments,
      repeats: i.repeats ?? null,
      url: itemUrl(i.id),
    })),
  );
  const links = [...kb.links]
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : b.score - a.score || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0)))
    .map((l) => ({ source: l.source, target: l.target, score: l.score, sharedTerms: l.sharedTerms }));
  const topics = [...kb.topics].sort(byId).map((t) => ({ id: t.id, title: t.title, domain: t.domain, items: t.items }));
  return { documents, items, links, topics };
}

/** CSV with a UTF-8 BOM (so Excel shows Chinese); arrays joined with `；`, null as empty. */
export function toCsv(name: DataName, rows: Record<string, unknown>[]): string {
  const columns = DATA_SCHEMA[name].map((f) => f.name);
  const records = rows.map((r) =>
    columns.map((c) => {
      const v = r[c];
      if (v === null || v === undefined) return '';
      if (Array.isArray(v)) return v.join('；');
      return String(v);
    }),
  );
  return '\uFEFF' + stringify(records, { header: true, columns, record_delimiter: '\r\n' });
}

/** All data files, relative path → content. */
export function dataFiles(kb: KnowledgeBase): Map<string, string> {
  const rows = dataRows(kb);
  const files = new Map<string, string>();
  for (const name of Object.keys(DATA_SCHEMA) as DataName[]) {
    files.set(`${name}.json`, JSON.stringify(rows[name], null, 1) + '\n');
    files.set(`${name}.csv`, toCsv(name, rows[name]));
  }
  return files;
}
