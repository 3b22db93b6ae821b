// The folder graph of a source tree: which top-level folder (or top-level file) imports which, over
// the relative imports of its non-test TypeScript files. `npm test` runs it on apps/server/src and fails
// when the graph has a cycle, so the layers written down in apps/server/src/README.md stay layers.
//
//   npx tsx scripts/folder-cycles.ts apps/server/src          # checks; exit 1 on a cycle
//   npx tsx scripts/folder-cycles.ts --graph apps/server/src  # prints folder -> imported folders
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** folder -> imported folder -> the importing files (relative to the root), in reading order. */
export type FolderGraph = Map<string, Map<string, string[]>>;

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"](\.\.?\/[^'"]+)['"]/g;

/** The relative module specifiers a source text imports or re-exports (static, dynamic, side effect). */
export function relativeImports(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((match) => match[1] as string);
}

/** The node a path under the root belongs to: its first segment, without `.ts`/`.js` for a file. */
export function folderOf(pathUnderRoot: string): string {
  const first = pathUnderRoot.split(/[\\/]/)[0] as string;
  return first.replace(/\.(ts|js)$/, '');
}

const isSource = (name: string) =>
  name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return isSource(entry.name) ? [path] : [];
  });
}

/** Adds the edges of one file (`file` relative to the root, its source text) to `graph`. */
export function addFileEdges(graph: FolderGraph, file: string, source: string): void {
  const from = folderOf(file);
  for (const spec of relativeImports(source)) {
    const target = relative('.', join(dirname(file), spec));
    if (target.startsWith('..')) continue; // outside the root
    const to = folderOf(target);
    if (to === from) continue;
    const edges = graph.get(from) ?? new Map<string, string[]>();
    graph.set(from, edges);
    edges.set(to, [...(edges.get(to) ?? []), file]);
  }
}

/** The folder graph of every non-test `.ts` file under `root`. */
export function folderGraph(root: string): FolderGraph {
  const graph: FolderGraph = new Map();
  const base = resolve(root);
  for (const path of sourceFiles(base).sort()) {
    addFileEdges(graph, relative(base, path).split(sep).join('/'), readFileSync(path, 'utf8'));
  }
  return graph;
}

/**
 * The strongly connected components of more than one folder (Tarjan): each is a set of folders that
 * import one another in a loop. Empty when the graph is a DAG.
 */
export function folderCycles(graph: FolderGraph): string[][] {
  const nodes = new Set<string>([...graph.keys(), ...[...graph.values()].flatMap((to) => [...to.keys()])]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) as number, low.get(to) as number));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node) as number, index.get(to) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of [...nodes].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** `folder -> imported:count …`, one line a folder, sorted. */
export function renderGraph(graph: FolderGraph): string {
  return [...graph.keys()]
    .sort()
    .map((from) => {
      const edges = [...(graph.get(from) as Map<string, string[]>)].sort(([a], [b]) => a.localeCompare(b));
      return `${from} -> ${edges.map(([to, files]) => `${to}:${files.length}`).join(' ')}`;
    })
    .join('\n');
}

/** What to print for the cycles: each loop's folders, and the files behind each edge inside it. */
export function renderCycles(graph: FolderGraph, cycles: string[][]): string {
  return cycles
    .map((component) => {
      const inside = new Set(component);
      const edges = component.flatMap((from) =>
        [...(graph.get(from) ?? [])]
          .filter(([to]) => inside.has(to))
          .map(([to, files]) => `  ${from} -> ${to}: ${[...new Set(files)].join(', ')}`),
      );
      return `cycle of ${component.length} folders: ${component.join(', ')}\n${edges.join('\n')}`;
    })
    .join('\n');
}

function main(args: string[]): number {
  const print = args.includes('--graph');
  const roots = args.filter((arg) => arg !== '--graph');
  if (roots.length === 0) {
    console.error('usage: tsx scripts/folder-cycles.ts [--graph] <source root>…');
    return 2;
  }
  let failed = false;
  for (const root of roots) {
    const graph = folderGraph(root);
    if (print) console.log(renderGraph(graph));
    const cycles = folderCycles(graph);
    if (cycles.length === 0) {
      console.log(`${root}: ${graph.size} importing folders, no import cycle between folders`);
      continue;
    }
    failed = true;
    console.error(`${root}: the folders import one another in a loop (see its README.md for the layers)`);
    console.error(renderCycles(graph, cycles));
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exit(main(process.argv.slice(2)));
}
