/**
 * The compare page in the browser: read the choice from the query, fetch the two documents'
 * compare data, pair and diff their items (src/lib/compare.ts, src/lib/diff.ts) and render
 * the result with the same marks as the topic pages, plus a CSV of it. Text goes into the
 * page as text nodes only, never as HTML.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { CSV_BOM, CSV_OPTIONS } from '../lib/csv';
import { compareDocuments, comparisonRows, ownNote, possibleNote, type CompareFile, type CompareItem, type CompareOwn, type Comparison, type PairEvidence } from '../lib/compare';
import { itemName, placedItemName } from '../lib/item-name';
import { DIFF_LABEL, displayParts, sharedShare, type DiffPart } from '../lib/diff';
import { compareDataUrl, compareUrl, itemUrl } from '../lib/urls';
import { DOMAINS, type DomainName } from '../lib/vocabulary';

interface Choice {
  a: string;
  b: string;
  domain: string;
}

const form = document.getElementById('compare-form') as HTMLFormElement | null;
const selectA = document.getElementById('compare-a') as HTMLSelectElement | null;
const selectB = document.getElementById('compare-b') as HTMLSelectElement | null;
const selectDomain = document.getElementById('compare-domain') as HTMLSelectElement | null;
const status = document.getElementById('compare-status');
const results = document.getElementById('compare-results');
const baseTitle = document.title;

/** `el('p', { class: 'x' }, 'text', child)`: an element with attributes and children (text as text nodes). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | null | false)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== false) node.append(c);
  return node;
}

/** The same markup as src/components/DiffText.astro. */
function diffText(parts: readonly DiffPart[]): HTMLElement {
  const p = el('p', { class: 'textblock diff' });
  for (const part of displayParts(parts)) {
    if (part.op === 'equal') {
      p.append(part.text);
      continue;
    }
    const label = part.op === 'insert' ? DIFF_LABEL.insert : DIFF_LABEL.delete;
    p.append(el(part.op === 'insert' ? 'ins' : 'del', {}, el('span', { class: 'sr-only' }, `${label}：`), part.text, el('span', { class: 'sr-only' }, `（${label}完）`)));
  }
  return p;
}

/** An item's link, named by domain, kind and number (src/lib/item-name.ts) and its title. */
const itemLink = (i: CompareItem) => el('a', { href: itemUrl(i.id) }, `${itemName(i)} ${i.title}`.trim());

const files = new Map<string, Promise<CompareFile>>();
function load(id: string): Promise<CompareFile> {
  let file = files.get(id);
  if (!file) {
    file = fetch(compareDataUrl(id)).then((r) => {
      if (!r.ok) throw new Error(`找不到文件“${id}”的对比数据（${r.status}）`);
      return r.json() as Promise<CompareFile>;
    });
    file.catch(() => files.delete(id));
    files.set(id, file);
  }
  return file;
}

function choiceFromUrl(): Choice {
  const q = new URLSearchParams(location.search);
  return { a: q.get('a') ?? '', b: q.get('b') ?? '', domain: q.get('domain') ?? '' };
}

/** Set a select to a value it offers; report whether it did. */
function select(s: HTMLSelectElement, value: string): boolean {
  const ok = [...s.options].some((o) => o.value === value);
  s.value = ok ? value : '';
  return ok || value === '';
}

/** B's choices: documents sharing a population with A, other than A itself. */
function limitB(): void {
  if (!selectA || !selectB) return;
  const a = selectA.selectedOptions[0];
  const populations = (a?.dataset.populations ?? '').split(' ').filter(Boolean);
  for (const o of selectB.options) {
    if (!o.value) continue;
    const own = (o.dataset.populations ?? '').split(' ').filter(Boolean);
    o.disabled = !!a?.value && (o.value === a.value || (populations.length > 0 && own.length > 0 && !own.some((p) => populations.includes(p))));
  }
}

let csvUrl: string | null = null;
let run = 0;

async function show(choice: Choice): Promise<void> {
  if (!selectA || !selectB || !selectDomain || !status || !results) return;
  const mine = ++run;
  const known = [select(selectA, choice.a), select(selectB, choice.b), select(selectDomain, choice.domain)];
  limitB();
  const say = (text: string) => {
    status.textContent = text;
    results.replaceChildren();
    results.removeAttribute('aria-busy');
  };
  if (known.includes(false)) return say('网址中的文件或领域不在本站，请重新选择。');
  if (!choice.a || !choice.b) return say(choice.a || choice.b ? '请再选择一份文件。' : '');
  if (choice.a === choice.b) return say('请选择两份不同的文件。');
  results.setAttribute('aria-busy', 'true');
  status.textContent = '正在载入两份文件的条目…';
  let a: CompareFile, b: CompareFile;
  try {
    [a, b] = await Promise.all([load(choice.a), load(choice.b)]);
  } catch (error) {
    if (mine === run) say(`无法载入：${(error as Error).message}。`);
    return;
  }
  if (mine !== run) return;
  const domain = (DOMAINS.find((d) => d.slug === choice.domain)?.name ?? null) as DomainName | null;
  const c = compareDocuments(a, b, domain);
  if (!c.populations.length) return say(`${a.document.city}的文件和${b.document.city}的文件没有共同的对象（妇女或儿童），无法对照。`);
  render(a, b, c, choice);
  const scope = domain ?? c.populations.join('、');
  const splits = c.pairs.filter((p) => p.split).length;
  status.textContent = `${a.document.city}与${b.document.city}（${scope}）：对应条目 ${c.pairs.length} 对${splits ? `（其中一对多 ${splits} 对）` : ''}，可能对应 ${c.possible.length} 对，仅${a.document.city}有 ${c.onlyA.length} 条，仅${b.document.city}有 ${c.onlyB.length} 条。`;
  document.title = `${a.document.city}与${b.document.city}对比 · ${baseTitle}`;
}

