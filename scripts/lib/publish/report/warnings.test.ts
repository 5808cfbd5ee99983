import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ingestDocument } from '../../pipeline.ts';
import { seedKb } from '../../testing/seed-kb.ts';
import { SEED, seedText } from '../../testing/seeds.ts';
import type { KbDocument } from '../../types.ts';
import { warningLines } from './format.ts';
import { documentWarnings, looksLikeHeading, markerValue, numberingWarnings, unassignedText, WARNING_OPTIONS } from './warnings.ts';

/** A made-up plan in the national skeleton; `measures` are the health domain's measure lines. */
function plan(measures: string[], extra = ''): string {
  return [
    '铁岭市妇女发展规划（2021—2030年）',
    '一、指导思想',
    '以习近平新时代中国特色社会主义思想为指导，全面贯彻落实男女平等基本国策。',
    '二、发展领域、主要目标和策略措施',
    '（一）妇女与健康。',
    '主要目标：',
    '1.孕产妇死亡率控制在10/10万以下。',
    '策略措施：',
    ...measures,
    '（二）妇女与教育。',
    '主要目标：',
    '1.女性接受高等教育的比例保持稳定。',
    '策略措施：',
    '1.加强思想政治教育。',
    extra,
    '三、组织实施',
    '加强组织领导，落实规划实施主体责任，将规划实施纳入重要议事日程。',
  ].join('\n');
}
const ingest = (text: string, name = 'tieling.txt') => ingestDocument(name, Buffer.from(text));
const codes = (doc: KbDocument) => documentWarnings(doc).map((w) => w.code);

describe('documentWarnings on made-up documents', () => {
  const measures = ['1.加强母婴安全保障。实施母婴安全行动提升计划。', '2.提高妇女生殖健康水平。普及生殖健康知识。', '3.加强妇女心理健康服务。开展心理健康教育。'];

  it('a well-formed plan has only the domains it lacks to report', () => {
    const doc = ingest(plan(measures));
    expect(doc.items.length).toBe(6);
    expect(codes(doc)).toEqual(['missing-domains']);
    const [w] = documentWarnings(doc);
    expect(w).toMatchObject({ population: '妇女', domains: ['妇女与经济', '妇女参与决策和管理', '妇女与社会保障', '妇女与家庭建设', '妇女与环境', '妇女与法律'] });
  });

  it('measures 1, 2, 4 under one domain: 3 is missing, with the lines to look at', () => {
    const doc = ingest(plan([measures[0]!, measures[1]!, measures[2]!.replace(/^3/, '4')]));
    const numbering = documentWarnings(doc).filter((w) => w.code === 'numbering');
    expect(numbering).toEqual([
      expect.objectContaining({ list: '妇女与健康', kind: 'measure', missing: [3], repeated: [], lineStart: 9, lineEnd: 11 }),
    ]);
    expect(numbering[0]!.message).toBe('「妇女与健康」的策略措施编号为 1、2、4，缺少 3。请核对原文是否漏印或错印编号。');
    expect(warningLines({ source: 'tieling.txt', warnings: numbering })).toEqual(['⚠ tieling.txt 第 9–11 行：「妇女与健康」的策略措施编号为 1、2、4，缺少 3。请核对原文是否漏印或错印编号。']);
  });

  it('a paragraph in a domain that no item holds is reported with its line; the preamble and closing parts are not', () => {
    const doc = ingest(plan(['这一段说明文字不属于任何措施，应当提示编辑检查。', ...measures]));
    const unassigned = documentWarnings(doc).filter((w) => w.code === 'unassigned-text');
    expect(unassigned).toEqual([expect.objectContaining({ lineStart: 9, lineEnd: 9, blocks: 1, chars: 24, excerpt: '这一段说明文字不属于任何措施，应当提示编辑检查。' })]);
  });

  it('a plan whose lists are not recognised has no items and says so, but keeps every block', () => {
    const text = plan(measures).replace(/^(\d+)\./gm, '（$1）').replace(/主要目标：|策略措施：/g, '');
    const doc = ingest(text);
    expect(doc.items).toEqual([]);
    expect(doc.blocks.length).toBeGreaterThan(10);
    expect(codes(doc)).toEqual(['no-items']);
  });

  it('a domain with measures but no goals is reported', () => {
    const doc = ingest(plan(measures).replace('主要目标：\n1.女性接受高等教育的比例保持稳定。\n', ''));
    expect(documentWarnings(doc).filter((w) => w.code === 'empty-list')).toEqual([expect.objectContaining({ domain: '妇女与教育', kind: 'goal' })]);
  });

  it('no city: a warning for a city-level text, none for a provincial plan', () => {
    const nameless = ingest(plan(measures).replace('铁岭市', '本市'));
    expect(nameless.city).toBeNull();
    expect(codes(nameless)).toContain('unknown-city');
    expect(codes({ ...nameless, level: 'province', province: '辽宁省' })).not.toContain('unknown-city');
  });

  it('many runs of unassigned text are capped, the last warning holding the rest', () => {
    const orphan = '这一段说明文字不属于任何条目，应当提示编辑检查。';
    // After each list heading, before its first number: four places no item is open; the first
    // is before the first item, where a plan's title and preamble are, so it is not reported.
    const text = plan([orphan, ...measures]).replace(/主要目标：\n/g, `主要目标：\n${orphan}\n`).replace('策略措施：\n1.加强思想', `策略措施：\n${orphan}\n1.加强思想`);
    const doc = ingest(text);
    expect(unassignedText(doc).map((w) => w.lineStart)).toEqual([10, 16, 19]);
    const capped = unassignedText(doc, { ...WARNING_OPTIONS, maxUnassignedRuns: 2 });
    expect(capped.map((w) => [w.lineStart, w.lineEnd, w.blocks])).toEqual([[10, 10, 1], [16, 19, 2]]);
    expect(capped.at(-1)!.message).toMatch(/此后另有 1 处同类文字/);
    expect(capped[0]!.message).toBe('有 1 段文字（24 字）不属于任何目标或措施：“这一段说明文字不属于任何条目，应当提示编辑检查。”可能是编号未被识别的目标或措施，请核对原文的编号写法（如“1.”“（1）”）。');
  });
});

