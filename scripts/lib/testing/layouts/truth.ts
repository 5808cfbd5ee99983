/**
 * Ground truth for the layout benchmark: the structure the real ingest recognises in the seeds
 * (the seeds' output is checked item by item elsewhere), regrouped so that a generator can
 * render any subset of it in another layout and know exactly what must come back.
 *
 * - plans: seed 001 (阜新), 妇女 and 儿童, per domain its numbered 主要目标 and 策略措施;
 * - task lists: seed 003 (大安), per domain goals and measures with lead and partner departments;
 * - report: seed 002 (静安), its sections with their lead paragraphs, items and closing text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ingestDocument } from '../../pipeline.ts';
import { SEED, SEEDS_DIR } from '../seeds.ts';
import type { DomainName, Item, ItemKind, KbDocument, Population } from '../../types.ts';

/** One item as it must be recovered: what the scorer compares. */
export interface TruthItem {
  kind: ItemKind;
  population: Population | null;
  /** The canonical domain, or null where the structure gives none (report items). */
  domain: DomainName | null;
  /** The item's number as a value: `4.` → 4, `（二）` → 2; a report item's ordinal in its section. */
  number: number;
  /** The item's text without its list marker, as the ingest gives it. */
  text: string;
  /** Report items: the ordinal of their section (`二、` → 2). */
  section?: number;
  /** Task-list measures: departments as the source names them. */
  lead?: string[];
  partner?: string[];
}

export interface DomainTruth {
  domain: DomainName;
  goals: TruthItem[];
  measures: TruthItem[];
}

/** One population's plan (or key-task list): its title and domains in the source's order. */
export interface OutlineTruth {
  population: Population;
  /** The plan's own title, e.g. `阜新市妇女发展规划（2021—2030年）`. */
  title: string;
  domains: DomainTruth[];
}

export interface ReportSectionTruth {
  heading: string;
  /** Paragraphs before the section's first item (not items). */
  lead: string[];
  items: TruthItem[];
  /** Paragraphs after its last item; in the last section, the closing (特此报告。, issuer, date). */
  after: string[];
}

export interface ReportTruth {
  /** Paragraphs before the first section: issuer's header, document number, title, addressee, opening. */
  preamble: string[];
  sections: ReportSectionTruth[];
}

export interface SeedTruth {
  plans: OutlineTruth[];
  taskLists: OutlineTruth[];
  report: ReportTruth;
}

let cached: SeedTruth | undefined;

/** The seeds' recognised structure; read once per process. */
export function seedTruth(): SeedTruth {
  cached ??= {
    plans: outlines(ingestSeed(SEED.fuxinPlans)),
    taskLists: outlines(ingestSeed(SEED.daanTaskLists)),
    report: reportTruth(ingestSeed(SEED.jinganReport)),
  };
  return cached;
}

function ingestSeed(name: string): KbDocument {
  return ingestDocument(name, readFileSync(path.join(SEEDS_DIR, name)));
}

/** `（2021—2030 年）` as PDF extraction spaced it → `（2021—2030年）`. */
const tidy = (text: string) => text.replace(/(\d)\s+(?=[年月日])/g, '$1').trim();

function outlines(doc: KbDocument): OutlineTruth[] {
  const byPopulation = new Map<Population, OutlineTruth>();
  for (const item of doc.items) {
    if (!item.population || !item.domain || (item.kind !== 'goal' && item.kind !== 'measure')) continue;
    let outline = byPopulation.get(item.population);
    if (!outline) {
      const title = item.section.find((s) => s.includes(`${item.population}发展规划`)) ?? `${item.population}发展规划`;
      byPopulation.set(item.population, (outline = { population: item.population, title: tidy(title).replace(/重点任务清单$/, ''), domains: [] }));
    }
    let domain = outline.domains.find((d) => d.domain === item.domain);
    if (!domain) outline.domains.push((domain = { domain: item.domain, goals: [], measures: [] }));
    (item.kind === 'goal' ? domain.goals : domain.measures).push(truthItem(item, Number(item.number.normalize('NFKC').replace(/\D/g, ''))));
  }
  return [...byPopulation.values()];
}

function truthItem(item: Item, number: number, section?: number): TruthItem {
  return {
    kind: item.kind,
    population: item.population,
    domain: item.domain,
    number,
    // Task-list cells wrap inside a measure: the text is one paragraph, as a plan prints it.
    text: item.text.replace(/\n+/g, ''),
    ...(section !== undefined ? { section } : {}),
    ...(item.kind === 'measure' && (item.leadDepartments.length || item.partnerDepartments.length)
      ? { lead: item.leadDepartments, partner: item.partnerDepartments }
      : {}),
  };
}

function reportTruth(doc: KbDocument): ReportTruth {
  const itemAt = new Map<number, Item>();
  const inItem = new Set<number>();
  for (const item of doc.items) {
    itemAt.set(item.blockStart, item);
    for (let b = item.blockStart; b <= item.blockEnd; b++) inItem.add(b);
  }
  const headings = new Set(doc.items.map((i) => i.section[0]).filter((s): s is string => s !== undefined));
  const preamble: string[] = [];
  const sections: ReportSectionTruth[] = [];
  for (const block of doc.blocks) {
    const text = block.text.trim();
    if (!text) continue;
    const section = sections[sections.length - 1];
    const heading = [...headings].find((h) => h === text.replace(/^([一二三四五六七八九十]+、)\s*/, '$1'));
    if (heading) {
      sections.push({ heading, lead: [], items: [], after: [] });
      continue;
    }
    const item = itemAt.get(block.index);
    if (item && section) {
      section.items.push(truthItem(item, section.items.length + 1, sections.length));
      continue;
    }
    if (inItem.has(block.index)) continue;
    if (!section) preamble.push(text);
    else (section.items.length === 0 ? section.lead : section.after).push(text);
  }
  return { preamble, sections };
}
