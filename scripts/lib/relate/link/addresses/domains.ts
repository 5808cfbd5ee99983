/** The domains of an item around the plans: from the measures it addresses and its passages' votes, then set on the item. */
import { DOMAINS } from '../../../understand/domains.ts';
import type { DomainName, Item } from '../../../types.ts';
import type { AddressOptions } from '../options.ts';
import { isSummaryItem } from './summaries.ts';

/**
 * The item's domains, main first: those of the measures it addresses best (their scores
 * summed per domain), which weigh every passage and the whole item together; then the
 * passages' votes for domains none of those measures is in.
 */
export function finalDomains(voted: readonly DomainName[], top: readonly { target: Item; score: number }[], opt: AddressOptions): DomainName[] {
  const sums = new Map<DomainName, number>();
  for (const t of top) sums.set(t.target.domain!, (sums.get(t.target.domain!) ?? 0) + t.score);
  const ranked = [...sums].sort((a, b) => b[1] - a[1] || voted.indexOf(a[0]) - voted.indexOf(b[0]));
  const fromMeasures = ranked.filter(([, sum], r) => r === 0 || sum >= opt.secondaryShare * ranked[0][1]).map(([d]) => d);
  return [...new Set([...fromMeasures, ...voted])].slice(0, opt.maxDomains);
}

/**
 * An item with the domains addressPlans found for it (or for the passage it repeats): the
 * first is its domain, the rest its other domains; none where the text is about the work
 * itself. An item whose document gave its domain keeps it, with the others found. Items
 * addressPlans did not read are returned unchanged.
 */
export function withAroundDomains(item: Item, domains: ReadonlyMap<string, DomainName[]>): Item {
  const found = domains.get(item.id) ?? (item.repeats ? domains.get(item.repeats) : undefined);
  if (found === undefined || !isSummaryItem(item)) return item;
  const { otherDomains: _, ...rest } = item;
  // A report that reports under a heading naming the field (`（一）妇女与健康`) gave its domain.
  if (item.domainSource === 'structure' && item.domain) {
    const others = found.filter((d) => d !== item.domain);
    return others.length > 0 ? { ...rest, otherDomains: others } : rest;
  }
  if (found.length === 0) return { ...rest, domain: null, domainSource: null };
  const main = DOMAINS.find((d) => d.name === found[0])!;
  return {
    ...rest,
    domain: main.name,
    domainSource: 'classified',
    population: main.population,
    ...(found.length > 1 ? { otherDomains: found.slice(1) } : {}),
  };
}
