/**
 * Admitting a co-op: the application is marked admitted, the co-op becomes a
 * member, and its contact is invited to be its first admin — all in the
 * caller's transaction. Admission is a decision of the network: it runs when
 * an admission proposal passes (matters.ts).
 */
import type { Executor, Tx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import * as repo from './coops.repository.ts';

/** Who the first admin of an admitted co-op is, for the invitation people make. */
export interface FirstAdmin {
  email: string;
  displayName: string;
  coopId: string;
  coopName: string;
  invitedBy: string | null;
  networkName: string;
  locale: string;
}

/**
 * Inviting the first admin is people's work, and people stand above co-ops
 * (they use co-ops, not the other way): wiring.ts hands it in at start-up.
 */
export type FirstAdminInvitation = (trx: Tx, deps: Pick<AppDeps, 'config' | 'mailer'>, admin: FirstAdmin) => Promise<{ id: string }>;

let inviteFirstAdmin: FirstAdminInvitation | undefined;

export function provideFirstAdminInvitation(make: FirstAdminInvitation): void {
  inviteFirstAdmin = make;
}

/**
 * Modules above co-ops that must know when a co-op is admitted (a venture
 * becomes a member): called in the admitting transaction, wired in wiring.ts.
 */
export type AdmittedListener = (trx: Tx, coopId: string, actorId: string | null) => Promise<void>;

const admittedListeners = new Set<AdmittedListener>();

export function onCoopAdmitted(listener: AdmittedListener): void {
  admittedListeners.add(listener);
}

/** The pending application of an applicant co-op, if it has one. */
export async function pendingApplicationOf(ex: Executor, coopId: string) {
  return repo.findPendingApplicationOfCoop(ex, coopId);
}

/**
 * `actorId` is who decided (null when a vote did); `proposalId` names the
 * proposal that decided it, for the audit log.
 */
export async function admitApplication(
  trx: Tx,
  deps: Pick<AppDeps, 'config' | 'mailer' | 'network'>,
  applicationId: string,
  actorId: string | null,
  via: { proposalId?: string } = {},
): Promise<{ coopId: string; invitationId: string }> {
  const application = await repo.findApplication(trx, applicationId);
  if (!application) throw notFound('application');
  const now = nowIso();
  // Conditional update: two deciders at once admit once.
  if (!(await repo.decidePending(trx, applicationId, { status: 'admitted', decided_by: actorId, decided_at: now }))) {
    throw conflict('application.already_decided', 'This application was already decided.');
  }
  const coop = (await repo.findById(trx, application.coop_id))!;
  if (coop.status !== 'applicant') throw conflict('coop.not_applicant', `A co-op that is ${coop.status} cannot be admitted.`);
  await repo.updateCoop(trx, coop.id, { status: 'member', admitted_at: now, updated_at: now });
  const network = await deps.network.get(trx);
  if (!inviteFirstAdmin) throw new Error('No way to invite a co-op\'s first admin: wireModules() (server/src/wiring.ts) was not called.');
  const invitation = await inviteFirstAdmin(trx, deps, {
    email: application.contact_email,
    displayName: application.contact_name,
    coopId: coop.id,
    coopName: coop.name,
    invitedBy: actorId,
    networkName: network.name,
    locale: network.locale,
  });
  for (const listener of admittedListeners) await listener(trx, coop.id, actorId);
  const decidedBy = via.proposalId ? { proposalId: via.proposalId } : {};
  await recordAudit(trx, { actorId, action: 'application.admitted', subjectType: 'application', subjectId: applicationId, coopId: coop.id, before: { status: 'pending' }, after: { status: 'admitted', ...decidedBy } });
  await recordAudit(trx, { actorId, action: 'coop.admitted', subjectType: 'coop', subjectId: coop.id, coopId: coop.id, before: { status: coop.status }, after: { status: 'member', ...decidedBy } });
  return { coopId: coop.id, invitationId: invitation.id };
}
