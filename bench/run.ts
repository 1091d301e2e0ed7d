/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (or those whose file
 * name contains an argument), prints a table per benchmark and a summary, and
 * writes the results to bench/results/latest.json. Exits 1 if a benchmark
 * misses its target.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, type Benchmark, type BenchResult } from './support.ts';

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const filters = process.argv.slice(2);
const files = readdirSync(BENCH_DIR)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const results: BenchResult[] = [];
const started = Date.now();
const loadBefore = loadavg()[0]!;
// Servers and load generator need the machine's cores; other work skews requests/s.
if (loadBefore > cpus().length * 0.5) {
  console.log(`Note: the machine is busy (load average ${loadBefore.toFixed(1)} on ${cpus().length} cores); requests/s will be low and noisy.`);
}
for (const file of files) {
  const { default: bench } = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as { default: Benchmark };
  process.stderr.write(`running ${bench.name} …\n`);
  const r = await bench.run();
  results.push(r);
  console.log(`\n${r.name}\n`);
  console.log(
    table(r.table ?? [
      ['subject', 'requests/s', 'p50 ms', 'p99 ms', 'requests', 'server CPU µs/request', 'failures'],
      ...r.measurements.map((m) => [m.subject, String(m.requestsPerSecond), String(m.p50Ms), String(m.p99Ms), String(m.requests), m.cpuUsPerRequest === null ? '—' : String(m.cpuUsPerRequest), String(m.failures)]),
    ]),
  );
  console.log(`\n${r.ratioOf}: ${r.ratio.toFixed(2)} (target ≥ ${r.target}) ${r.passed ? 'PASS' : 'FAIL'}`);
  for (const note of r.notes ?? []) console.log(note);
}

console.log(`\n${table([['benchmark', 'ratio', 'target', 'result'], ...results.map((r) => [r.name, r.ratio.toFixed(2), `≥ ${r.target}`, r.passed ? 'PASS' : 'FAIL'])])}`);
console.log(`\n${results.length} benchmark(s) in ${((Date.now() - started) / 1000).toFixed(0)} s`);

const dir = join(BENCH_DIR, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, 'latest.json'),
  `${JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: cpus().length, loadAverageBefore: loadBefore, results }, null, 2)}\n`,
);
if (results.some((r) => !r.passed)) process.exitCode = 1;
