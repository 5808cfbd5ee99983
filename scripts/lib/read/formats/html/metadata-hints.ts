/** What the page's metadata table states (title, issuer, date, 文号), for the metadata stage, and its dates as ISO dates. */
import type { MetadataHints } from '../../../types.ts';
import { metadataFacts } from './chrome.ts';
import type { Line } from './model.ts';

const DATE_VALUE = /([0-9]{4})\s*[-年/.]\s*([0-9]{1,2})\s*[-月/.]\s*([0-9]{1,2})/;
const DOC_NUMBER_VALUE = /([\u4e00-\u9fa5]{1,10})\s*[〔［\[【(（]\s*([0-9]{4})\s*[〕］\]】)）]\s*([0-9]{1,4})\s*号/;

export function isoDate(value: string | undefined): string | undefined {
  const m = value ? DATE_VALUE.exec(value) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** What the page's metadata table states, for the metadata stage. */
export function metadataHints(lines: Line[]): MetadataHints {
  const facts = metadataFacts(lines.filter((l) => l.reason === 'metadata-table').map((l) => l.text.replace(/^\t/, '')).join('\n'));
  const get = (...labels: string[]) => labels.map((l) => facts.get(l)).find((v) => v && !/^(无|暂无|-+|—+|\/)$/.test(v));
  const hints: MetadataHints = {};
  const issuer = get('发文机关', '发布机构', '发文单位', '制发机关');
  if (issuer && /^[\u4e00-\u9fa5（）()、 ]{2,40}$/.test(issuer)) hints.issuer = issuer.replace(/\s+/g, '');
  const number = DOC_NUMBER_VALUE.exec(get('文号', '发文字号') ?? '');
  if (number) hints.docNumber = `${number[1]}〔${number[2]}〕${number[3]}号`;
  const date = isoDate(get('成文日期', '发文日期', '印发日期'));
  if (date) hints.date = date;
  const published = isoDate(get('发布日期', '发布时间', '公开日期'));
  if (published) hints.publishedDate = published;
  const title = get('标题', '名称', '文件名称');
  if (title && title.length <= 150) hints.title = title;
  return hints;
}