describe('numbering', () => {
  it('reads every marker the recognisers keep', () => {
    expect(['4', '１２', '（二）', '(三)', '一、', '二是', '三要', '十一'].map(markerValue)).toEqual([4, 12, 2, 3, 1, 2, 3, 11]);
    expect(markerValue('A')).toBeNull();
  });

  it('a list that starts at 9 (an excerpt) misses 1–8; repeats are named; lists with other markers are skipped', () => {
    const item = (number: string, section = ['（一）妇女与健康', '策略措施']) => ({
      id: number, docId: 'x', kind: 'measure' as const, population: '妇女' as const, domain: '妇女与健康' as const, domainSource: 'structure' as const,
      number, title: '', text: '', section, leadDepartments: [], partnerDepartments: [], blockStart: 0, textStart: 0, blockEnd: 0,
    });
    const blocks = [{ index: 0, text: '', lineStart: 5, lineEnd: 5 }];
    expect(numberingWarnings([item('9'), item('10')], blocks)[0]).toMatchObject({ missing: [1, 2, 3, 4, 5, 6, 7, 8], repeated: [] });
    expect(numberingWarnings([item('1'), item('2'), item('2')], blocks)[0]).toMatchObject({ missing: [], repeated: [2] });
    expect(numberingWarnings([item('1'), item('A'), item('3')], blocks)).toEqual([]);
    // Two lists under different headings are numbered each on its own.
    expect(numberingWarnings([item('1'), item('2'), item('1', ['（二）妇女与教育', '策略措施'])], blocks)).toEqual([]);
  });
});

