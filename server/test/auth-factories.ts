/** Factories for account tests: invitations, people an import created, mail read back from the outbox. */
import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../src/deps.ts';
import { newId, nowIso } from '../src/platform/clock.ts';
import { invite } from '../src/modules/people/invite.ts';
import { tableCounts } from './factories.ts';

export async function makeInvitation(
  deps: AppDeps,
  o: {
    email?: string;
    displayName?: string;
    coopId?: string | null;
    coopName?: string | null;
    role?: 'worker' | 'coop_admin' | 'coordinator';
  } = {},
) {
  const email = o.email ?? `invited-${randomBytes(4).toString('hex')}@example.org`;
  const { id, link } = await deps.db.transaction().execute((trx) =>
    invite(
      trx,
      { secret: deps.config.sessionSecret, publicUrl: deps.config.publicUrl, delivers: deps.mailer.delivers },
      {
        email,
        displayName: o.displayName ?? 'Invited Person',
        coopId: o.coopId ?? null,
        coopName: o.coopName ?? null,
        role: o.role ?? 'worker',
        invitedBy: null,
        networkName: 'Coopnet',
        locale: 'en',
      },
    ),
  );
  return { id, email, link, token: link.split('/').pop()! };
}

/** A person as a CSV import leaves them: 'invited', no password yet. */
export async function makeInvitedPerson(
  deps: AppDeps,
  o: { email: string; coopId: string | null; displayName?: string },
) {
  const id = newId();
  const now = nowIso();
  await deps.db
    .insertInto('people')
    .values({
      id,
      email: o.email,
      display_name: o.displayName ?? 'Imported Person',
      password_hash: null,
      coop_id: o.coopId,
      supporter: 0,
      status: 'invited',
      locale: null,
      created_at: now,
      updated_at: now,
      left_at: null,
    })
    .execute();
  return { id, email: o.email };
}

/** tableCounts plus the account tables, to check that a refused request changed nothing. */
export async function accountCounts(deps: AppDeps): Promise<Record<string, number>> {
  const out = await tableCounts(deps);
  for (const t of ['sessions', 'password_resets', 'pending_signups'] as const) {
    const r = await deps.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  const used = await deps.db
    .selectFrom('password_resets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('used_at', 'is not', null)
    .executeTakeFirstOrThrow();
  out.password_resets_used = Number(used.n);
  const revoked = await deps.db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('revoked_at', 'is not', null)
    .executeTakeFirstOrThrow();
  out.api_tokens_revoked = Number(revoked.n);
  return out;
}

/** The mails sent to an address, newest first. */
export async function mailsTo(deps: AppDeps, address: string) {
  return deps.db
    .selectFrom('outbox_mail')
    .selectAll()
    .where('to_address', '=', address)
    .orderBy('created_at', 'desc')
    .execute();
}

/** The token at the end of the first `<publicUrl>/<path>/<token>` link in a text. */
export function tokenInLink(text: string, path: 'reset-password' | 'invitations' | 'sign-up'): string | null {
  return text.match(new RegExp(`/${path}/([A-Za-z0-9_-]+)`))?.[1] ?? null;
}
