import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cyclesOf, importCycles, importGraph, relativeImports } from './import-cycles.ts';

describe('relativeImports', () => {
  it('reads every kind of relative import, with its line, and skips packages', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "import iconv from 'iconv-lite';",
      "const e = () => import('./e.ts');",
      "type F = import('./f.ts').F;",
      "import './side-effect.ts';",
      "const s = './not-an-import.ts';",
      "const t = `import x from './in-a-template.ts'`;",
      "// import y from './in-a-comment.ts';",
    ].join('\n');
    expect(relativeImports(text)).toEqual([
      { specifier: './a.ts', line: 1 },
      { specifier: '../b.ts', line: 2 },
      { specifier: './c.ts', line: 3 },
      { specifier: './d.ts', line: 4 },
      { specifier: './e.ts', line: 6 },
      { specifier: './f.ts', line: 7 },
      { specifier: './side-effect.ts', line: 8 },
    ]);
  });
});

describe('cyclesOf', () => {
  const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));

  it('finds none in a graph without cycles, however it branches and rejoins', () => {
    expect(cyclesOf(graph({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([]);
  });

  it('gives one shortest loop per cycle, from its first module', () => {
    const cycles = cyclesOf(graph({ a: ['b'], b: ['c', 'a'], c: ['a'], x: ['y'], y: ['z'], z: ['x'], s: ['s'], t: [] }));
    expect(cycles).toEqual([
      ['a', 'b', 'a'],
      ['s', 's'],
      ['x', 'y', 'z', 'x'],
    ]);
  });

  it('copes with a long import chain', () => {
    const edges: Record<string, string[]> = {};
    for (let k = 0; k < 20_000; k++) edges[`m${k}`] = [`m${k + 1}`];
    edges.m20000 = ['m0'];
    const [cycle] = cyclesOf(graph(edges));
    expect(cycle).toHaveLength(20_002);
  });
});

describe('importCycles on files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'import-cycles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  };

  it('reports a cycle of type-only imports, of re-exports and of dynamic imports, not a plain chain', () => {
    write('types.ts', "import type { Note } from './stage/notes.ts';\nexport interface Doc { notes: Note[] }\n");
    write('stage/notes.ts', "import type { Doc } from '../types.ts';\nexport interface Note { doc: Doc }\n");
    write('emit/a.ts', "export { b } from './b.ts';\n");
    write('emit/b.ts', "export const b = async () => (await import('./c.ts')).c;\n");
    write('emit/c.ts', "import { a } from './a.ts';\nexport const c = a;\n");
    write('chain/one.ts', "import { two } from './two.ts';\nexport const one = two;\n");
    write('chain/two.ts', "import { three } from './dir';\nexport const two = three;\n");
    write('chain/dir/index.ts', 'export const three = 3;\n');
    const { cycles, unresolved, modules } = importCycles(dir, dir);
    expect(modules).toBe(8);
    expect(unresolved).toEqual([]);
    expect(cycles).toEqual([
      ['emit/a.ts', 'emit/b.ts', 'emit/c.ts', 'emit/a.ts'],
      ['stage/notes.ts', 'types.ts', 'stage/notes.ts'],
    ]);
  });

  it('lists a relative import that names no file', () => {
    write('lost/x.ts', "import { y } from './y.ts';\n");
    expect(importCycles(path.join(dir, 'lost'), dir).unresolved).toEqual(['lost/x.ts:1 ./y.ts']);
  });
});

describe('scripts/lib', () => {
  // Reads every module once (a few hundred files): allowed more than the default 5 s on a busy machine.
  it('has no import cycle and no import naming a missing file', { timeout: 60_000 }, () => {
    const graph = importGraph('scripts/lib');
    const { cycles, unresolved, modules } = importCycles('scripts/lib', process.cwd(), graph);
    // The graph is really read: the pipeline alone reaches most stages.
    expect(modules).toBeGreaterThan(150);
    expect(graph.edges.get(path.resolve('scripts/lib/pipeline.ts'))?.size).toBeGreaterThan(10);
    expect(unresolved).toEqual([]);
    expect(cycles.map((c) => c.join(' → '))).toEqual([]);
  });
});
