import { describe, expect, it } from 'vitest';
import { cleanText, detectLayout, normalise } from './normalise.ts';
import { SEED, seedNames, seedText } from './testing/seeds.ts';

/** Characters of `a` not matched in `b` (as a multiset, whitespace ignored), for short failure messages. */
function missing(a: string, b: string): string {
  const count = new Map<string, number>();
  for (const ch of b.replace(/\s+/g, '')) count.set(ch, (count.get(ch) ?? 0) + 1);
  let out = '';
  for (const ch of a.replace(/\s+/g, '')) {
    const n = count.get(ch) ?? 0;
    if (n > 0) count.set(ch, n - 1);
    else out += ch;
  }
  return out;
}

describe('normalise on the real seeds', () => {
  it.each(seedNames())('%s loses no character: blocks + removed furniture = source', (name) => {
    const source = cleanText(seedText(name));
    const { blocks, removed } = normalise(source);
    // Markdown heading marks (`##`) are markup: the block keeps them as headingDepth.
    const marks = blocks.map((b) => '#'.repeat(b.headingDepth ?? 0)).join('');
    const out = blocks.map((b) => b.text).join('') + removed.map((r) => r.text).join('') + marks;
    expect(missing(source, out)).toBe('');
    expect(missing(out, source)).toBe('');
  });

  it('recognises each seed layout', () => {
    const layout = (name: string) => detectLayout(cleanText(seedText(name)).split('\n'));
    expect(layout(SEED.ansanOpinion)).toBe('wrapped');
    expect(layout(SEED.fuxinPlans)).toBe('wrapped');
    expect(layout(SEED.jinganReport)).toBe('lines');
    expect(layout(SEED.daanTaskLists)).toBe('table');
    expect(layout(SEED.speeches)).toBe('lines');
  });

  it('drops the Fuxin page furniture and nothing else', () => {
    const { blocks, removed } = normalise(seedText(SEED.fuxinPlans));
    const furniture = new Set(['阜新市人民政府规范性文件', 'X', '阜新市人民政府发布']);
    expect(removed.filter((r) => r.reason === 'page-number').map((r) => r.text)).toContain('- 4 -');
    expect(removed.every((r) => furniture.has(r.text) || /^- \d+ -$/.test(r.text))).toBe(true);
    expect(blocks.some((b) => [...furniture].some((f) => b.text === f))).toBe(false);
    // The issuer's name in the notice itself is content, not furniture.
    expect(blocks.some((b) => b.text === '阜新市人民政府')).toBe(true);
  });

  it('rejoins wrapped lines, including across a page break and a number-led line', () => {
    const { blocks } = normalise(seedText(SEED.fuxinPlans));
    expect(blocks.some((b) => /^4\.01‰/.test(b.text))).toBe(false);
    expect(blocks.some((b) => /[^0-9]4\.01‰，远低于省目标要求/.test(b.text))).toBe(true);
    // Goals whose text starts with a number stay at a block start (the parser numbers them).
    expect(blocks.some((b) => b.text.startsWith('6.3岁以下儿童系统管理率'))).toBe(true);
    expect(blocks.some((b) => b.text.startsWith('9.5岁以下儿童贫血率'))).toBe(true);
    const measure = blocks.find((b) => b.text.startsWith('4.加强母婴安全保障。'));
    expect(measure?.text).toMatch(/孕产妇死亡个案报告和约谈通报制度。/);
  });

  it('rejoins a PDF line that ends inside a quotation (Anshan opinion)', () => {
    const { blocks } = normalise(seedText(SEED.ansanOpinion));
    const first = blocks.find((b) => b.text.startsWith('一是完善妇女儿童权益保障工作机制'));
    expect(first?.text).toContain('要加强“党委领导、政府主责、妇儿工委协调');
    expect(first?.text).toContain('作配合、工作联动机制'); // the line after the page break
  });

  it('rejoins a line broken mid-word in a one-paragraph-per-line file (Jing’an report)', () => {
    const { blocks } = normalise(seedText(SEED.jinganReport));
    expect(blocks.some((b) => b.text.includes('多措并举举促进妇女更加充分'))).toBe(true);
    expect(blocks.some((b) => b.text === '一、完善工作机制，切实加强统筹协同与基层基础')).toBe(true);
  });

  it('keeps Markdown headings as heading blocks and drops website paging', () => {
    const { blocks, removed } = normalise(seedText(SEED.speeches));
    expect(blocks.filter((b) => b.headingDepth === 2).map((b) => b.text)).toContain('妇女儿童工作会议记录篇一');
    expect(removed.map((r) => r.text)).toEqual(['共2页，当前第1页12']);
    expect(blocks.filter((b) => b.text === '同志们：').length).toBeGreaterThan(1);
  });

  it('splits table rows into cells and removes Word bookmark residue', () => {
    const { blocks, removed } = normalise(seedText(SEED.daanTaskLists));
    expect(removed.some((r) => r.reason === 'residue' && r.text === '[bookmark: _Toc2522]')).toBe(true);
    expect(blocks.some((b) => b.text.includes('[bookmark'))).toBe(false);
    const header = blocks.find((b) => b.cells?.[1] === '发展领域');
    expect(header?.cells).toEqual(['', '发展领域']);
  });

  it('keeps tab-only table lines as empty cells, so rows stay aligned', () => {
    // 003 lines 392–396: measure 10, then a lead cell whose first line is empty (`\t`) with
    // the names on the untabbed lines below it, then an empty partner cell (`\t`).
    const { blocks } = normalise(seedText(SEED.daanTaskLists));
    const rows = blocks.filter((b) => b.lineStart >= 392 && b.lineEnd <= 396);
    expect(rows.map((b) => [b.lineStart, b.cells])).toEqual([
      [392, ['', expect.stringMatching(/^10\.发挥市妇联组织/)]],
      [393, ['', '']],
      [394, ['市委组织部、']],
      [395, ['市妇联']],
      [396, ['', '']],
    ]);
    expect(blocks.find((b) => b.lineStart === 393)?.text).toBe('');
  });
});

