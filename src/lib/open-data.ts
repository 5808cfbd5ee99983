/**
 * The open-data exports (dist/data/*.json and their CSV twins): each file's fields in column
 * order, with what they mean. The emitter writes rows in this order, and both the 数据下载
 * page (src/pages/data.astro) and docs/data.md (`npm run docs:data`) document them from here,
 * so the two cannot drift.
 */
import { COMPARATORS, COMPARATOR_LABEL } from './targets.ts';
import { DOCUMENT_KIND_LABEL, ITEM_KIND_LABEL, LEVELS, POPULATIONS, describeCodes } from './vocabulary.ts';

export interface FieldDoc {
  name: string;
  type: string;
  description: string;
}

/** Schema of each export, in column order. Shown on /data/ and used for the CSV header. */
export const DATA_SCHEMA: Record<'documents' | 'items' | 'links' | 'topics' | 'departments' | 'indicators', FieldDoc[]> = {
  documents: [
    { name: 'id', type: 'string', description: '文档编号（由源文件名生成，重建不变）' },
    { name: 'title', type: 'string', description: '文档标题' },
    { name: 'city', type: 'string | null', description: '城市或区县（如 阜新市、上海市静安区）；文中无法确定时为空' },
    { name: 'province', type: 'string | null', description: '省级行政区' },
    { name: 'level', type: 'string', description: `行政级别：${LEVELS.join(' / ')}` },
    { name: 'kind', type: 'string', description: `文档类型：${describeCodes(DOCUMENT_KIND_LABEL)}` },
    { name: 'date', type: 'string | null', description: '成文日期，YYYY-MM-DD' },
    { name: 'docNumber', type: 'string | null', description: '发文字号，如 阜政发〔2022〕11号' },
    { name: 'source', type: 'string', description: '源文件名（seeds/ 下）' },
    { name: 'sha256', type: 'string', description: '源文件 SHA-256' },
    { name: 'url', type: 'string', description: '本站阅读页地址（构建时设置 KB_SITE_URL 则为完整网址，否则为路径）' },
    { name: 'itemCount', type: 'number', description: '识别出的条目数' },
  ],
  items: [
    { name: 'id', type: 'string', description: '条目编号（重建不变）' },
    { name: 'docId', type: 'string', description: '所属文档编号' },
    { name: 'city', type: 'string | null', description: '所属城市或区县' },
    { name: 'population', type: 'string | null', description: `对象：${POPULATIONS.join(' / ')}` },
    { name: 'domain', type: 'string | null', description: '发展领域（15 个规范名称之一），无法归类时为空' },
    { name: 'kind', type: 'string', description: `条目类型：${describeCodes(ITEM_KIND_LABEL)}` },
    { name: 'number', type: 'string', description: '原文编号，如 4、一是、（二）' },
    { name: 'title', type: 'string', description: '标题句' },
    { name: 'text', type: 'string', description: '条目全文' },
    { name: 'leadDepartments', type: 'string[]', description: '牵头部门（CSV 中以“；”分隔）' },
    { name: 'partnerDepartments', type: 'string[]', description: '配合部门（CSV 中以“；”分隔）' },
    { name: 'repeats', type: 'string | null', description: '原文重复刊载时（一字不差或基本相同），同一文档中首次出现条目的编号；否则为空' },
    { name: 'otherDomains', type: 'string[]', description: '审议意见、落实情况报告和讲话的条目同时涉及的其他领域（主领域见 domain；CSV 中以“；”分隔）' },
    { name: 'addresses', type: 'string[]', description: '审议意见、落实情况报告和讲话的条目所涉及的规划措施的条目编号，最相关的在前，即条目页“涉及的规划措施”（CSV 中以“；”分隔）' },
    { name: 'url', type: 'string', description: '本站条目页地址（构建时设置 KB_SITE_URL 则为完整网址，否则为路径）' },
  ],
  links: [
    { name: 'source', type: 'string', description: '条目编号。每条条目列出它最相似的至多 8 条（无论由哪一方选出），即条目页显示的相似条目；一对条目都在对方的前 8 条之内时，两个方向各一行（A → B 与 B → A）。按 source 即可取到一条的全部相似条目' },
    { name: 'target', type: 'string', description: '另一城市的相似条目编号' },
    { name: 'score', type: 'number', description: '相似度，0–1，越大越相近；同一对的两行分数相同' },
    { name: 'sharedTerms', type: 'string[]', description: '两条共有的关键词，贡献大的在前；同一对的两行相同（CSV 中以“；”分隔）' },
  ],
  topics: [
    { name: 'id', type: 'string', description: '主题编号' },
    { name: 'title', type: 'string', description: '主题标题：取自最有代表性的条目，删去并非每个成员都写明的数字目标（各地的目标值见各自条目）' },
    { name: 'domain', type: 'string | null', description: '发展领域' },
    { name: 'items', type: 'string[]', description: '属于该主题的条目编号（CSV 中以“；”分隔）' },
  ],
  departments: [
    { name: 'key', type: 'string', description: '部门编号（英文，重建不变，也是部门页地址）。同一机构不分城市、层级、全称简称归为一个：市卫健局、卫健局、市卫生健康局、吉林省卫生健康委员会都是 health' },
    { name: 'name', type: 'string', description: '原文中最常见的写法' },
    { name: 'label', type: 'string', description: '去掉地名、层级后的通称，如 卫生健康委（局）' },
    { name: 'collective', type: 'boolean', description: '是否为统称（如 各县（市）区政府、各有关部门），而非单个机构' },
    { name: 'names', type: 'string[]', description: '原文中的全部写法，常见的在前（CSV 中以“；”分隔）' },
    { name: 'leadCount', type: 'number', description: '牵头的条目数' },
    { name: 'partnerCount', type: 'number', description: '配合的条目数' },
    { name: 'leadItems', type: 'string[]', description: '牵头的条目编号（CSV 中以“；”分隔）' },
    { name: 'partnerItems', type: 'string[]', description: '配合的条目编号（CSV 中以“；”分隔）' },
    { name: 'cities', type: 'string[]', description: '列出该部门的城市或区县（CSV 中以“；”分隔）' },
    { name: 'url', type: 'string', description: '本站部门页地址（构建时设置 KB_SITE_URL 则为完整网址，否则为路径）' },
  ],
  indicators: [
    { name: 'itemId', type: 'string', description: '写明该指标的条目编号' },
    { name: 'docId', type: 'string', description: '所属文档编号' },
    { name: 'city', type: 'string | null', description: '所属城市或区县' },
    { name: 'indicator', type: 'string', description: '指标名称（规范化后，各地同一指标同名，如 孕产妇死亡率）' },
    { name: 'comparator', type: 'string', description: `目标的含义：${COMPARATORS.map((c) => `${c}（${COMPARATOR_LABEL[c]}）`).join(' / ')}` },
    { name: 'value', type: 'number', description: '目标值（范围的下限）' },
    { name: 'valueMax', type: 'number | null', description: '范围的上限（如“降低0.5—1个百分点”的 1），否则为空' },
    { name: 'unit', type: 'string', description: '单位，如 %、‰、/10万、个、名、小时、个百分点' },
    { name: 'year', type: 'number | null', description: '目标年份（如“到2025年”）；原文未写明时为空（一般指规划期末）' },
    { name: 'text', type: 'string', description: '读出该目标的原文短语（条目全文中的一段，一字不改）' },
    { name: 'item', type: 'string | null', description: '写明该指标的条目：领域、类型和编号，如“儿童与健康 主要目标 3”' },
    { name: 'itemTitle', type: 'string | null', description: '该条目的标题句' },
    { name: 'url', type: 'string', description: '该条目的页面地址（构建时设置 KB_SITE_URL 则为完整网址）' },
  ],
};