describe('looksLikeHeading', () => {
  it('tells headings and table fragments from body text', () => {
    for (const h of ['（二）妇女与教育。', '主要目标：', '妇女与', '二、 聚焦重点领域，全力保障妇女各项合法权益', '2025 年 6 月 27 日']) expect(looksLikeHeading(h), h).toBe(true);
    for (const b of ['这一段说明文字不属于任何措施，应当提示编辑检查。', '加强组织领导。落实责任。', '（一）坚持党的全面领导。坚持以习近平新时代中国特色社会主义思想为指导，坚持以人民为中心的发展思想。']) {
      expect(looksLikeHeading(b), b).toBe(false);
    }
  });
});

describe('documentWarnings on the real seeds', () => {
  const bySource = new Map(seedKb().documents.map((d) => [d.source, documentWarnings(d)]));

  it('the Fuxin plans, the Da’an task lists, the opinion and the report need nothing from the editor', () => {
    for (const seed of [SEED.fuxinPlans, SEED.daanTaskLists, SEED.ansanOpinion, SEED.jinganReport]) expect(bySource.get(seed), seed).toEqual([]);
  });

  it('the speeches: no city, and a heading whose speech restarts at 一、 (two speeches under one heading)', () => {
    const warnings = bySource.get(SEED.speeches)!;
    expect(warnings.map((w) => w.code).sort()).toEqual(['numbering', 'unknown-city']);
    expect(warnings.find((w) => w.code === 'numbering')).toMatchObject({ list: '妇女儿童工作会议记录篇一', repeated: [1] });
  });

  it('the Fuxin plans with a measure number lost and a paragraph outside every item', () => {
    const text = seedText(SEED.fuxinPlans);
    // Measure 5 of 妇女与健康 loses its number: it joins measure 4, and the list reads 1–4, 6–13.
    const health = text.indexOf('（一）妇女与健康');
    const five = text.indexOf('\n5.', text.indexOf('策略措施', health));
    const edited = `${text.slice(0, five + 1)}${text.slice(five + 3)}`.replace('（二）妇女与教育。\n', '（二）妇女与教育。\n本领域的目标和措施如下，请各部门认真落实，并按年度报送进展情况。\n');
    const warnings = documentWarnings(ingest(edited, 'fuxin.txt'));
    expect(warnings.find((w) => w.code === 'numbering')).toMatchObject({ list: '妇女与健康', kind: 'measure', missing: [5] });
    expect(warnings.find((w) => w.code === 'unassigned-text')).toMatchObject({ excerpt: expect.stringMatching(/^本领域的目标和措施如下/) });
  });
});

describe('the recognisers\' own notes reach the editor', () => {
  const variant = (name: string) => {
    const file = new URL(`../../understand/structure/variants/fixtures/${name}`, import.meta.url);
    return ingestDocument(name, readFileSync(file));
  };

  it('a plan with no numbered items says why no item was found', () => {
    const warnings = documentWarnings(variant('plan-unnumbered.txt'));
    const noItems = warnings.find((w) => w.code === 'no-items');
    expect(noItems && 'reason' in noItems ? noItems.reason : undefined).toMatch(/编号条目|主要目标/);
    expect(noItems?.message).toContain(noItems && 'reason' in noItems ? noItems.reason! : '?');
  });

  it('an excerpt whose list has no domain heading gets a structure warning naming the list', () => {
    const warnings = documentWarnings(variant('national-excerpt-no-domain.txt'));
    const structure = warnings.filter((w) => w.code === 'structure');
    expect(structure.map((w) => w.code === 'structure' && w.note)).toContain('list-without-domain');
    expect(structure[0]!.message).toMatch(/发展领域/);
  });

  it('a report with neither sections nor points says so', () => {
    const text = ['关于某市妇女发展规划实施情况的报告', '市人大常委会：', '现将有关情况报告如下：', '妇女健康水平稳步提升，妇幼健康服务网络进一步健全。', '妇女受教育水平持续提高，职业技能培训广泛开展。', '特此报告。'].join('\n\n');
    const doc = ingest(text, 'report.txt');
    expect(doc.kind).toBe('report');
    const noItems = documentWarnings(doc).find((w) => w.code === 'no-items');
    expect(noItems && 'reason' in noItems ? noItems.reason : undefined).toMatch(/未找到「一、」/);
  });

  it('the seeds\' plans and task lists give no structure warnings', () => {
    const kb = seedKb();
    const structured = kb.documents.filter((d) => d.kind === 'plan' || d.kind === 'tasklist');
    expect(structured.length).toBeGreaterThan(0);
    for (const doc of structured) expect(documentWarnings(doc).filter((w) => w.code === 'structure' || w.code === 'no-items'), doc.source).toEqual([]);
  });
});

