import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addFileEdges,
  type FolderGraph,
  folderCycles,
  folderGraph,
  folderOf,
  relativeImports,
  renderCycles,
  renderGraph,
} from './folder-cycles.js';

const graphOf = (files: Record<string, string>): FolderGraph => {
  const graph: FolderGraph = new Map();
  for (const [file, source] of Object.entries(files)) addFileEdges(graph, file, source);
  return graph;
};

describe('the folder graph', () => {
  it('reads static, dynamic, side-effect imports and re-exports, relative ones only', () => {
    const source = [
      "import { a } from '../http/a.js';",
      "import type { B } from './b.js';",
      "export { c } from '../c/c.js';",
      "import '../side/effect.js';",
      "const d = await import('../d/d.js');",
      "import { e } from 'fastify';",
      "import { f } from '@bluezone/api';",
    ].join('\n');
    expect(relativeImports(source)).toEqual([
      '../http/a.js',
      './b.js',
      '../c/c.js',
      '../side/effect.js',
      '../d/d.js',
    ]);
  });

  it('names a top-level file by its name without extension', () => {
    expect(folderOf('clock.ts')).toBe('clock');
    expect(folderOf('http/server.types.ts')).toBe('http');
  });

  it('keeps edges between folders, not inside one nor out of the root', () => {
    const graph = graphOf({
      'app/create-app.ts': "import { x } from './open-core.js';\nimport { y } from '../http/build.js';",
      'http/build.ts':
        "import { Clock } from '../clock.js';\nimport { z } from '../../../packages/api/src/index.js';",
    });
    expect(renderGraph(graph)).toBe('app -> http:1\nhttp -> clock:1');
  });
});

describe('folder cycles', () => {
  it('finds none in layers that only import downhill', () => {
    const graph = graphOf({
      'app/a.ts': "import '../domain/d.js';\nimport '../http/h.js';",
      'domain/d.ts': "import '../http/h.js';\nimport '../clock.js';",
      'http/h.ts': "import '../clock.js';",
    });
    expect(folderCycles(graph)).toEqual([]);
  });

  it('finds a two-folder loop and a longer one, with the files behind each edge', () => {
    const graph = graphOf({
      'metrics/record.ts': "import '../retention/cleanup.js';",
      'retention/cleanup.ts': "import '../metrics/record.js';",
      'a/a.ts': "import '../b/b.js';",
      'b/b.ts': "import '../c/c.js';",
      'c/c.ts': "import '../a/a.js';\nimport '../metrics/record.js';",
    });
    const cycles = folderCycles(graph);
    expect(cycles).toEqual([
      ['metrics', 'retention'],
      ['a', 'b', 'c'],
    ]);
    const text = renderCycles(graph, cycles);
    expect(text).toContain('cycle of 2 folders: metrics, retention');
    expect(text).toContain('  metrics -> retention: metrics/record.ts');
    expect(text).toContain('  c -> a: c/c.ts');
    expect(text).not.toContain('c -> metrics');
  });

  it('the server has none (what `npm test` checks)', () => {
    const graph = folderGraph(join(import.meta.dirname, '..', 'apps', 'server', 'src'));
    expect(graph.size).toBeGreaterThan(10);
    expect(renderCycles(graph, folderCycles(graph))).toBe('');
  });
});
