/** What the `coopnet` command prints: progress lines, the demo logins box, tables of counts. */
import type { DemoLogin } from '../modules/demo/index.ts';

/**
 * A progress line on stderr, e.g. `seeding workers 12000/50000 (24%)`. On a
 * terminal it rewrites itself at most ten times a second; into a log file it
 * writes a line per tenth of the way, so logs stay short.
 */
export function progressLine(verb: string, options: { minTotal?: number; stream?: NodeJS.WriteStream } = {}) {
  const stream = options.stream ?? process.stderr;
  let lastAt = 0;
  let lastTenth = -1;
  return (stage: string, done: number, total: number) => {
    // Work that ends in a blink needs no progress line.
    if (total < (options.minTotal ?? 5000)) return;
    const pct = total > 0 ? Math.floor((done * 100) / total) : 100;
    const line = `${verb} ${stage} ${done}/${total} (${pct}%)`;
    const finished = done >= total;
    if (stream.isTTY) {
      const now = Date.now();
      if (!finished && now - lastAt < 100) return;
      lastAt = now;
      stream.write(`\r${line}\x1b[K${finished ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(pct / 10);
    if (tenth === lastTenth && !finished) return;
    lastTenth = finished ? -1 : tenth;
    stream.write(`${line}\n`);
  };
}

/** A framed box, so the demo logins stand out in a scrolling server log. */
export function box(lines: string[]): string {
  const width = Math.max(...lines.map((l) => [...l].length));
  const pad = (l: string) => l + ' '.repeat(width - [...l].length);
  return [`┌${'─'.repeat(width + 2)}┐`, ...lines.map((l) => `│ ${pad(l)} │`), `└${'─'.repeat(width + 2)}┘`].join('\n');
}

export function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i]! - [...cell].length))).join('  '));
}

export function loginsBox(networkName: string, password: string, logins: DemoLogin[]): string {
  return box([
    `Demo network: ${networkName}`,
    `Every demo account has the password: ${password}`,
    '',
    ...columns([['role', 'name', 'e-mail', 'co-op'], ...logins.map((l) => [l.role, l.name, l.email, l.coop ?? '—'])]),
  ]);
}

export function countsTable(counts: { table: string; rows: number }[]): string {
  const sorted = [...counts].sort((a, b) => a.table.localeCompare(b.table));
  return columns([['table', 'rows'], ...sorted.map((c) => [c.table, String(c.rows)])])
    .map((l) => `  ${l}`)
    .join('\n');
}