describe('every warning speaks the editor\'s language', () => {
  /** Plans of the class, each with one kind of slip an editor meets: generated, not one file. */
  const health = ['1.加强母婴安全保障。实施母婴安全行动提升计划。', '2.提高妇女生殖健康水平。普及生殖健康知识。', '3.加强妇女心理健康服务。开展心理健康教育。', '4.提升妇女健康素养。'];
  const slips: [string, (measures: string[]) => string][] = [
    ['a lost number', (m) => plan([m[0]!, m[1]!, m[3]!])],
    ['a number printed twice', (m) => plan([m[0]!, m[1]!, m[1]!.replace('提高', '增强'), m[2]!])],
    ['an excerpt from 3 on', (m) => plan(m.slice(2))],
    ['a paragraph in no item', (m) => plan([m[0]!, '上述措施由各相关部门按照职责分工抓好落实，确保取得实效。', ...m.slice(1)])],
    ['no goals in a domain', (m) => plan(m).replace('主要目标：\n1.女性接受高等教育的比例保持稳定。\n', '')],
    ['no city named', (m) => plan(m).replace('铁岭市', '本市')],
    ['lists without numbers', (m) => plan(m).replace(/^(\d+)\./gm, '（$1）').replace(/主要目标：|策略措施：/g, '')],
    ['a list before any domain heading', (m) => plan(m).replace('（一）妇女与健康。\n', '')],
  ];

  it.each(slips)('%s: a Chinese message with what to do, printed with the file and its lines', (_, make) => {
    const doc = ingest(make(health));
    const warnings = documentWarnings(doc, { ...WARNING_OPTIONS, today: '2026-01-01' });
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) {
      expect(w.message, w.message).toMatch(/请/); // the fix, in the imperative
      expect(w.message, w.message).toMatch(/。$/);
      expect(w.message.replace(/"[a-z]+"|\.meta\.json|tieling\.txt|KB_[A-Z_]+/g, ''), w.message).not.toMatch(/[A-Za-z]{3,}/);
    }
    for (const line of warningLines({ source: 'tieling.txt', warnings })) {
      expect(line).toMatch(/^⚠ tieling\.txt( 第 [\d–、]+ 行)?：/);
    }
    // A warning about a place in the text names that place.
    for (const w of warnings) if ('lineStart' in w && w.lineStart !== undefined) expect(warningLines({ source: 'tieling.txt', warnings: [w] })[0]).toContain(`第 ${w.lineStart}`);
  });

  it('the no-city warning names the sidecar to write', () => {
    const doc = ingest(plan(health).replace('铁岭市', '本市'));
    expect(documentWarnings(doc).find((w) => w.code === 'unknown-city')!.message).toBe(
      '原文未写明所属城市。请在 tieling.txt.meta.json 中补充 "city"（及 "province"），例如 {"city": "鞍山市", "province": "辽宁省"}。',
    );
  });

  it('a structure note carries the line of its heading', () => {
    const doc = ingest(plan(health).replace('（一）妇女与健康。\n', ''));
    const structure = documentWarnings(doc).filter((w) => w.code === 'structure');
    expect(structure.length).toBeGreaterThan(0);
    const heading = doc.blocks.find((b) => b.text.startsWith('主要目标'))!;
    expect(structure[0]).toMatchObject({ note: 'list-without-domain', lineStart: heading.lineStart });
  });
});

