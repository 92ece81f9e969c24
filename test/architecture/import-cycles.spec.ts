import { join } from 'node:path';
import { describeCycles, importCycles, importGraph } from './import-graph.js';
import { REPO_ROOT, typeScriptFilesUnder } from './import-rules.js';

const SRC = join(REPO_ROOT, 'src');

/**
 * No file in src/ reaches itself through its imports, type-only ones included: a type-only cycle costs nothing at run
 * time, but it says two modules are one concept split in two places, and it turns into a load-order bug the day
 * someone adds a value import along it. One cycle is reported per tangle; fixing it shows any other.
 */
describe('import cycles in src/', () => {
  it('there are none (type-only imports included)', () => {
    const graph = importGraph(typeScriptFilesUnder(SRC));
    expect(graph.size).toBeGreaterThan(0);
    expect(describeCycles(importCycles(graph), SRC)).toBe('');
  });

  describe('the checker itself', () => {
    const dir = join(SRC, 'sample');
    const file = (name: string): string => join(dir, name);
    const graphOf = (sources: Record<string, string>) =>
      importGraph(Object.keys(sources).map(file), (path) => sources[path.slice(dir.length + 1)]!);

    it('reports a cycle through a type-only import as the path around it', () => {
      const graph = graphOf({
        'a.ts': "import type { B } from './b.js';\nexport type A = B[];",
        'b.ts': "import { c } from './nested/c.js';\nexport type B = string;",
        'nested/c.ts': "export type { A } from '../a.js';\nexport const c = 1;",
        'd.ts': "import type { A } from './a.js';",
      });
      expect(describeCycles(importCycles(graph), dir)).toBe('a.ts → b.ts → nested/c.ts → a.ts');
    });

    it('reports each tangle once, and a file importing itself', () => {
      const graph = graphOf({
        'a.ts': "import './b.js';",
        'b.ts': "import './a.js';\nimport './c.js';",
        'c.ts': "import './b.js';",
        'self.ts': "export * from './self.js';",
      });
      expect(describeCycles(importCycles(graph), dir).split('\n')).toEqual(['a.ts → b.ts → a.ts', 'self.ts → self.ts']);
    });

    it('reports nothing for a tree, packages and dynamic imports of files outside the graph', () => {
      const graph = graphOf({
        'a.ts': "import pg from 'pg';\nimport { b } from './b.js';\nconst later = await import('./elsewhere.js');",
        'b.ts': "import { readFile } from 'node:fs/promises';\nexport const b = 1;",
      });
      expect(importCycles(graph)).toEqual([]);
    });
  });
});