describe('normalise on awkward input', () => {
  it('treats CRLF and CR line ends like LF', () => {
    const lf = normalise('一、总则\n\n1.加强母婴安全保障。\n2.保障孕产妇安全分娩。\n');
    expect(normalise('一、总则\r\n\r\n1.加强母婴安全保障。\r\n2.保障孕产妇安全分娩。\r\n').blocks).toEqual(lf.blocks);
    expect(normalise('一、总则\r\rn'.replace('n', '') + '1.加强母婴安全保障。').blocks.map((b) => b.text)).toEqual(['一、总则', '1.加强母婴安全保障。']);
  });

  it('reads full-width digits and letters as ASCII', () => {
    expect(cleanText('１２．孕产妇死亡率控制在１２／１０万以下，ＡＩＤＳ')).toBe('12．孕产妇死亡率控制在12／10万以下，AIDS');
  });
});

describe('normalise on a table copied from a spreadsheet', () => {
  it('reads one row per line as cells, each row as wide as the widest, lines without tabs as text', () => {
    const { blocks } = normalise(['某县重点任务清单', '发展领域\t主要目标\t牵头单位\t配合单位', '儿童与健康\t1.甲。\t县卫健局\t县妇联', '\t2.乙。\t县卫健局'].join('\n'));
    expect(blocks.map((b) => [b.text, b.cells])).toEqual([
      ['某县重点任务清单', ['某县重点任务清单']],
      ['发展领域 主要目标 牵头单位 配合单位', ['', '发展领域', '主要目标', '牵头单位', '配合单位']],
      ['儿童与健康 1.甲。 县卫健局 县妇联', ['', '儿童与健康', '1.甲。', '县卫健局', '县妇联']],
      // A merged domain cell is empty below its first row; the dropped last cell comes back empty.
      ['2.乙。 县卫健局', ['', '', '2.乙。', '县卫健局', '']],
    ]);
  });

  it('leaves a flattened Word table (one cell per line) as it was', () => {
    expect(detectLayout(['\t发展领域', '\t主要目标', '\t儿童与健康', '\t1.甲。'])).toBe('table');
    expect(normalise(['\t发展领域', '\t主要目标', '\t儿童与健康'].join('\n')).blocks.map((b) => b.cells)).toEqual([['', '发展领域'], ['', '主要目标'], ['', '儿童与健康']]);
  });
});

describe('normalise with what a source format knows (scripts/lib/formats)', () => {
  it('drops the lines the format found to be furniture, instead of guessing from the text', () => {
    const text = ['一、总体要求', '主要目标：', '- 2 -', '主要目标：', '正文。', '主要目标：'].join('\n');
    const { blocks, removed } = normalise(text, { layout: 'lines', furniture: new Map([[3, 'page-number']]) });
    expect(removed).toEqual([{ line: 3, text: '- 2 -', reason: 'page-number' }]);
    expect(blocks.filter((b) => b.text === '主要目标：')).toHaveLength(3);
  });

  it('rejoins wrapped lines where the format says they reach the margin, and never across a paragraph start', () => {
    const lines = ['1.加强儿童医疗保健服务，完善', '儿童健康服务体系。', '2.提升儿童营养水平，', '改善膳食结构。', '这一段缩进开头。'];
    const { blocks } = normalise(lines.join('\n'), { layout: 'wrapped', fullLines: new Set([1, 3, 4]), paragraphStarts: new Set([5]) });
    expect(blocks.map((b) => [b.text, b.lineStart, b.lineEnd])).toEqual([
      ['1.加强儿童医疗保健服务，完善儿童健康服务体系。', 1, 2],
      ['2.提升儿童营养水平，改善膳食结构。', 3, 4],
      ['这一段缩进开头。', 5, 5],
    ]);
  });

  it('marks table cells that continue a merged cell', () => {
    const { blocks } = normalise(['\t发展领域', '\t牵头部门', '', '\t儿童与健康', '\t市卫健局', '', '\t', '\t'].join('\n'), { mergedLines: new Set([7, 8]) });
    expect(blocks.map((b) => b.mergedAbove ?? false)).toEqual([false, false, false, false, true, true]);
  });
});
