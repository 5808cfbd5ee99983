/**
 * Department names from a task list's 牵头部门 / 配合部门 cell, given the cell's lines.
 *
 * Names are separated by 、，, or spaces, and a narrow column also wraps them: `市妇联、`
 * newline `市卫健局` is two names, `市委` newline `组织部` and `市退役军人` newline `事务局`
 * are one. A line break separates two names only when the line before ends like a name
 * (`…局`, `…委`, `…联`) and the next begins like one (`市…`, `团市委`).
 */
export function splitDepartments(lines: string[]): string[] {
  let joined = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const breaksBetweenNames = !joined || SEPARATOR_END.test(joined) || (NAME_END.test(joined) && NAME_START.test(line));
    joined += breaksBetweenNames && joined ? `、${line}` : line;
  }
  return splitOutsideBrackets(joined)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/**
 * Split on separators, except inside brackets: `各县（市、区）政府` is one name (a collective
 * of county governments), `市教育局、各县（市、区）政府` two.
 */
function splitOutsideBrackets(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let name = '';
  for (const ch of text) {
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && SEPARATOR.test(ch)) {
      names.push(name);
      name = '';
    } else name += ch;
  }
  names.push(name);
  return names;
}

const OPEN = '（(［[【〔';
const CLOSE = '）)］]】〕';
const SEPARATOR = /[、，,；;\s]/;
const SEPARATOR_END = /[、，,；;\s]$/;
/** How Chinese government bodies' names end: 局 委 会 院 部 联 办 厅 协 … */
const NAME_END = /(?:局|委|会|院|部|联|办|厅|协|队|所|处|室|站|中心|团|府|庭|社|行|署|馆|台|单位|各县\S*区|各区县|街道\)?|乡镇)$/;
/**
 * How they begin at city level and below, plus the 团市委 / 共青团 family and the collective
 * actors (`各县（市）区政府`, `各有关部门`, `相关单位`).
 */
const NAME_START = /^(?:市|县|区|乡|镇|街道|省|团|共青团|中共|人民|国家|各|有关|相关)/;
