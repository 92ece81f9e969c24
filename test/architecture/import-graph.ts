import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { REPO_ROOT, moduleReferences, resolveRelative } from './import-rules.js';

/** file → the files it references (every kind: static, type-only, re-export, dynamic). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** The .ts file a relative specifier names (`./x.js` is compiled from `./x.ts`), or null for packages and built-ins. */
export function resolveSourceFile(
  fromFile: string,
  specifier: string,
  exists: (file: string) => boolean = existsSync,
): string | null {
  const target = resolveRelative(fromFile, specifier);
  if (target === null) return null;
  const candidates = [target.replace(/\.js$/, '.ts'), target, `${target}.ts`, `${target}/index.ts`];
  return candidates.find((file) => file.endsWith('.ts') && exists(file)) ?? null;
}

/** The graph of the given files, from their source texts (read from disk unless given). */
export function importGraph(
  files: readonly string[],
  read: (file: string) => string = (file) => readFileSync(file, 'utf8'),
): ImportGraph {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = moduleReferences(file, read(file))
      .map((ref) => resolveSourceFile(file, ref.specifier, (candidate) => known.has(candidate)))
      .filter((target): target is string => target !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components with more than one file, or one file importing itself (Tarjan). */
function tangledComponents(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      component.push(member);
      if (member === file) break;
    }
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(component.sort());
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return found;
}

/** The shortest way from `start` back to itself inside one component (breadth first). */
function shortestCycle(graph: ImportGraph, start: string, component: ReadonlySet<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const target of graph.get(file) ?? []) {
      if (!component.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at = file; at !== start; at = cameFrom.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, file);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/** One cycle per tangle, as the path of files from its first file (alphabetically) back to it. */
export function importCycles(graph: ImportGraph): string[][] {
  return tangledComponents(graph).map((component) => shortestCycle(graph, component[0]!, new Set(component)));
}

export function describeCycles(cycles: readonly string[][], root = REPO_ROOT): string {
  return cycles.map((cycle) => cycle.map((file) => relative(root, file)).join(' → ')).join('\n');
}
