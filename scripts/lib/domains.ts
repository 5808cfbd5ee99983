import { DOMAINS, type Domain, type DomainName } from '../../src/lib/vocabulary.ts';

// The canonical list lives in the vocabulary; this module recognises local spellings of it.
export { DOMAINS, type Domain };

const BY_NAME = new Map<string, Domain>(DOMAINS.map((d) => [d.name, d]));

/** Local spellings seen in documents, mapped to the canonical name. */
const VARIANTS: Record<string, DomainName> = {
  儿童与法律: '儿童与法律保护',
  妇女与家庭: '妇女与家庭建设',
  妇女参与决策管理: '妇女参与决策和管理',
  妇女与决策和管理: '妇女参与决策和管理',
  妇女与社会保障权益: '妇女与社会保障',
};

/**
 * Recognise a domain name in a heading or table cell, however it is spaced or numbered:
 * `（4）   儿童与福利`, `妇女与\n社会保障`, `（八）儿童与法律`, `第四节 儿童与福利`, `儿童与福利领域`. Returns the canonical
 * domain or undefined when the text is not (only) a domain name.
 */
export function canonicalDomain(raw: string): Domain | undefined {
  const name = raw
    .replace(/\s+/g, '')
    // Numbering before the name: `（四）`, `4.`, `四、`, `⑷`, `第四节`.
    .replace(/^(?:第[0-9一二三四五六七八九十]{1,3}(?:部分|章|节|篇)|[（(]?[0-9一二三四五六七八九十]+[）)、.．]?|[⑴-⒇①-⑳])/, '')
    .replace(/[。:：]$/, '')
    .replace(/领域$/, '');
  const canonical = BY_NAME.get(name) ?? BY_NAME.get(VARIANTS[name] ?? '');
  return canonical;
}

export function domainByName(name: string): Domain | undefined {
  return BY_NAME.get(name);
}

export function domainBySlug(slug: string): Domain | undefined {
  return DOMAINS.find((d) => d.slug === slug);
}
