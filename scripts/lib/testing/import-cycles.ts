/**
 * Import cycles among the project's own modules, found with TypeScript's import scanner: every
 * relative specifier a module names (`import`, `import type`, `export … from`, `import('./…')`
 * and `import('./…').T` in types) is an edge. Type-only imports count: a cycle of types still
 * ties two modules together, so neither can be read, moved or tested without the other.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ModuleImport {
  specifier: string;
  /** 1-based line of the import in its module. */
  line: number;
}

/**
 * The relative module specifiers a module's text names, in order. TypeScript's import scanner
 * (the one the language service uses) reads them without a full parse, and skips comments and
 * strings that merely look like imports.
 */
export function relativeImports(text: string): ModuleImport[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.filter((f) => f.fileName.startsWith('.'))
    .map((f) => ({ specifier: f.fileName, line: text.slice(0, f.pos).split('\n').length }));
}

/** The module file a relative specifier names, or null: as written, then with `.ts`, then `/index.ts`. */
export function resolveModule(fromFile: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function modulesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...modulesUnder(full));
    else if (/\.(?:ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

export interface ImportGraph {
  /** Module → the modules it imports (absolute paths), followed beyond `root` into whatever it reaches. */
  edges: Map<string, Set<string>>;
  /** Relative imports that name no file: `file:line specifier`. */
  unresolved: string[];
}

/** The import graph of every TypeScript module under `root` and of the modules they reach. */
export function importGraph(root: string): ImportGraph {
  const edges = new Map<string, Set<string>>();
  const unresolved: string[] = [];
  const pending = modulesUnder(path.resolve(root));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (edges.has(file)) continue;
    const targets = new Set<string>();
    edges.set(file, targets);
    if (!/\.(?:ts|mts)$/.test(file)) continue; // a JSON or asset import: a leaf
    for (const { specifier, line } of relativeImports(readFileSync(file, 'utf8'))) {
      const target = resolveModule(file, specifier);
      if (!target) {
        unresolved.push(`${file}:${line} ${specifier}`);
        continue;
      }
      targets.add(target);
      if (!edges.has(target)) pending.push(target);
    }
  }
  return { edges, unresolved: unresolved.sort() };
}

/**
 * The import cycles of a graph: one per strongly connected component of two or more modules
 * (or a module importing itself), given as the shortest loop through the component's first
 * module in path order, e.g. `[a.ts, b.ts, a.ts]`.
 */
export function cyclesOf(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  // Tarjan's algorithm, iterative so a deep import chain cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const nodes = [...edges.keys()].sort();
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; next: string[] }[] = [];
    const open = (node: string) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: [...(edges.get(node) ?? [])].sort() });
    };
    open(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const target = frame.next.shift();
      if (target !== undefined) {
        if (!index.has(target)) open(target);
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  const cycles: string[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const first = [...component].sort()[0]!;
    if (members.size === 1 && !edges.get(first)?.has(first)) continue;
    cycles.push(shortestLoop(first, members, edges));
  }
  return cycles.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
}

/** Breadth-first from `start` back to it, staying inside the component. */
function shortestLoop(start: string, members: ReadonlySet<string>, edges: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of [...(edges.get(node) ?? [])].sort()) {
      if (!members.has(target)) continue;
      if (target === start) {
        // start → … → node, then back to start.
        const loop = [node];
        for (let at = node; at !== start; ) {
          at = previous.get(at)!;
          loop.unshift(at);
        }
        return [...loop, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/** The import cycles among the modules under `root`, with paths relative to `relativeTo`. */
export function importCycles(root: string, relativeTo = process.cwd(), graph = importGraph(root)): { cycles: string[][]; modules: number; unresolved: string[] } {
  const rel = (file: string) => path.relative(relativeTo, file).split(path.sep).join('/');
  return {
    cycles: cyclesOf(graph.edges).map((cycle) => cycle.map(rel)),
    modules: graph.edges.size,
    unresolved: graph.unresolved.map((u) => u.replace(/^\S+?(?=:\d+ )/, rel)),
  };
}
