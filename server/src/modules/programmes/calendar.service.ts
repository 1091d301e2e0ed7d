/**
 * A person's shifts as an iCalendar feed, reached by a private link so a
 * phone's calendar subscribes without a session. The link's secret is shown
 * once; only its SHA-256 is kept. Making a new link ends the old one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { programmes as rules } from '@coopnet/domain';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import * as repo from './programmes.repository.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const MONTH_MS = 31 * 24 * 3_600_000;

export function calendarService({ db }: AppDeps) {
  async function newLink(actor: MaybeActor) {
    authorize(actor, !!actor);
    const token = randomBytes(32).toString('base64url');
    await db.transaction().execute(async (trx) => {
      await repo.saveCalendarLink(trx, actor.personId, hash(token), nowIso());
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'programme.calendar_link_made',
        subjectType: 'person',
        subjectId: actor.personId,
      });
    });
    return { token, path: `/api/v1/programmes/calendar/${token}.ics` };
  }

  async function feed(file: string, host: string): Promise<string> {
    const owner = await repo.calendarOwner(db, hash(file.replace(/\.ics$/, '')));
    if (!owner) throw notFound('calendar');
    const from = new Date(Date.now() - MONTH_MS).toISOString();
    const shifts = await repo.shiftsOf(db, owner.id, from);
    return rules.calendar(
      shifts.map((s) => ({
        id: s.id,
        title: s.title,
        programme: s.programme,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
      })),
      { name: 'Coopnet shifts', host, stamp: nowIso() },
    );
  }

  return { newLink, feed };
}
