/**
 * LOG_FORMAT=pretty: the same log lines made readable for a person at a
 * terminal, `12:04:05.123 INFO  message  key=value …`, an error's stack
 * below it. A line that is not a JSON log entry is passed through as it is.
 */

export interface LogEntry {
  level: number;
  time?: string | number;
  msg?: string;
  [field: string]: unknown;
}

export interface PrettyOptions {
  /** ANSI colours (the logger's default: when stdout is a terminal and NO_COLOR is unset) */
  colors?: boolean;
  /** a block of text to print below an entry's line (the demo logins box), or undefined */
  render?: (entry: LogEntry) => string | undefined;
}

const LEVELS: Record<number, { name: string; color: number }> = {
  10: { name: 'TRACE', color: 90 },
  20: { name: 'DEBUG', color: 36 },
  30: { name: 'INFO', color: 32 },
  40: { name: 'WARN', color: 33 },
  50: { name: 'ERROR', color: 31 },
  60: { name: 'FATAL', color: 35 },
};

/** Fields every line has, or that the line shows in its own way. */
const SHOWN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime', 'err']);

const paint = (on: boolean, code: number, text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

function clock(time: LogEntry['time']): string {
  const date = time === undefined ? new Date() : new Date(time);
  return Number.isNaN(date.getTime())
    ? String(time)
    : date.toTimeString().slice(0, 8) + `.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

function value(v: unknown): string {
  if (typeof v === 'string') return /[\s"=]/.test(v) || v === '' ? JSON.stringify(v) : v;
  return JSON.stringify(v);
}

/**
 * One entry as a readable line: time, level, message, the request's method,
 * URL, status and time, its other fields as key=value (not with `fields:
 * false`), its request id; an error's stack below it.
 */
export function prettyLine(entry: LogEntry, options: { colors?: boolean; fields?: boolean } = {}): string {
  const colors = options.colors ?? false;
  const level = LEVELS[entry.level] ?? { name: String(entry.level), color: 0 };
  const head = `${paint(colors, 90, clock(entry.time))} ${paint(colors, level.color, level.name.padEnd(5))} ${entry.msg ?? ''}`;
  const parts: string[] = [];
  const req = entry.req as { method?: string; url?: string } | undefined;
  if (req?.method) parts.push(`${req.method} ${req.url ?? ''}`);
  const res = entry.res as { statusCode?: number } | undefined;
  if (res?.statusCode !== undefined) parts.push(String(res.statusCode));
  if (typeof entry.responseTime === 'number') parts.push(`${entry.responseTime.toFixed(1)} ms`);
  const fields = Object.entries(entry)
    .filter(([k, v]) => options.fields !== false && !SHOWN.has(k) && v !== undefined)
    .map(([k, v]) => `${k}=${value(v)}`);
  if (fields.length > 0) parts.push(paint(colors, 90, fields.join(' ')));
  if (entry.reqId !== undefined) parts.push(paint(colors, 90, `[${String(entry.reqId)}]`));
  let line = [head, ...parts].join('  ');
  const err = entry.err as { stack?: string; message?: string } | undefined;
  if (err) line += `\n    ${(err.stack ?? err.message ?? '').split('\n').join('\n    ')}`;
  return line;
}

/** The entry a line holds, or undefined for one that is not JSON or not an entry (a number, a list, an object without a level). */
function logEntry(raw: string): LogEntry | undefined {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return undefined;
  }
  return isLogEntry(v) ? v : undefined;
}

const isLogEntry = (v: unknown): v is LogEntry =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'level' in v && typeof v.level === 'number';

/** A destination for pino that writes each JSON line it gets to `out` as a readable one. */
export function prettyStream(out: { write(text: string): unknown }, options: PrettyOptions = {}) {
  const colors = options.colors ?? false;
  return {
    write(chunk: string): void {
      for (const raw of chunk.split('\n')) {
        if (!raw) continue;
        const entry = logEntry(raw);
        if (!entry) {
          out.write(`${raw}\n`);
          continue;
        }
        // A block of its own shows the entry's fields: the line keeps its message only.
        const block = options.render?.(entry);
        out.write(`${prettyLine(entry, { colors, fields: !block })}\n${block ? `${block}\n` : ''}`);
      }
    },
  };
}
