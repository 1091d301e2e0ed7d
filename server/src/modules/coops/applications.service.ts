/**
 * Applications to join. A visitor applies for a co-op (it is recorded as an
 * applicant); a coordinator may reject it; admitting it is a decision of the
 * body the bylaws name, taken by a vote (admission.ts does the admitting when
 * the admission proposal passes).
 */
import type { ApplicationInput } from '@coopnet/contract/coops';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { queueMail } from '../../platform/mail/outbox.repository.ts';
import { mailText } from '../../platform/mail/templates.ts';
import { currentBylaws } from '../governance/index.ts';
import { admitApplication } from './admission.ts';
import { submitApplicationIn } from './application-submit.ts';
import { coopPolicy } from './coops.policy.ts';
import * as repo from './coops.repository.ts';

export function applicationsService({ db, config, mailer, network: settings }: AppDeps) {
  async function apply(input: ApplicationInput) {
    const { id, coopId } = await db.transaction().execute((trx) => submitApplicationIn(trx, { network: settings }, input));
    void mailer.flush().catch(() => {});
    return { id, status: 'pending' as const, coopId };
  }

  async function list(actor: MaybeActor, q: { status?: string; limit: number; offset: number }) {
    authorize(actor, coopPolicy.listApplications(actor));
    const { rows, total } = await repo.listApplications(db, q);
    return {
      items: rows.map((r) => ({
        id: r.id,
        status: r.status,
        contactName: r.contact_name,
        contactEmail: r.contact_email,
        message: r.message,
        createdAt: r.created_at,
        decidedAt: r.decided_at,
        decisionNote: r.decision_note,
        coop: { id: r.coop_id, name: r.coop_name, slug: r.coop_slug, sector: r.coop_sector, city: r.coop_city, workerCount: Number(r.coop_worker_count) },
      })),
      total,
      limit: q.limit,
      offset: q.offset,
    };
  }

  async function pending(actor: MaybeActor, id: string) {
    authorize(actor, coopPolicy.decideApplication(actor));
    const application = await repo.findApplication(db, id);
    if (!application) throw notFound('application');
    if (application.status !== 'pending') throw conflict('application.already_decided', `This application was already ${application.status}.`);
    return { actor, application };
  }

  /**
   * The coordinators' shortcut of the foundation. Admission is now a decision
   * of the body the bylaws name: put it to a vote (POST /proposals with
   * matter 'admission'); the co-op is admitted when that proposal passes.
   */
  async function admit(actorIn: MaybeActor, id: string) {
    const { actor } = await pending(actorIn, id);
    const { bylaws } = await currentBylaws(db);
    const rule = bylaws.matters.admission;
    if (rule) {
      throw conflict('application.decided_by_vote', `Admission is decided by a vote of the ${rule.body}: put this application to a vote.`, { body: rule.body });
    }
    const result = await db.transaction().execute((trx) => admitApplication(trx, { config, mailer, network: settings }, id, actor.personId));
    void mailer.flush().catch(() => {});
    return { id, status: 'admitted' as const, ...result };
  }

  async function reject(actorIn: MaybeActor, id: string, reason: string) {
    const { actor, application } = await pending(actorIn, id);
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      if (!(await repo.decidePending(trx, id, { status: 'rejected', decided_by: actor.personId, decided_at: now, decision_note: reason }))) throw conflict('application.already_decided', 'This application was already decided.');
      const coop = (await repo.findById(trx, application.coop_id))!;
      await repo.updateCoop(trx, coop.id, { status: 'rejected', updated_at: now });
      const network = await settings.get(trx);
      await queueMail(trx, {
        to: application.contact_email,
        ...mailText(network.locale, 'applicationRejected', { name: application.contact_name, coop: coop.name, network: network.name, reason }),
      });
      await recordAudit(trx, { actorId: actor.personId, action: 'application.rejected', subjectType: 'application', subjectId: id, coopId: coop.id, before: { status: 'pending' }, after: { status: 'rejected', reason } });
    });
    void mailer.flush().catch(() => {});
    return { id, status: 'rejected' as const };
  }

  return { apply, list, admit, reject };
}
