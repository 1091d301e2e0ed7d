/**
 * The server the browser journeys run against: a fresh data folder with the
 * demo network, and a real SMTP server that catches the mail Coopnet sends
 * (its messages readable as JSON on MAILBOX_PORT, for the tests to open links).
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
const SMTP_PORT = APP_PORT + 25;
const MAILBOX_PORT = APP_PORT + 26;

interface Caught {
  to: string[];
  raw: string;
  at: string;
}
const mailbox: Caught[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    let raw = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (raw += chunk));
    stream.on('end', () => {
      mailbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, at: new Date().toISOString() });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(SMTP_PORT, '127.0.0.1', resolve));

createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(mailbox));
}).listen(MAILBOX_PORT, '127.0.0.1');

const dataDir = mkdtempSync(join(tmpdir(), 'coopnet-e2e-'));
Object.assign(process.env, {
  DATA_DIR: dataDir,
  PORT: String(APP_PORT),
  HOST: '127.0.0.1',
  PUBLIC_URL: `http://localhost:${APP_PORT}`,
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  SEED_DEMO: 'true',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_MAX: '100000',
  RATE_LIMIT_ACCOUNT_MAX: '100000',
  LOGIN_RATE_LIMIT_MAX: '1000',
  // Votes close within two seconds of their closing time (governance.spec.ts waits for it).
  GOVERNANCE_TICK_SECONDS: '2',
  MAP_TILE_URL: `http://localhost:${APP_PORT}/tiles/{z}/{x}/{y}.png`,
});
await import('../server/src/main.ts');