describe('repeated warnings are grouped per document', () => {
  it('an excerpt of 16 lists without domain headings: 16 warnings in the data, one line for the editor with all 16 lines', () => {
    const lists = Array.from({ length: 16 }, (_, k) => [`策略措施：`, `${k + 1}.加强第${k + 1}项工作。落实相关责任，做好保障。`]);
    const text = ['国务院关于印发两个纲要的通知（节选）', ...lists.flat()].join('\n');
    const doc = ingest(text, 'excerpt.txt');
    const structure = documentWarnings(doc).filter((w) => w.code === 'structure');
    expect(structure).toHaveLength(16);
    const lines = warningLines({ source: 'excerpt.txt', warnings: structure });
    expect(lines).toHaveLength(1);
    const headings = doc.blocks.filter((b) => b.text.trim() === '策略措施：').map((b) => b.lineStart);
    expect(headings).toHaveLength(16);
    expect(lines[0]).toBe(`⚠ excerpt.txt 第 ${headings.join('、')} 行：${structure[0]!.message}`);
    expect(lines[0]).toMatch(/「策略措施：」之前没有可识别的发展领域标题.*请核对其写法/);
  });
});

describe('a task list with no recognised items', () => {
  it('is told to check its header row, not a plan\'s headings', () => {
    const doc = ingest(['大安市妇女发展规划（2021—2030年）重点任务清单', '序\t内容\t单位', '1\t加强母婴安全保障\t市卫健局'].join('\n'), 'daan.txt');
    expect(doc.kind).toBe('tasklist');
    const [w] = documentWarnings(doc, { ...WARNING_OPTIONS, today: '2026-01-01' });
    expect(w).toMatchObject({ code: 'no-items' });
    expect(w!.message).toMatch(/请核对任务清单表头的列名.*如本文件不是重点任务清单，请在 daan\.txt\.meta\.json 中写明 "kind"。$/);
  });
});

describe('a prose report read from wrapped text', () => {
  // Two paragraphs of one section; the first ends exactly at the margin, and nothing (no indent,
  // no blank line) says the next line starts a new one.
  const width = 20;
  const first = '强化统筹协调，凝聚保障合力。充分发挥区妇女儿童工作委员会统筹作用，推动信息共享。';
  const second = '加强规划引领，科学谋划发展。以妇女儿童发展规划为依据，持续推进各项任务落实。';
  const wrap = (s: string) => Array.from({ length: Math.ceil(s.length / width) }, (_, k) => s.slice(k * width, (k + 1) * width));

  it('says where a paragraph may have ended, when it joined two', () => {
    expect(first.length % width).toBe(0); // the first paragraph fills its last line
    const text = ['某区人民政府关于审议意见落实情况的报告', '区人大常委会：', ...wrap('现将审议意见落实情况报告如下，请予审议。各项工作情况如下所述，特此说明情况。'), '一、完善工作机制，加强统筹协同', ...wrap(first), ...wrap(second), '特此报告。'].join('\n');
    const doc = ingest(text, 'jingan.txt');
    expect(doc.kind).toBe('report');
    const warned = documentWarnings(doc).filter((w) => w.code === 'paragraphs');
    expect(warned.length).toBeGreaterThan(0);
    const at = text.split('\n').indexOf(wrap(first).at(-1)!) + 1;
    expect(warned.map((w) => ('lineStart' in w ? w.lineStart : undefined))).toContain(at);
    expect(warned[0]!.message).toMatch(/无法判断是否另起一段.*请在源文件中用空行或首行缩进/);
  });

  it('is silent where the text says where paragraphs end (one per line)', () => {
    const text = ['某区人民政府关于审议意见落实情况的报告', '区人大常委会：', '一、完善工作机制，加强统筹协同', first, second, '特此报告。'].join('\n');
    expect(documentWarnings(ingest(text, 'jingan.txt')).filter((w) => w.code === 'paragraphs')).toEqual([]);
  });
});
