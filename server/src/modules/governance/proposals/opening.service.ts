/**
 * Opening a vote freezes everything it will be counted on: the rule (from the
 * bylaws in force), the body and its electorate with each elector's weight,
 * and the lot — a random seed whose sha256 is published now and the seed
 * itself only at the close, so no one can know how a tie will fall.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { MatterRule } from '@coopnet/domain/governance/bylaws';
import type { Tx } from '../../../db/database.ts';
import type { ElectorateTable } from '../../../db/schema-governance.ts';
import type { AppDeps } from '../../../deps.ts';
import { type MaybeActor, isCoordinator } from '../../../platform/auth/actor.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { recordAudit } from '../../../platform/audit/audit.repository.ts';
import { nowIso } from '../../../platform/clock.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { createBox } from '../ballots/ballots.repository.ts';
import { activeMembers, bodyOfKind } from '../bodies/bodies.repository.ts';
import { coopAdmins, insertElectorate } from '../bodies/electorate.repository.ts';
import { findMatter } from '../matters.ts';
import { notify } from '../notifications/notifications.ts';
import { bodyForRule, loadVisible, ruleOf, showProposal } from './proposal-view.ts';
import { proposalPolicy } from './proposals.policy.ts';
import { updateProposalFrom } from './proposals.repository.ts';
import { checkOptions } from './proposals.service.ts';
import { storedOptions, subjectFor } from './stored.ts';

const HOUR = 3_600_000;

/**
 * Who votes, by the rule's basis. member: every active member of the body,
 * one vote each. coop: one vote per co-op with members in the body, cast by
 * its first active council delegate, else its first co-op admin, else its
 * first member in the body. weighted: as coop, the vote weighing the co-op's
 * number of workers.
 */
async function freezeElectorate(trx: Tx, proposalId: string, rule: MatterRule, body: { id: string; kind: string }, now: string): Promise<ElectorateTable[]> {
  const members = await activeMembers(trx, body, now);
  if (rule.basis === 'member') return members.map((m) => ({ proposal_id: proposalId, person_id: m.personId, coop_id: m.coopId, weight: 1 }));
  const byCoop = new Map<string, { workerCount: number; first: string }>();
  for (const m of members) if (m.coopId && !byCoop.has(m.coopId)) byCoop.set(m.coopId, { workerCount: m.workerCount, first: m.personId });
  const council = await bodyOfKind(trx, 'council');
  const delegates = council ? await activeMembers(trx, council, now) : [];
  const admins = await coopAdmins(trx, [...byCoop.keys()]);
  const rows: ElectorateTable[] = [];
  const taken = new Set<string>();
  for (const [coopId, c] of byCoop) {
    const voter = delegates.find((d) => d.coopId === coopId && !taken.has(d.personId))?.personId ?? admins.get(coopId)?.find((a) => !taken.has(a)) ?? c.first;
    // One person speaks for one co-op only.
    if (taken.has(voter)) continue;
    taken.add(voter);
    rows.push({ proposal_id: proposalId, person_id: voter, coop_id: coopId, weight: rule.basis === 'weighted' ? Math.max(1, c.workerCount) : 1 });
  }
  return rows;
}

export function openingService(deps: AppDeps) {
  const { db, mailer, config } = deps;

  async function open(actorIn: MaybeActor, id: string, closesAtIn: string) {
    // Only coordinators open votes (401 / 403); a coordinator opening one past that point gets 409.
    authorize(actorIn, isCoordinator(actorIn));
    const p = await loadVisible(db, actorIn, id);
    const actor = actorIn;
    if (!proposalPolicy.open(actor, p)) throw conflict('governance.bad_status', `A proposal in ${p.status} cannot be put to a vote.`, { status: p.status });
    const rule = await ruleOf(db, p);
    if (!rule) throw conflict('governance.no_rule', `The bylaws do not say who decides "${p.matter}"; change them first.`);
    const matter = findMatter(p.matter);
    if (!matter) throw conflict('governance.unknown_matter', `No module handles the matter "${p.matter}" any more.`);

    const now = nowIso();
    const nowMs = Date.parse(now);
    if (rule.minDiscussionHours > 0) {
      const since = p.discussion_opened_at ? Date.parse(p.discussion_opened_at) : null;
      if (since === null || nowMs - since < rule.minDiscussionHours * HOUR) {
        throw conflict('governance.discussion_too_short', `The bylaws ask for at least ${rule.minDiscussionHours} hours of discussion before the vote.`, { minDiscussionHours: rule.minDiscussionHours, discussionOpenedAt: p.discussion_opened_at });
      }
    }
    const closesAt = new Date(closesAtIn).toISOString();
    const hours = (Date.parse(closesAt) - nowMs) / HOUR;
    if (hours <= 0 || hours < rule.minVotingHours || hours > rule.maxVotingHours) {
      throw badRequest('governance.bad_closing_time', `The vote must last between ${rule.minVotingHours} and ${rule.maxVotingHours} hours, closing in the future.`, { minVotingHours: rule.minVotingHours, maxVotingHours: rule.maxVotingHours });
    }
    const options = storedOptions(p.options_json);
    checkOptions(options, rule, !!matter.needsOptions);
    const subject = subjectFor(matter, p.subject_json);
    const body = await bodyForRule(db, rule);

    const seed = randomBytes(32);
    const commitment = createHash('sha256').update(seed).digest('hex');
    const opened = await db.transaction().execute(async (trx) => {
      await matter.check(trx, subject);
      const electorate = await freezeElectorate(trx, id, rule, body, now);
      if (electorate.length === 0) throw conflict('governance.empty_electorate', `The ${body.name} has no one who could vote.`);
      const size = electorate.reduce((s, e) => s + e.weight, 0);
      const moved = await updateProposalFrom(trx, id, ['draft', 'discussion'], {
        status: 'voting',
        rule_json: JSON.stringify(rule),
        body_id: body.id,
        lot_commitment: commitment,
        lot_seed: seed.toString('hex'),
        voting_opens_at: now,
        voting_closes_at: closesAt,
        electorate_size: size,
        updated_at: now,
      });
      if (!moved) throw conflict('governance.bad_status', 'The proposal was put to a vote or withdrawn meanwhile.');
      await insertElectorate(trx, electorate);
      await createBox(trx, id);
      await notify(trx, deps, {
        personIds: electorate.map((e) => e.person_id),
        kind: 'proposal.opened',
        subjectId: id,
        data: { title: p.title, closesAt },
        mail: { template: 'proposalOpened', vars: { title: p.title, closesAt, link: `${config.publicUrl}/proposals/${id}` } },
      });
      await recordAudit(trx, { actorId: actor.personId, action: 'proposal.opened', subjectType: 'proposal', subjectId: id, before: { status: p.status }, after: { status: 'voting', closesAt, electorateSize: size, lotCommitment: commitment, bodyId: body.id } });
      return true;
    });
    if (opened) void mailer.flush().catch(() => {});
    return showProposal(db, actor, id);
  }

  return { open };
}
