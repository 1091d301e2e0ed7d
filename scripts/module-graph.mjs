#!/usr/bin/env node
/**
 * Prints the graph of the server's modules as Mermaid, from dependency-cruiser's
 * own reading of the imports (the same reading `npm run lint` checks):
 * `npm run graph`. docs/architecture.md holds its output; a test keeps them equal.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MODULE = /^server\/src\/modules\/([^/]+)\//;

export function moduleGraph() {
  const json = execFileSync(
    join(root, 'node_modules/.bin/depcruise'),
    ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', '--include-only', '^server/src/modules/', 'server/src/modules'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const edges = new Set();
  const modules = new Set();
  for (const m of JSON.parse(json).modules) {
    const from = MODULE.exec(m.source)?.[1];
    if (!from) continue;
    modules.add(from);
    for (const d of m.dependencies) {
      const to = MODULE.exec(d.resolved)?.[1];
      if (to && to !== from) edges.add(`${from} --> ${to}`);
    }
  }
  return ['flowchart TD', ...[...modules].sort().map((m) => `  ${m}`), ...[...edges].sort().map((e) => `  ${e}`)].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(moduleGraph());
