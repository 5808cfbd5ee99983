import type { Population } from './types.ts';

export interface Domain {
  name: string;
  population: Population;
  /** URL slug, stable. */
  slug: string;
  /** Position in the national outline, 1-based within the population. */
  order: number;
}

/** The 15 canonical domains of the two national outlines, in their national order. */
export const DOMAINS: readonly Domain[] = [
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
];

const BY_NAME = new Map(DOMAINS.map((d) => [d.name, d]));

/** Local spellings seen in documents, mapped to the canonical name. */
const VARIANTS: Record<string, string> = {
  儿童与法律: '儿童与法律保护',
  妇女与家庭: '妇女与家庭建设',
  妇女参与决策管理: '妇女参与决策和管理',
  妇女与决策和管理: '妇女参与决策和管理',
  妇女与社会保障权益: '妇女与社会保障',
};

/**
 * Recognise a domain name in a heading or table cell, however it is spaced or numbered:
 * `（4）   儿童与福利`, `妇女与\n社会保障`, `（八）儿童与法律`. Returns the canonical
 * domain or undefined when the text is not (only) a domain name.
 */
export function canonicalDomain(raw: string): Domain | undefined {
  const name = raw
    .replace(/\s+/g, '')
    .replace(/^[（(]?[0-9一二三四五六七八九十]+[）)、.．]?/, '')
    .replace(/[。:：]$/, '');
  const canonical = BY_NAME.get(name) ?? BY_NAME.get(VARIANTS[name] ?? '');
  return canonical;
}

export function domainByName(name: string): Domain | undefined {
  return BY_NAME.get(name);
}

export function domainBySlug(slug: string): Domain | undefined {
  return DOMAINS.find((d) => d.slug === slug);
}
