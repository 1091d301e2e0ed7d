/**
 * A real SMTP server (the `smtp-server` package) on a loopback port, for the
 * tests and the browser journeys: it keeps what it receives, and refuses the
 * recipients `refuse` names at RCPT TO, with a 550 as a mail server refuses an
 * unknown mailbox.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Caught {
  from: string;
  to: string[];
  subject: string;
  /** the whole message as it arrived, headers and all */
  raw: string;
  /** the text as a reader sees it (quoted-printable undone) */
  body: string;
  at: string;
}

export interface SmtpServerOptions {
  port?: number;
  /** recipients to refuse, e.g. `(a) => a.startsWith('bounce')` */
  refuse?: (address: string) => boolean;
  /** where to keep what arrives (a new array by default) */
  into?: Caught[];
}

/** The text of a message as a reader sees it (undoing quoted-printable if the mailer used it). */
export function bodyOf(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(head)) return body;
  return body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export async function startSmtpServer(options: SmtpServerOptions = {}) {
  const received = options.into ?? [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!options.refuse?.(address.address)) return callback();
      callback(Object.assign(new Error(`5.1.1 <${address.address}>: no such mailbox`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? '',
          raw,
          body: bodyOf(raw),
          at: new Date().toISOString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    received,
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}