export type DataName = keyof typeof DATA_SCHEMA;

/** How every file is written: shown above the files on /data/ and in docs/data.md. */
export const DATA_FORMAT =
  '全部数据随每次构建重新生成，开放下载。JSON 为 UTF-8；CSV 为带 BOM 的 UTF-8（Excel 可直接打开中文），按 RFC 4180 书写：每条记录以 CRLF 结尾，含换行、逗号、引号或首尾空格的字段加引号；数组字段以全角分号“；”连接，空值为空单元格。字段名为英文，取值与原文一致。';

/** Each export's heading, and what a reader of the file should know before counting its rows. */
export const DATA_FILES: Record<DataName, { title: string; note?: string }> = {
  documents: { title: '文档' },
  items: { title: '条目' },
  links: {
    title: '跨城市相似条目',
    note: '每条条目最多列出 8 条最相似的条目（按相似度从高到低，无论由哪一方选出），与条目页显示的相同：按 source 筛选即得一条的全部相似条目。一对条目都在对方的前 8 条之内时出现两次，两个方向各一行（A → B 与 B → A），分数和共有关键词相同；否则只出现一次。',
  },
  topics: { title: '主题（同一措施在各城市）' },
  departments: {
    title: '部门（牵头与配合）',
    note: '只收录文档在“牵头部门”“配合部门”栏中写明的部门（目前只有重点任务清单写明），正文中提到的部门不算。同一机构不分城市与层级归为一个编号；各城市的条目见 leadItems / partnerItems 与 items 文件的 city 字段。',
  },
  indicators: {
    title: '量化指标（各地目标值）',
    note: '每行一条目标：一句话写了几个指标或几个年份（如“到2025年分别控制在3.0‰、4.5‰和5.5‰以下”）时拆成几行，text 相同。同一指标的不同写法已归为同一 indicator；各地对照见指标对比页（/indicators/）。',
  },
};

/**
 * The other files in dist/data. Descriptions may link as Markdown does (`[关于](/about/)`):
 * docs/data.md keeps them as they are, the page renders them with `linkParts`.
 */
export const OTHER_DATA_FILES: { path: string; description: string }[] = [
  {
    path: '/data/ingest-report.json',
    description: '收录情况报告。每份文档识别出的类型、层级、城市、领域与条目数、部门，以及提醒编辑处理的问题（摘要见[关于](/about/)页，各类问题的含义和处理办法见[编辑指南](/guide/)）。',
  },
  {
    path: '/data/compare/<文档编号>.json',
    description: '每份规划和任务清单一份，供[城市对比](/compare/)页在浏览器中读取：条目、分词、跨城市相似条目和各条设定的量化指标。',
  },
];

/** A description split into text and `[text](href)` links, for a page to render. */
export function linkParts(text: string): ({ text: string } | { text: string; href: string })[] {
  const parts: ({ text: string } | { text: string; href: string })[] = [];
  let at = 0;
  for (const m of text.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index) });
    parts.push({ text: m[1]!, href: m[2]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
