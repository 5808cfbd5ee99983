/**
 * One key per government body, whatever city or level prints it and however it abbreviates
 * it: `市卫健局`, `卫健局`, `市卫生健康局` and `吉林省卫生健康委员会` are all `health`. The key
 * leaves out the place (市/县/区/省 and place names); pages show the name as printed.
 *
 * How: the printed name is cleaned (NFKC, no spaces), then cut after each place prefix in
 * turn (`上海市静安区妇联` → `静安区妇联` → `妇联`); the first remainder that is a known form
 * (aliases.ts) gives the key. Trying the whole name first keeps names that merely contain a
 * level character (`住房和城乡建设局`, `市监局`) whole. A name no entry knows keeps its own key:
 * its remainder after the place prefixes, as a slug, so an unseen body still gets one page
 * per body rather than one per city.
 */
import { slugify } from '../../ids.ts';
import { COLLECTIVE_ALIASES, DEPARTMENT_ALIASES, type DepartmentAlias } from './aliases.ts';

export interface Department {
  /** Stable ASCII key: the department page's slug and the open-data key. */
  key: string;
  /** The body's name without its place (卫生健康委（局）); unknown bodies: the name after the prefix. */
  label: string;
  /** Many offices named as one (各县（市）区政府, 各有关部门), not a single body. */
  collective: boolean;
  /** Whether the alias table knows the body (false: keyed by its own name). */
  known: boolean;
}

const BY_FORM = new Map<string, DepartmentAlias>();
for (const a of DEPARTMENT_ALIASES) {
  for (const f of a.forms) {
    const other = BY_FORM.get(f);
    if (other) throw new Error(`scripts/lib/relate/departments/aliases.ts：写法“${f}”同时列在 ${other.key} 和 ${a.key} 之下。请只保留在其中一处。`);
    BY_FORM.set(f, a);
  }
}

/** Cleaned for matching: full-width forms folded (（ → (), spaces and edge punctuation dropped. */
export function cleanDepartmentName(printed: string): string {
  return printed
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[、，,；;。.:：]+|[、，,；;。.:：]+$/g, '');
}

/**
 * One place prefix at the start of a name: 中共; a bare level (市, 县, 区, 省), with the party
 * committee's 委 (市委宣传部); or a place name of two to seven characters and its level (吉林省,
 * 大安市, 静安区, 某某县, 某某镇). A bare 市 in 市场 or 市政公用/市政工程… (市场监管局, 市政管理局)
 * is part of the name, not a prefix (市政府, 市政法委 are: 政府, 政法委). 城乡 and 乡村 are not
 * townships.
 */
const PREFIX = new RegExp(
  [
    '^(?:中共|中国共产党)',
    '^(?:省|市(?!场|政(?:公用|工程|管理|设施|园林|建设))|县(?!域)|区(?!域)|旗)委?(?=.)',
    '^[\\u4e00-\\u9fff]{2,7}?(?:省|自治区|特别行政区|市(?!场|政(?:公用|工程|管理|设施|园林|建设))|自治州|州|地区|盟|自治县|县|新区|区|旗|镇|(?<!城)乡(?!村)|街道)委?(?=.)',
  ].join('|'),
);

/** The name cut after each successive place prefix, the whole name first. */
export function withoutPrefixes(clean: string): string[] {
  const out = [clean];
  for (let rest = clean, m = PREFIX.exec(rest); m && m[0].length < rest.length; m = PREFIX.exec(rest)) {
    rest = rest.slice(m[0].length);
    out.push(rest);
  }
  return out;
}

const matchesPatterns = (a: DepartmentAlias, name: string) => a.patterns?.some((p) => p.test(name)) ?? false;

/** The department a printed name stands for, or null when nothing is left of it. */
export function normaliseDepartment(printed: string): Department | null {
  const clean = cleanDepartmentName(printed);
  if (!/[\u4e00-\u9fffA-Za-z]/.test(clean)) return null;
  const collective = COLLECTIVE_ALIASES.find((a) => matchesPatterns(a, clean));
  if (collective) return { key: collective.key, label: collective.label, collective: true, known: true };
  const candidates = withoutPrefixes(clean);
  for (const name of candidates) {
    const alias = BY_FORM.get(name) ?? DEPARTMENT_ALIASES.find((a) => matchesPatterns(a, name));
    if (alias) return { key: alias.key, label: alias.label, collective: false, known: true };
  }
  const label = candidates.at(-1)!;
  return { key: slugify(label), label, collective: false, known: false };
}
