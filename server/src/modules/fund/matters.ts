/**
 * The fund's matter, put to a vote through governance's matters seam
 * (registered at start-up, server/src/wiring.ts): 'fund_application' decides
 * an application above the fund committee's bands. When the proposal passes,
 * the application is approved — for a treasurer to pay.
 */
import { z } from 'zod';
import { centsToDecimal } from '@coopnet/domain/money/decimal';
import { nowIso } from '../../platform/clock.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { type MatterDefinition, notify } from '../governance/index.ts';
import { approveByVoteIn } from './application-steps.ts';
import * as repo from './applications.repository.ts';

const Subject = z.strictObject({ applicationId: z.uuid() });
type Subject = z.infer<typeof Subject>;

const KIND_WORDS: Record<string, string> = {
  emergency_grant: 'an emergency grant',
  loan: 'a loan',
  seed_capital: 'seed capital',
  programme: 'programme funding',
};

export const fundApplicationMatter: MatterDefinition<Subject> = {
  matter: 'fund_application',
  subject: Subject,
  oneAtATime: true,
  async check(ex, { applicationId }) {
    const a = await repo.findApplication(ex, applicationId);
    if (!a) throw badRequest('fund.unknown_application', 'There is no such application to the fund.');
    if (a.track !== 'assembly')
      throw conflict('fund.committee_decides', 'The fund committee decides this application, not the assembly.');
    if (a.status !== 'open')
      throw conflict('fund.not_open', 'This application has been decided.', { status: a.status });
  },
  async describe({ applicationId }, ex) {
    const a = await repo.findApplication(ex, applicationId);
    return a
      ? `Give ${a.coop_name} ${KIND_WORDS[a.kind] ?? 'money'} of ${centsToDecimal(Number(a.amount_cents))} from the solidarity fund`
      : 'An application to the solidarity fund';
  },
  async apply(trx, ctx, { applicationId }) {
    const a = await approveByVoteIn(trx, applicationId, ctx.proposal.id, ctx.actorId, nowIso());
    await notify(trx, ctx.deps, {
      personIds: [a.applied_by],
      kind: 'fund_application.approved',
      subjectId: applicationId,
      data: { kind: a.kind, amountCents: Number(a.amount_cents) },
      mail: {
        template: 'fundApplicationApproved',
        vars: {
          kind: a.kind,
          amountCents: Number(a.amount_cents),
          link: `${ctx.deps.config.publicUrl}/fund/applications/${applicationId}`,
        },
      },
    });
  },
};

export const fundMatters = [fundApplicationMatter];
