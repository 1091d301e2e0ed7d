/**
 * notify(): the one way governance tells people something — a row in their
 * notifications and, when asked, a mail — written in the caller's
 * transaction so a notice exists exactly when the change it reports does.
 * The mailer sends queued mail after commit (deps.mailer.flush()).
 */
import type { Executor } from '../../../db/database.ts';
import type { AppDeps } from '../../../deps.ts';
import { newId, nowIso } from '../../../platform/clock.ts';
import { type MailMessage, queueMails } from '../../../platform/mail/outbox.repository.ts';
import { type MailTemplate, mailText } from '../../../platform/mail/templates.ts';
import { insertNotifications, recipients } from './notifications.repository.ts';

export interface Notice {
  personIds: string[];
  kind: string;
  subjectId: string;
  data: Record<string, unknown>;
  mail?: { template: MailTemplate; vars: Record<string, string | number> };
}

/** `deps` gives the network's settings, and what a later channel (push, webhooks) will need. */
export async function notify(trx: Executor, deps: AppDeps, n: Notice): Promise<void> {
  const personIds = [...new Set(n.personIds)];
  if (personIds.length === 0) return;
  const now = nowIso();
  const dataJson = JSON.stringify(n.data);
  await insertNotifications(
    trx,
    personIds.map((personId) => ({ id: newId(), person_id: personId, kind: n.kind, subject_id: n.subjectId, data_json: dataJson, created_at: now, read_at: null })),
  );
  if (!n.mail) return;
  const { template, vars } = n.mail;
  const network = await deps.network.get(trx);
  const people = await recipients(trx, personIds);
  const messages: MailMessage[] = people.map((p) => ({
    to: p.email,
    // The person's own language when they chose one, else the network's.
    ...mailText(p.locale ?? network.locale, template, { network: network.name, currency: network.currency, name: p.display_name, ...vars }, network.timeZone),
  }));
  await queueMails(trx, messages);
}
