/** What a column holds, from the name its header cell prints (牵头单位, 策略措施, 序号 …). */
import type { Cell, ColumnRole, Role } from './model.ts';

/**
 * Column names as task lists print them, by what they hold. Checked in order on the name
 * without spaces and bracketed notes (`牵头单位（部门）`), so `任务完成时限` is a date column and
 * `目标任务` the goals. The vocabulary of real lists: 发展领域/领域; 主要目标/目标任务/目标;
 * 策略措施/重点任务/主要任务/工作任务/具体措施/任务措施; 牵头单位/牵头部门; 责任单位/责任部门;
 * 配合单位/配合部门/协同单位/参与单位; 序号/编号; 完成时限/时间进度 (kept as text).
 */
const COLUMN_PATTERNS: [RegExp, Role][] = [
  [/^(?:序号|编号|序|顺序号)$/, 'index'],
  [/^(?:发展|所属|重点)?领域(?:名称)?$/, 'domain'],
  [/时限|时间|进度|期限|节点|年度|备注|^工作要求$|^说明$/, 'other'],
  [/目标/, 'goals'],
  [/措施|任务|^(?:重点|主要|具体)?工作(?:内容)?$/, 'measures'],
  // People (牵头领导, 责任人) are not departments: such columns are text.
  [/^牵头(?!领导|人)/, 'lead'],
  [/^(?:配合|协同|协办|协助|协作|参与|参加)(?:单位|部门)/, 'partner'],
  [/^(?:责任|负责|主责)(?:单位|部门|主体)/, 'responsible'],
];
export const KNOWN_COLUMNS = '发展领域、主要目标、策略措施、重点任务、牵头部门、牵头单位、配合部门、责任单位、序号';

function columnRole(text: string): Role | undefined {
  const compact = text.replace(/\s+/g, '');
  const name = compact.replace(/[（(][^（）()]{0,10}[）)]/g, '').replace(/[:：]$/, '');
  if (name.length === 0 || name.length > 8) return undefined;
  const role = COLUMN_PATTERNS.find(([re]) => re.test(name))?.[1];
  // `责任单位（牵头）`, `责任单位（配合）`: the note in brackets says which.
  if (role === 'responsible' && /[（(]牵头/.test(compact)) return 'lead';
  if (role === 'responsible' && /[（(](?:配合|协办|协同|参与)/.test(compact)) return 'partner';
  return role;
}

/** A header cell's role: its whole text (`牵头` newline `单位`), else its first line. */
export function cellRole(cell: Cell): Role | undefined {
  if (cell.lines.length === 0) return undefined;
  return columnRole(cell.lines.map((l) => l.text).join('')) ?? columnRole(cell.lines[0]!.text);
}

/** 责任单位 is the lead where no column is headed 牵头, and the partners beside one. */
export function resolveRoles(columns: { role: Role; name: string }[]): { role: ColumnRole; name: string }[] {
  const hasLead = columns.some((c) => c.role === 'lead');
  return columns.map((c) => (c.role === 'responsible' ? { ...c, role: hasLead ? 'partner' : 'lead' } : { ...c, role: c.role }));
}