/** Why a pair is one: its score and what it rests on. */
function evidenceLine(e: PairEvidence, parts: readonly DiffPart[]): string {
  const why = [`相似度 ${e.score.toFixed(2)}`, `相同文字约 ${Math.round(sharedShare(parts) * 100)}%`];
  if (e.indicators.length) why.push(`共同指标：${e.indicators.join('、')}`);
  return why.join(' · ');
}

function render(a: CompareFile, b: CompareFile, c: Comparison, choice: Choice): void {
  const A = a.document.city;
  const B = b.document.city;
  if (csvUrl) URL.revokeObjectURL(csvUrl);
  csvUrl = URL.createObjectURL(new Blob([CSV_BOM + stringify(comparisonRows(c, { a: A, b: B }), { ...CSV_OPTIONS, quoted_match: [...CSV_OPTIONS.quoted_match] })], { type: 'text/csv;charset=utf-8' }));
  const csvName = `compare-${choice.a}-${choice.b}${choice.domain ? `-${choice.domain}` : ''}.csv`;

  const pairs = el('section', { 'aria-labelledby': 'pairs-heading' }, el('h2', { id: 'pairs-heading' }, `对应条目（${c.pairs.length} 对）`));
  if (c.pairs.length) {
    pairs.append(
      el('p', { class: 'diff-legend' }, `每对左为 A（${A}），右为 B（${B}）。B 的文字中，`, el('span', { class: 'diff-key-ins' }, '加下划线'), '的是 B 比 A 多出的文字，', el('span', { class: 'diff-key-del' }, '加删除线'), '的是 A 有而 B 没有的文字；读屏软件读作“增加”“删去”。对应关系按整个领域统一分配，使各对的相似度之和最高：相似度综合跨城市相似条目的分数、两条的文字和两条共同的量化指标；主要目标只与主要目标、策略措施只与策略措施对应。一方把另一方的一条分成两条写时，两条都与它对应，标为“一对多”；把握不足的列在“可能对应”中。'),
    );
    const list = el('ol', { class: 'compare-pairs' });
    for (const p of c.pairs) {
      list.append(
        el(
          'li',
          { class: 'compare-pair' },
          el('h3', {}, `${placedItemName(A, p.a)} ↔ ${placedItemName(B, p.b)}`, p.split ? ' ' : null, p.split ? el('span', { class: 'tag' }, '一对多') : null),
          el(
            'div',
            { class: 'compare-sides' },
            el('div', {}, el('p', { class: 'compare-side' }, `A · ${A} `, itemLink(p.a)), el('p', { class: 'textblock' }, p.a.text)),
            el('div', {}, el('p', { class: 'compare-side' }, `B · ${B} `, itemLink(p.b)), diffText(p.parts)),
          ),
          el('p', { class: 'muted diff-share' }, evidenceLine(p, p.parts)),
        ),
      );
    }
    pairs.append(list);
  } else {
    pairs.append(el('p', { class: 'muted' }, '两份文件之间没有找到相互对应的条目。'));
  }

  const possible = el('section', { 'aria-labelledby': 'possible-heading' }, el('h2', { id: 'possible-heading' }, `可能对应（${c.possible.length} 对）`));
  if (c.possible.length) {
    possible.append(el('p', { class: 'muted' }, '这些条目之间有相近之处，但不足以认定对应，也不宜说成一方独有：请对照原文判断。'));
    const list = el('ul', { class: 'items compare-possible' });
    for (const p of c.possible) {
      list.append(
        el(
          'li',
          {},
          el('p', {}, `A · ${A} `, itemLink(p.a), ' ↔ ', `B · ${B} `, itemLink(p.b)),
          el('p', { class: 'muted compare-note' }, possibleNote(p, { a: A, b: B })),
          el('details', {}, el('summary', {}, '两条全文'), el('p', { class: 'textblock' }, p.a.text), diffText(p.parts)),
        ),
      );
    }
    possible.append(list);
  } else possible.append(el('p', { class: 'muted' }, '无。'));

  const own = (id: string, city: string, otherCity: string, items: CompareOwn[]) => {
    const section = el('section', { 'aria-labelledby': id }, el('h2', { id }, `仅${city}有（${items.length} 条）`));
    if (!items.length) {
      section.append(el('p', { class: 'muted' }, '无。'));
      return section;
    }
    const list = el('ul', { class: 'items compare-own' });
    for (const o of items) {
      list.append(
        el(
          'li',
          {},
          itemLink(o.item),
          el('p', { class: 'muted compare-note' }, ownNote(o, city, otherCity)),
          el('details', {}, el('summary', {}, '全文'), el('p', { class: 'textblock' }, o.item.text)),
        ),
      );
    }
    section.append(list);
    return section;
  };

  results!.replaceChildren(
    el('p', {}, el('a', { id: 'compare-csv', class: 'button', href: csvUrl, download: csvName }, '下载对比表（CSV）'), ' ', el('span', { class: 'muted' }, 'UTF-8，每行一对条目或一方独有的条目。')),
    pairs,
    possible,
    own('only-a', A, B, c.onlyA),
    own('only-b', B, A, c.onlyB),
  );
  results!.removeAttribute('aria-busy');
}

if (form && selectA && selectB && selectDomain) {
  selectA.addEventListener('change', limitB);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const choice = { a: selectA.value, b: selectB.value, domain: selectDomain.value };
    history.pushState(null, '', compareUrl(choice));
    void show(choice);
  });
  addEventListener('popstate', () => void show(choiceFromUrl()));
  void show(choiceFromUrl());
}
