/**
 * The server the browser journeys run against: a fresh data folder with the
 * demo network, and a real SMTP server that catches the mail Coopnet sends
 * (its messages readable as JSON on MAILBOX_PORT, for the tests to open links)
 * and refuses addresses starting with "bounce".
 */
import { createServer } from 'node:http';
import { startSmtpServer } from '../server/test/smtp-server.ts';
import { tempDir } from './temp-dir.ts';

const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
const SMTP_PORT = APP_PORT + 25;
const MAILBOX_PORT = APP_PORT + 26;

// Addresses starting with "bounce" are refused, as a mail server refuses an unknown mailbox.
const smtp = await startSmtpServer({ port: SMTP_PORT, refuse: (address) => address.startsWith('bounce') });

createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(smtp.received));
}).listen(MAILBOX_PORT, '127.0.0.1');

const dataDir = tempDir('data');
Object.assign(process.env, {
  DATA_DIR: dataDir,
  PORT: String(APP_PORT),
  HOST: '127.0.0.1',
  PUBLIC_URL: `http://localhost:${APP_PORT}`,
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  SEED_DEMO: 'true',
  // Every request logged, to a file (playwright.config.ts), which the run searches for secrets at its end.
  LOG_LEVEL: 'info',
  LOG_FORMAT: 'json',
  RATE_LIMIT_MAX: '100000',
  RATE_LIMIT_ACCOUNT_MAX: '100000',
  LOGIN_RATE_LIMIT_MAX: '1000',
  // Votes close within two seconds of their closing time (governance.spec.ts waits for it).
  GOVERNANCE_TICK_SECONDS: '2',
  MAP_TILE_URL: `http://localhost:${APP_PORT}/tiles/{z}/{x}/{y}.png`,
});
await import('../server/src/main.ts');
