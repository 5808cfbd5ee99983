import { describe, expect, it } from 'vitest';
import { cleanText, detectLayout, displayWidth, findFurniture, normalise } from './normalise.ts';
import { SEED, seedNames, seedText } from '../testing/seeds.ts';
import { withRadicals } from '../testing/radicals.ts';
import { wrapParagraph, wrapText } from '../testing/wrap.ts';
import { ingestDocument } from '../pipeline.ts';

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

describe('normalise with what a source format knows (scripts/lib/read/formats)', () => {
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

describe('a text layer that writes radicals for common characters (妇⼥, ⼈⺠)', () => {
  const items = (doc: ReturnType<typeof ingestDocument>) => doc.items.map((i) => [i.domain, i.kind, i.number, i.title, i.text]);

  it.each(['kangxi', 'supplement'] as const)('a plan gives the same title, domains, goals and measures as the clean one (%s)', (prefer) => {
    const clean = seedText(SEED.fuxinPlans);
    const lying = withRadicals(clean, prefer);
    expect(lying).not.toBe(clean);
    expect(lying).toContain(prefer === 'kangxi' ? '妇⼥' : '⼈⺠');
    const fromClean = ingestDocument('plan.txt', new TextEncoder().encode(clean));
    const fromLying = ingestDocument('plan.txt', new TextEncoder().encode(lying));
    expect(fromLying.title).toBe(fromClean.title);
    expect(items(fromLying)).toEqual(items(fromClean));
    expect(fromClean.items.filter((i) => i.domain !== null && (i.kind === 'goal' || i.kind === 'measure')).length).toBeGreaterThan(300);
    expect(fromLying.blocks.map((b) => b.text)).toEqual(fromClean.blocks.map((b) => b.text));
    expect(fromClean.replaced).toBeUndefined();
  });

  it('records what it read, by line, so that the blocks and the records give back the source', () => {
    const source = withRadicals(seedText(SEED.fuxinPlans));
    const { blocks, removed, replaced } = normalise(source);
    expect(replaced!.length).toBeGreaterThan(100);
    expect(replaced!.every((r) => r.reason === 'radical' && r.count > 0 && source.split('\n')[r.line - 1]!.includes(r.from))).toBe(true);
    // Undo every reading on the blocks' characters, then compare as a multiset with the source.
    const out = new Map<string, number>();
    const add = (ch: string, n: number) => out.set(ch, (out.get(ch) ?? 0) + n);
    for (const ch of (blocks.map((b) => b.text).join('') + removed.map((r) => r.text).join('')).replace(/\s+/g, '')) add(ch, 1);
    for (const r of replaced!) (add(r.to, -r.count), add(r.from, r.count));
    const want = new Map<string, number>();
    for (const ch of cleanText(source).replace(/\s+/g, '')) want.set(ch, (want.get(ch) ?? 0) + 1);
    expect([...out].filter(([, n]) => n !== 0).sort()).toEqual([...want].sort());
  });

  it('leaves a lone radical alone in a text that does not write radicals inside words', () => {
    const { blocks, replaced } = normalise('一、部首举例\n“⼥”部的字多与女性有关。');
    expect(blocks.map((b) => b.text)).toContain('“⼥”部的字多与女性有关。');
    expect(replaced).toBeUndefined();
  });
});

describe('wrapped text (from a PDF) rejoined at every width', () => {
  // The seeds' own paragraphs, wrapped by an independent writer at 30–45 characters a line.
  const paragraphs = (name: string) => ingestDocument(name, new TextEncoder().encode(seedText(name))).blocks.map((b) => b.text.replace(/ /g, ''));

  it('a line ending in a figure (`…和5.5‰` + `以下`) continues its paragraph, at every width that breaks there', () => {
    const paras = paragraphs(SEED.fuxinPlans);
    let cases = 0;
    for (let columns = 60; columns <= 90; columns += 2) {
      const filler = paras.slice(0, 60).flatMap((p) => wrapParagraph(p, columns));
      for (const target of paras) {
        // Each paragraph with a figure and its unit before an ideograph (`5.5‰以下`, `90%以上`),
        // broken right after the figure where the line is nearly full there (within four
        // characters: what the next piece and a justified line's stretch take).
        for (const m of target.matchAll(/[0-9.]+[‰%](?=[\u4e00-\u9fff])/g)) {
          const cut = m.index! + m[0].length;
          const head = wrapParagraph(target.slice(0, cut), columns);
          if (head.length < 2 || displayWidth(head.at(-1)!) < columns - 8) continue;
          const lines = [...head, ...wrapParagraph(target.slice(cut), columns)];
          const { blocks } = normalise([...filler, ...lines].join('\n'));
          expect(blocks.some((b) => b.text.includes(target)), `${columns / 2} characters a line: ${head.at(-1)} / ${target.slice(cut, cut + 6)}`).toBe(true);
          cases++;
          break;
        }
      }
    }
    expect(cases).toBeGreaterThan(20);
  });

  it('keeps a numbered heading without a full stop apart from the prose after it', () => {
    for (let chars = 30; chars <= 45; chars++) {
      const heading = '一、完善工作机制，切实加强统筹协同与基层基础';
      const prose = '着力强化顶层设计与系统谋划，不断完善妇女权益保障工作的组织体系和运行机制，夯实高质量发展根基。'.repeat(3);
      const text = wrapText([prose, heading, prose], chars * 2);
      expect(normalise(text).blocks.map((b) => b.text), `${chars} characters a line`).toEqual([prose, heading, prose]);
    }
  });

  it('recovers nearly every paragraph of the seeds at widths of 30–45 characters', () => {
    let total = 0;
    let right = 0;
    for (const name of [SEED.ansanOpinion, SEED.fuxinPlans, SEED.jinganReport]) {
      const paras = paragraphs(name);
      for (let chars = 30; chars <= 45; chars += 3) {
        const got = new Set(normalise(wrapText(paras, chars * 2)).blocks.map((b) => b.text));
        total += paras.length;
        right += paras.filter((p) => got.has(p)).length;
      }
    }
    // Measured 99.1 %: the rest are paragraphs whose last line happens to be full, which no
    // reader of text without indents can tell from a wrapped line.
    expect(right / total).toBeGreaterThan(0.985);
  });
});

describe('page furniture', () => {
  /** Pages of a wrapped plan: each ends with its page number, pages 2– start with the issuer's header. */
  const pages = (bodies: string[][]) => bodies.flatMap((body, k) => [...(k > 0 ? ['某市人民政府规范性文件'] : []), ...body, `- ${k + 1} -`]);

  it('drops the running header beside every page number', () => {
    const lines = pages([['（一）妇女与健康', '策略措施：'], ['1.加强母婴安全保障。'], ['策略措施：'], ['2.完善服务。']]);
    const furniture = findFurniture(lines);
    const header = lines.flatMap((l, i) => (l === '某市人民政府规范性文件' ? [i] : []));
    for (const i of header) expect(furniture.get(i)).toBe('running-header');
  });

  it('keeps a list heading that repeats in the text and once falls before a page number', () => {
    // `策略措施：` in every domain, one of them the last line of a page: text, not a header.
    const bodies = [['（一）妇女与健康', '主要目标：', '1.目标。', '策略措施：'], ['1.措施。', '（二）妇女与教育', '策略措施：', '1.措施。'], ['（三）妇女与经济', '策略措施：', '1.措施。']];
    const lines = pages(bodies);
    const furniture = findFurniture(lines);
    lines.forEach((l, i) => {
      if (l === '策略措施：') expect(furniture.has(i), `line ${i}`).toBe(false);
    });
  });
});

describe('a wrapped title and its addressee', () => {
  it('stay apart though neither ends a sentence', () => {
    const body = '根据审议意见，区政府高度重视，认真研究部署，扎实推进整改落实。经研究，现将审议意见落实情况报告如下：';
    for (const [title, addressee] of [
      ['某区人民政府关于《某区人大常委会关于检查本区贯彻实施妇女权益保障条例情况的审议意见》落实情况的报告', '区人大常委会：'],
      ['某市人民政府关于印发某市妇女发展规划和某市儿童发展规划的通知', '各县（市）区人民政府，市政府各部门：'],
    ]) {
      for (const width of [60, 72, 84]) {
        const text = [...wrapParagraph(title, width), addressee, ...wrapParagraph(body, width)].join('\n');
        const blocks = normalise(text).blocks.map((b) => b.text);
        expect(blocks[0], `${width}`).toBe(title);
        expect(blocks[1]!.startsWith(addressee), `${width}`).toBe(true);
      }
    }
  });
});

describe('page furniture in a lying text layer', () => {
  it('knows `第 1 ⻚` (a radical for 页) as a page number, and drops the header beside it', () => {
    const body = ['（一）妇女与健康', '主要目标：', '1.妇女全生命周期享有良好的卫生健康服务，妇女人均预期寿命延长。', '2.孕产妇死亡率下降到10/10万以下。', '策略措施：', '1.完善保障妇女健康的制度机制。'];
    const pages = [body.slice(0, 2), body.slice(2, 4), body.slice(4, 5), body.slice(5)];
    const lines = pages.flatMap((p, k) => [...(k > 0 ? ['某市人民政府规范性文件'] : []), ...p, `第 ${k + 1} 页`]);
    for (const prefer of ['kangxi', 'supplement'] as const) {
      const text = withRadicals(lines.join('\n'), prefer);
      expect(text).not.toContain('第 1 页'); // the text layer really writes a radical for 页 (or 妇女)
      const { blocks, removed } = normalise(text);
      expect(blocks.map((b) => b.text).join('\n')).not.toMatch(/第 \d 页|规范性文件/);
      expect(removed.filter((r) => r.reason === 'page-number')).toHaveLength(4);
      expect(removed.filter((r) => r.reason === 'running-header')).toHaveLength(3);
    }
  });
});
