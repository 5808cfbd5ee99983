/**
 * The knowledge base's vocabulary: every code the data uses, once, with its Chinese label.
 *
 * The ingest's types (scripts/lib/types.ts), the collection schemas (src/lib/schemas.ts),
 * the sidecar validator and the pages all derive from these arrays, so adding a kind or a
 * level is one edit here; the `Record<Code, string>` label maps then fail `tsc` until the
 * new code has its label.
 */

export const POPULATIONS = ['妇女', '儿童'] as const;
export type Population = (typeof POPULATIONS)[number];

/** What a source document is, as the site presents it. */
export const DOCUMENT_KINDS = ['plan', 'tasklist', 'opinion', 'report', 'speech'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Document kinds whose items get their domain from the document's own structure (its domain
 * sections or table cells); the other kinds' items have it inferred from the whole corpus.
 */
export const STRUCTURED_DOCUMENT_KINDS: ReadonlySet<DocumentKind> = new Set(['plan', 'tasklist']);

/** Item kinds in outline order: goals before measures, then the documents around plans. */
export const ITEM_KINDS = ['goal', 'measure', 'recommendation', 'report', 'speech'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Item kinds a plan or task list numbers within each of its domains (goals and measures). */
export const STRUCTURED_ITEM_KINDS: ReadonlySet<ItemKind> = new Set(['goal', 'measure']);

export const LEVELS = ['province', 'city', 'county', 'district', 'unknown', 'national'] as const;
export type Level = (typeof LEVELS)[number];

/** How an item got its domain: from the document's own structure, or inferred from its text. */
export const DOMAIN_SOURCES = ['structure', 'classified'] as const;
export type DomainSource = (typeof DOMAIN_SOURCES)[number];

export const DOCUMENT_KIND_LABEL: Record<DocumentKind, string> = {
  plan: '发展规划',
  tasklist: '重点任务清单',
  opinion: '审议意见',
  report: '落实情况报告',
  speech: '讲话',
};

export const ITEM_KIND_LABEL: Record<ItemKind, string> = {
  goal: '主要目标',
  measure: '策略措施',
  recommendation: '审议建议',
  report: '落实情况',
  speech: '讲话要点',
};

export const LEVEL_LABEL: Record<Level, string> = {
  province: '省级',
  city: '地市级',
  county: '县级',
  district: '区级',
  unknown: '未知',
  national: '国家级',
};

/** The 15 canonical domains of the two national outlines, in their national order. */
export const DOMAINS = [
  { name: '妇女与健康', population: '妇女', slug: 'women-health', order: 1 },
  { name: '妇女与教育', population: '妇女', slug: 'women-education', order: 2 },
  { name: '妇女与经济', population: '妇女', slug: 'women-economy', order: 3 },
  { name: '妇女参与决策和管理', population: '妇女', slug: 'women-decision-making', order: 4 },
  { name: '妇女与社会保障', population: '妇女', slug: 'women-social-security', order: 5 },
  { name: '妇女与家庭建设', population: '妇女', slug: 'women-family', order: 6 },
  { name: '妇女与环境', population: '妇女', slug: 'women-environment', order: 7 },
  { name: '妇女与法律', population: '妇女', slug: 'women-law', order: 8 },
  { name: '儿童与健康', population: '儿童', slug: 'children-health', order: 1 },
  { name: '儿童与安全', population: '儿童', slug: 'children-safety', order: 2 },
  { name: '儿童与教育', population: '儿童', slug: 'children-education', order: 3 },
  { name: '儿童与福利', population: '儿童', slug: 'children-welfare', order: 4 },
  { name: '儿童与家庭', population: '儿童', slug: 'children-family', order: 5 },
  { name: '儿童与环境', population: '儿童', slug: 'children-environment', order: 6 },
  { name: '儿童与法律保护', population: '儿童', slug: 'children-law', order: 7 },
] as const satisfies readonly { name: string; population: Population; slug: string; order: number }[];

export type Domain = (typeof DOMAINS)[number];
export type DomainName = Domain['name'];
export type DomainSlug = Domain['slug'];
export const DOMAIN_NAMES = DOMAINS.map((d) => d.name) as [DomainName, ...DomainName[]];
export const DOMAIN_SLUGS = DOMAINS.map((d) => d.slug) as [DomainSlug, ...DomainSlug[]];

/** Filter value for document pages in the 类型 filter, next to item kinds (found by title). */
export const DOCUMENT_PAGE_KIND = '文档';
/** Shown where an item has no domain. */
export const NO_DOMAIN = '未归类';
/** Name and slug shown for documents whose place the text does not state. */
export const UNKNOWN_CITY = { name: '未知地区', slug: 'unknown' } as const;

/** `code 标签 / code 标签 …`, as the data page documents a coded field. */
export const describeCodes = <C extends string>(labels: Record<C, string>): string =>
  Object.entries<string>(labels)
    .map(([code, label]) => `${code} ${label}`)
    .join(' / ');

/** The place of national documents (国务院, the national outlines): shown and linked like a city. */
export const NATIONAL_PLACE = '全国';

/**
 * Why a line of a source is not the document's text: a PDF's page furniture, conversion
 * residue, and a web page's chrome around its article (scripts/lib/read/formats/html.ts). Shown on
 * the document page as what was dropped.
 */
export const REMOVED_REASONS = ['page-number', 'running-header', 'residue', 'navigation', 'breadcrumb', 'metadata-table', 'page-tools', 'related-links', 'footer', 'page-code', 'page-chrome'] as const;
export type RemovedReason = (typeof REMOVED_REASONS)[number];
export const REMOVED_REASON_LABEL: Record<RemovedReason, string> = {
  'page-number': '页码',
  'running-header': '页眉页脚',
  residue: '转换残留',
  navigation: '网站导航',
  breadcrumb: '“当前位置”导航',
  'metadata-table': '索引号、发文机关等信息栏',
  'page-tools': '分享、打印、字号等按钮',
  'related-links': '相关文章列表',
  footer: '网站页脚',
  'page-code': '网页脚本和样式',
  'page-chrome': '正文以外的网页文字',
};
