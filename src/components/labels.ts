/** Chinese labels for the model's English codes; one place so pages and filters agree. */
export const ITEM_KIND: Record<string, string> = {
  goal: '主要目标',
  measure: '策略措施',
  recommendation: '审议建议',
  report: '落实情况',
  speech: '讲话要点',
};

export const DOC_KIND: Record<string, string> = {
  plan: '发展规划',
  tasklist: '重点任务清单',
  opinion: '审议意见',
  report: '落实情况报告',
  speech: '讲话',
};

export const LEVEL: Record<string, string> = {
  province: '省级',
  city: '地市级',
  county: '县级',
  district: '区级',
  unknown: '未知',
};

/** Filter value for documents' full-text pages in the 类型 filter, next to item kinds. */
export const FULLTEXT_KIND = '文档全文';
export const NO_DOMAIN = '未归类';

export const ITEM_KIND_ORDER = ['goal', 'measure', 'recommendation', 'report', 'speech'];

/** Short display title: the title sentence, else the start of the text. */
export function itemTitle(d: { title: string; text: string }): string {
  if (d.title.trim()) return d.title.trim();
  const t = d.text.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

export const itemUrl = (id: string) => `/items/${id}/`;
export const documentUrl = (id: string) => `/documents/${id}/`;
export const cityUrl = (slug: string) => `/cities/${slug}/`;
export const domainUrl = (slug: string) => `/domains/${slug}/`;
export const topicUrl = (id: string) => `/topics/${id}/`;

export const byString = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN');
