/**
 * A co-op's workers: the list, removing a worker, and the co-op roles
 * (cashier, co-op admin) its admins hand out. Also owns the "worker left"
 * moment that other modules react to.
 */
import type { WorkerListQuery } from '@coopnet/contract/people';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { deleteSessionsOf } from '../../platform/auth/sessions.repository.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { coopForPeople } from './coop-access.ts';
import { expirePendingInvitations } from './invitations.repository.ts';
import { peoplePolicy } from './people.policy.ts';
import { presentWorker } from './people.presenter.ts';
import * as repo from './people.repository.ts';

export interface WorkerLeftEvent {
  personId: string;
  coopId: string;
  /** who did it: a co-op admin or coordinator, or the worker themselves */
  actorId: string;
  reason: 'removed' | 'left';
  at: string;
}

export type WorkerLeftListener = (trx: Tx, event: WorkerLeftEvent) => Promise<void>;

// A Set: buildApp runs many times in one process (tests), and the same listener registered again must still run once.
const workerLeftListeners = new Set<WorkerLeftListener>();

/**
 * When a worker leaves their co-op (removed by it, or leaving the network
 * themselves) their member card must die: the cards module's listener is
 * registered at start-up (wiring.ts).
 *
 * Listeners run inside the transaction of the leaving, so the card is revoked
 * together with it or not at all; a listener that throws undoes the leaving.
 * Returns a function that removes the listener (for tests).
 */
export function onWorkerLeft(listener: WorkerLeftListener): () => void {
  workerLeftListeners.add(listener);
  return () => {
    workerLeftListeners.delete(listener);
  };
}

export async function emitWorkerLeft(trx: Tx, event: WorkerLeftEvent): Promise<void> {
  for (const listener of workerLeftListeners) await listener(trx, event);
}

/** Signs a person out everywhere: sessions deleted, API tokens revoked. */
export async function signOutEverywhere(trx: Tx, personId: string, at: string): Promise<void> {
  await deleteSessionsOf(trx, personId);
  await repo.revokeApiTokensOf(trx, personId, at);
}

/**
 * The rest of a person's leaving, in the caller's transaction once their row
 * says 'left' and their roles are gone: signed out everywhere, the worker-left
 * hook told (their card dies with it), and the audit event — 'person.left'
 * when they left by themselves, 'worker.removed' when their co-op removed them.
 */
export async function recordLeaving(
  trx: Tx,
  l: { person: { id: string; status: string }; coopId: string | null; actorId: string; reason: 'left' | 'removed'; roles: unknown; at: string },
): Promise<void> {
  await signOutEverywhere(trx, l.person.id, l.at);
  if (l.coopId) await emitWorkerLeft(trx, { personId: l.person.id, coopId: l.coopId, actorId: l.actorId, reason: l.reason, at: l.at });
  await recordAudit(trx, {
    actorId: l.actorId,
    action: l.reason === 'left' ? 'person.left' : 'worker.removed',
    subjectType: 'person',
    subjectId: l.person.id,
    coopId: l.coopId,
    before: { status: l.person.status, roles: l.roles },
    after: { status: 'left', leftAt: l.at },
  });
}

const lastAdmin = () =>
  conflict('people.last_admin', 'This is the last admin of the co-op; make someone else admin first.');

export function peopleService({ db, dialect }: AppDeps) {
  async function list(actor: MaybeActor, coopId: string, q: WorkerListQuery) {
    const { coop } = await coopForPeople(db, actor, coopId, 'read');
    const { rows, total } = await repo.listWorkers(db, coop.id, q);
    const roles = await repo.coopRolesOf(
      db,
      coop.id,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => presentWorker(r, roles.get(r.id) ?? [])), total, limit: q.limit, offset: q.offset };
  }

  /** The person, if they are (or were) a worker of this co-op; anyone else is "no such worker". */
  async function workerOf(trx: Tx, coopId: string, personId: string) {
    const person = await repo.findPerson(trx, personId);
    if (!person || person.coop_id !== coopId) throw notFound('worker');
    return person;
  }

  async function present(trx: Tx, coopId: string, personId: string) {
    const person = (await repo.findPerson(trx, personId))!;
    const roles = await repo.coopRolesOf(trx, coopId, [personId]);
    return presentWorker(person, roles.get(personId) ?? []);
  }

  /** The co-op removes a worker: they leave, lose their roles there, are signed out, and their card dies. */
  async function remove(actorIn: MaybeActor, coopId: string, personId: string) {
    const { actor, coop } = await coopForPeople(db, actorIn, coopId, 'manage');
    return db.transaction().execute(async (trx) => {
      await repo.lockCoop(trx, dialect, coop.id);
      const person = await workerOf(trx, coop.id, personId);
      if (person.status === 'left') throw conflict('people.already_left', 'This worker has already left the co-op.');
      const roles = (await repo.coopRolesOf(trx, coop.id, [person.id])).get(person.id) ?? [];
      if (roles.includes('coop_admin') && !peoplePolicy.mayLoseAdmin(await repo.countActiveAdmins(trx, coop.id)))
        throw lastAdmin();
      const at = nowIso();
      await repo.updatePerson(trx, person.id, { status: 'left', left_at: at, updated_at: at });
      await repo.deleteCoopRoles(trx, person.id, coop.id);
      // An invited worker's unused link must not bring them back.
      await expirePendingInvitations(trx, person.email, coop.id, at);
      await recordLeaving(trx, { person, coopId: coop.id, actorId: actor.personId, reason: 'removed', roles, at });
      return present(trx, coop.id, person.id);
    });
  }

  async function grantRole(actorIn: MaybeActor, coopId: string, personId: string, role: 'coop_admin' | 'cashier') {
    const { actor, coop } = await coopForPeople(db, actorIn, coopId, 'manage');
    return db.transaction().execute(async (trx) => {
      const person = await workerOf(trx, coop.id, personId);
      if (person.status !== 'active')
        throw conflict('people.not_active', 'Only an active worker of the co-op can hold a role there.');
      if (await repo.hasCoopRole(trx, person.id, role, coop.id))
        throw conflict('people.role_already_granted', `This worker is already ${role}.`);
      await repo.insertRoleGrant(trx, person.id, role, coop.id, nowIso());
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'role.granted',
        subjectType: 'person',
        subjectId: person.id,
        coopId: coop.id,
        after: { role, coopId: coop.id },
      });
      return present(trx, coop.id, person.id);
    });
  }

  async function revokeRole(actorIn: MaybeActor, coopId: string, personId: string, role: 'coop_admin' | 'cashier') {
    const { actor, coop } = await coopForPeople(db, actorIn, coopId, 'manage');
    return db.transaction().execute(async (trx) => {
      await repo.lockCoop(trx, dialect, coop.id);
      const person = await workerOf(trx, coop.id, personId);
      if (!(await repo.hasCoopRole(trx, person.id, role, coop.id))) throw notFound('role');
      if (role === 'coop_admin' && !peoplePolicy.mayLoseAdmin(await repo.countActiveAdmins(trx, coop.id)))
        throw lastAdmin();
      await repo.deleteRoleGrant(trx, person.id, role, coop.id);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'role.revoked',
        subjectType: 'person',
        subjectId: person.id,
        coopId: coop.id,
        before: { role, coopId: coop.id },
      });
      return present(trx, coop.id, person.id);
    });
  }

  return { list, remove, grantRole, revokeRole };
}
