/**
 * A co-op admin (or a coordinator) invites a worker or a fellow admin by
 * e-mail. The invited person appears at once in the co-op's list as
 * 'invited' (a person row with no password), which is also what an import
 * creates; accepting the link (auth module) makes them active.
 */
import type { InvitationInput } from '@coopnet/contract/people';
import type { PageQuery } from '@coopnet/contract';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { conflict } from '../../platform/errors.ts';
import { coopForPeople } from './coop-access.ts';
import { listInvitations } from './invitations.repository.ts';
import { invite } from './invite.ts';
import { presentInvitation } from './people.presenter.ts';
import * as repo from './people.repository.ts';

const alreadyMember = (here: boolean) =>
  conflict(
    'people.already_member',
    here
      ? 'This person is already a worker of this co-op; to make them admin, give them the role instead.'
      : 'This person is already an active worker of another co-op.',
  );
const alreadyRegistered = () =>
  conflict('people.already_registered', 'This e-mail already belongs to an account in the network.');

export function invitationsService({ db, config, mailer, network: settings }: AppDeps) {
  async function create(actorIn: MaybeActor, coopId: string, input: InvitationInput) {
    const { actor, coop } = await coopForPeople(db, actorIn, coopId, 'manage');
    let result;
    try {
      result = await db.transaction().execute(async (trx) => {
        const now = nowIso();
        const existing = await repo.findPersonByEmail(trx, input.email);
        if (existing?.status === 'active')
          throw existing.coop_id ? alreadyMember(existing.coop_id === coop.id) : alreadyRegistered();
        if (existing?.status === 'invited' && existing.coop_id !== coop.id) {
          throw conflict(
            'people.invited_elsewhere',
            'This person has a pending invitation from another co-op; that co-op can withdraw it by removing them.',
          );
        }
        if (!existing) {
          const id = newId();
          await repo.insertPeople(trx, [
            {
              id,
              email: input.email,
              display_name: input.displayName,
              password_hash: null,
              coop_id: coop.id,
              supporter: 0,
              status: 'invited',
              locale: null,
              created_at: now,
              updated_at: now,
              left_at: null,
            },
          ]);
          await recordAudit(trx, {
            actorId: actor.personId,
            action: 'worker.invited',
            subjectType: 'person',
            subjectId: id,
            coopId: coop.id,
            after: { email: input.email, displayName: input.displayName, status: 'invited' },
          });
        } else if (existing.status === 'left') {
          // Someone who left (this co-op or another) comes back through a new invitation.
          await repo.updatePerson(trx, existing.id, {
            status: 'invited',
            coop_id: coop.id,
            left_at: null,
            updated_at: now,
          });
          await recordAudit(trx, {
            actorId: actor.personId,
            action: 'worker.invited',
            subjectType: 'person',
            subjectId: existing.id,
            coopId: coop.id,
            before: { status: 'left', coopId: existing.coop_id },
            after: { status: 'invited', coopId: coop.id },
          });
        }
        // Otherwise they are already invited here: a new link is sent, the old ones keep working until they expire.
        const network = await settings.get(trx);
        return invite(
          trx,
          { secret: config.sessionSecret, publicUrl: config.publicUrl, delivers: mailer.delivers },
          {
            email: input.email,
            displayName: input.displayName,
            coopId: coop.id,
            coopName: coop.name,
            role: input.role,
            invitedBy: actor.personId,
            networkName: network.name,
            locale: network.locale,
          },
        );
      });
    } catch (err) {
      // Someone took the e-mail between our look-up and the insert.
      if (repo.isUniqueViolation(err)) throw alreadyRegistered();
      throw err;
    }
    void mailer.flush().catch(() => {});
    // The link goes only to the invited address: whoever holds it could make an account in that person's name.
    return { id: result.id, email: input.email, mailed: mailer.delivers };
  }

  async function list(actor: MaybeActor, coopId: string, page: PageQuery) {
    const { coop } = await coopForPeople(db, actor, coopId, 'read');
    const { rows, total } = await listInvitations(db, coop.id, page);
    return { items: rows.map(presentInvitation), total, limit: page.limit, offset: page.offset };
  }

  return { create, list };
}
