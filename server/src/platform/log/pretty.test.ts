/** LOG_FORMAT=pretty: each JSON line made readable, nothing lost that a person needs. */
import { describe, expect, it } from 'vitest';
import { prettyLine, prettyStream } from './pretty.ts';

const at = '2026-05-04T10:11:12.345Z';
const local = new Date(at).toTimeString().slice(0, 8);

describe('pretty log lines', () => {
  it('shows time, level, message, the request and the other fields', () => {
    expect(
      prettyLine({
        level: 30,
        time: at,
        msg: 'incoming request',
        reqId: 'req-7',
        req: { method: 'GET', url: '/invitations/[redacted]' },
      }),
    ).toBe(`${local}.345 INFO  incoming request  GET /invitations/[redacted]  [req-7]`);
    expect(
      prettyLine({
        level: 30,
        time: at,
        msg: 'request completed',
        reqId: 'req-7',
        res: { statusCode: 200 },
        responseTime: 3.14159,
      }),
    ).toBe(`${local}.345 INFO  request completed  200  3.1 ms  [req-7]`);
    expect(
      prettyLine({
        level: 40,
        time: at,
        msg: 'mail not sent',
        pid: 1,
        hostname: 'h',
        mail: { id: 'm1', attempt: 2 },
        note: 'two words',
      }),
    ).toBe(`${local}.345 WARN  mail not sent  mail={"id":"m1","attempt":2} note="two words"`);
  });

  it('puts an error’s stack below its line, and colours only when asked', () => {
    const line = prettyLine(
      {
        level: 50,
        time: at,
        msg: 'unhandled error',
        err: { message: 'boom', stack: 'Error: boom\n    at x (y.ts:1:1)' },
      },
      { colors: true },
    );
    expect(line).toContain('\x1b[31mERROR\x1b[0m');
    expect(line.split('\n')).toEqual([
      expect.stringContaining('unhandled error'),
      '    Error: boom',
      '        at x (y.ts:1:1)',
    ]);
  });

  it('writes a block below an entry instead of its fields, and passes a line that is not a JSON entry as it is', () => {
    const out: string[] = [];
    const stream = prettyStream(
      { write: (s: string) => out.push(s) },
      { render: (e) => (e.box ? '[box]' : undefined) },
    );
    stream.write(`${JSON.stringify({ level: 40, time: at, msg: 'with a box', box: [1, 2] })}\n`);
    stream.write('plain words\n');
    stream.write('42\nnull\n[1,2]\n{"msg":"no level"}\n');
    expect(out.join('')).toBe(`${local}.345 WARN  with a box\n[box]\nplain words\n42\nnull\n[1,2]\n{"msg":"no level"}\n`);
  });
});
