/**
 * The layering rules of .dependency-cruiser.cjs, tried on a small tree shaped
 * like the project: each forbidden import makes the checker fail and names
 * its rule; imports through a module's door, down the order, pass.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/temp-dir.ts';

const root = resolve(import.meta.dirname, '../..');
const depcruise = join(root, 'node_modules/.bin/depcruise');
const run = promisify(execFile);
const trees = tempDir('architecture');
afterAll(() => rmSync(trees, { recursive: true, force: true }));
let made = 0;

/** The files of a tree that keeps every rule; each case adds one file. */
const allowed: Record<string, string> = {
  'server/src/modules/network/network.repository.ts': 'export const row = 1;\n',
  'server/src/modules/network/index.ts': "export { row } from './network.repository.ts';\n",
  'server/src/modules/coops/coops.repository.ts':
    "import { row } from '../network/index.ts';\nexport const coop = row;\n",
  'server/src/modules/coops/coops.service.ts':
    "import { coop } from './coops.repository.ts';\nexport const list = () => coop;\n",
  'server/src/modules/coops/index.ts': "export { list } from './coops.service.ts';\n",
  'server/src/modules/offers/offers.service.ts':
    "import { list } from '../coops/index.ts';\nexport const offers = list;\n",
  'server/src/modules/offers/index.ts': "export { offers } from './offers.service.ts';\n",
  'server/src/platform/clock.ts': 'export const now = () => 0;\n',
  'domain/src/money.ts': 'export const cents = 1;\n',
  'contract/src/coops.ts': 'export type Coop = { id: string };\nexport const CoopStatus = 1;\n',
  'web/src/coops.ts': "import type { Coop } from '../../contract/src/coops.ts';\nexport const c: Coop | null = null;\n",
};

async function check(extra: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const dir = join(trees, String(made++));
  for (const [path, text] of Object.entries({ ...allowed, ...extra })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const args = [
    '--config',
    join(root, '.dependency-cruiser.cjs'),
    '--output-type',
    'err',
    'server',
    'domain',
    'contract',
    'web',
  ];
  try {
    const { stdout } = await run(depcruise, args, { cwd: dir });
    return { ok: true, output: stdout };
  } catch (e) {
    const failed = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the layering rules', () => {
  it('pass a tree whose modules meet only through their doors, down the order', async () => {
    const { ok, output } = await check({});
    expect(output).not.toMatch(/error/);
    expect(ok).toBe(true);
  });

  it.each([
    [
      'module-door',
      'server/src/modules/offers/bad.ts',
      "import { coop } from '../coops/coops.repository.ts';\nexport const x = coop;\n",
    ],
    [
      'module-order-coops',
      'server/src/modules/coops/bad.ts',
      "import { offers } from '../offers/index.ts';\nexport const x = offers;\n",
    ],
    [
      'unknown-module',
      'server/src/modules/unlisted/unlisted.service.ts',
      "import { list } from '../coops/index.ts';\nexport const x = list;\n",
    ],
    [
      'platform-below-modules',
      'server/src/platform/bad.ts',
      "import { list } from '../modules/coops/index.ts';\nexport const x = list;\n",
    ],
    [
      'repository-below-service',
      'server/src/modules/coops/other.repository.ts',
      "import { list } from './coops.service.ts';\nexport const x = list;\n",
    ],
    [
      'domain-is-pure',
      'domain/src/bad.ts',
      "import { now } from '../../server/src/platform/clock.ts';\nexport const x = now;\n",
    ],
    [
      'web-contract-types-only',
      'web/src/bad.ts',
      "import { CoopStatus } from '../../contract/src/coops.ts';\nexport const x = CoopStatus;\n",
    ],
    ['no-cycle', 'server/src/modules/coops/a.ts', "import { b } from './b.ts';\nexport const a = () => b;\n"],
  ])('fail on a forbidden import: %s', async (rule, path, text) => {
    const files: Record<string, string> = { [path]: text };
    if (rule === 'no-cycle')
      files['server/src/modules/coops/b.ts'] = "import { a } from './a.ts';\nexport const b = () => a;\n";
    const { ok, output } = await check(files);
    expect(ok).toBe(false);
    expect(output).toContain(`error ${rule}:`);
  });
});

describe('the project itself', () => {
  it('keeps every layering rule (what npm run lint checks)', async () => {
    const { stdout } = await run(
      depcruise,
      [
        '--config',
        '.dependency-cruiser.cjs',
        '--output-type',
        'err',
        'domain/src',
        'contract/src',
        'server/src',
        'web/src',
      ],
      { cwd: root },
    );
    expect(stdout).toContain('no dependency violations found');
  });

  it('shows in docs/architecture.md the module graph the checker draws (npm run graph)', async () => {
    const { stdout } = await run(process.execPath, [join(root, 'scripts/module-graph.mjs')], { cwd: root });
    const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    const shown = /<!-- module-graph:start -->\n```mermaid\n([\s\S]*?)\n```\n<!-- module-graph:end -->/.exec(doc)?.[1];
    expect(shown).toBe(stdout.trimEnd());
  });
});
