/**
 * The clock's work: closing votes whose time has come, and reminding the
 * electorate a day before. A close counts the box with the domain's library
 * under the frozen rule, electorate and lot, reveals the lot seed, records
 * the result with every stage, applies the matter's effect when it passed,
 * shuffles the box one last time (so its last write is not a voter's) and
 * tells the electorate — all in one transaction per vote. No one closes a
 * vote early: there is no endpoint for it.
 */
import { randomInt } from 'node:crypto';
import { voting } from '@coopnet/domain';
import { countVote } from '@coopnet/domain/voting/count-vote';
import type { AppDeps } from '../../../deps.ts';
import { recordAudit } from '../../../platform/audit/audit.repository.ts';
import { nowIso } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import { type BoxEntry, activeDelegators, lockBox, participants, writeBox } from '../ballots/ballots.repository.ts';
import { attendeesFor, electorateOf } from '../bodies/electorate.repository.ts';
import { findMatter } from '../matters.ts';
import { notify } from '../notifications/notifications.ts';
import { dueForClosing, dueForReminder, findProposal, updateProposalFrom } from './proposals.repository.ts';
import { storedOptions, storedRule, subjectFor } from './stored.ts';

const DAY = 86_400_000;

function shuffle<T>(list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** Closes one vote; false when it was not due (closed already, or not yet time). */
async function closeOne(deps: AppDeps, id: string, now: string): Promise<boolean> {
  const { db, dialect, config } = deps;
  return db.transaction().execute(async (trx) => {
    const entries = await lockBox(trx, dialect, id);
    const p = await findProposal(trx, id);
    if (!entries || !p || p.status !== 'voting' || !p.voting_closes_at || p.voting_closes_at > now) return false;
    const rule = storedRule(p.rule_json!);
    const options = storedOptions(p.options_json);
    const electorate = await electorateOf(trx, id);
    const weightOf = new Map(electorate.map((e) => [e.person_id, Number(e.weight)]));
    // Turnout for a quorum that counts attendance: everyone who voted or was present, once each.
    const present = new Set([...(await participants(trx, id)), ...(await attendeesFor(trx, id)).filter((a) => weightOf.has(a))]);
    const attendance = [...present].reduce((s, person) => s + (weightOf.get(person) ?? 1), 0);
    const seed = Buffer.from(p.lot_seed!, 'hex');
    const counted = countVote({
      rule,
      options,
      seats: Number(p.seats),
      ballots: entries,
      electorate: Number(p.electorate_size),
      attendance,
      lot: voting.lotOrder(seed, options.length),
    });

    let effectError: { code: string; message: string } | null = null;
    let effectAppliedAt: string | null = null;
    const matter = findMatter(p.matter);
    if ((counted.outcome === 'passed' || counted.outcome === 'elected') && matter?.apply) {
      const subject = subjectFor(matter, p.subject_json);
      try {
        // The subject may have changed since the vote opened (the application withdrawn): then the decision stands, the effect cannot.
        await matter.check(trx, subject);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        effectError = { code: e.code, message: e.message };
      }
      if (!effectError) {
        await matter.apply(trx, { deps, actorId: null, proposal: p }, subject);
        effectAppliedAt = nowIso();
      }
    }

    const result = { ...counted, effectError };
    await updateProposalFrom(trx, id, ['voting'], {
      status: counted.outcome,
      result_json: JSON.stringify(result),
      decided_at: now,
      effect_applied_at: effectAppliedAt,
      updated_at: nowIso(),
    });
    // Token hashes are of no use once the vote is closed; dropped, they cannot prove to anyone how someone voted.
    const closedBox: BoxEntry[] = entries.map(({ t: _t, ...rest }) => rest);
    await writeBox(trx, id, shuffle(closedBox));
    await notify(trx, deps, {
      personIds: electorate.map((e) => e.person_id),
      kind: 'proposal.decided',
      subjectId: id,
      data: { title: p.title, outcome: counted.outcome, ...(counted.elected && { elected: counted.elected }) },
      mail: { template: 'proposalDecided', vars: { title: p.title, outcome: counted.outcome, link: `${config.publicUrl}/proposals/${id}` } },
    });
    await recordAudit(trx, {
      actorId: null,
      action: 'proposal.decided',
      subjectType: 'proposal',
      subjectId: id,
      before: { status: 'voting' },
      after: { status: counted.outcome, elected: counted.elected, lotSeed: p.lot_seed, effectApplied: !!effectAppliedAt, effectError },
    });
    if (effectError) {
      await recordAudit(trx, { actorId: null, action: 'proposal.effect_failed', subjectType: 'proposal', subjectId: id, after: effectError });
    }
    return true;
  });
}

/** Closes every vote whose closing time is at or before `now`; returns the ids closed. */
export async function closeDue(deps: AppDeps, now: string = nowIso()): Promise<string[]> {
  const closed: string[] = [];
  for (const { id } of await dueForClosing(deps.db, now)) {
    if (await closeOne(deps, id, now)) closed.push(id);
  }
  if (closed.length > 0) void deps.mailer.flush().catch(() => {});
  return closed;
}

/**
 * Once per vote, a day before it closes, reminds those of the electorate who
 * have not voted (and have not handed their vote to someone). Votes shorter
 * than a day get no reminder: the opening notice was recent enough.
 */
export async function sendReminders(deps: AppDeps, now: string = nowIso()): Promise<string[]> {
  const { db, config } = deps;
  const until = new Date(Date.parse(now) + DAY).toISOString();
  const reminded: string[] = [];
  for (const { id } of await dueForReminder(db, now, until)) {
    const sent = await db.transaction().execute(async (trx) => {
      const p = await findProposal(trx, id);
      if (!p || p.status !== 'voting' || p.reminded_at || !p.voting_opens_at || !p.voting_closes_at) return false;
      if (!(await updateProposalFrom(trx, id, ['voting'], { reminded_at: now }))) return false;
      if (Date.parse(p.voting_closes_at) - Date.parse(p.voting_opens_at) <= DAY) return true;
      const done = new Set([...(await participants(trx, id)), ...(await activeDelegators(trx, id))]);
      const waiting = (await electorateOf(trx, id)).map((e) => e.person_id).filter((person) => !done.has(person));
      await notify(trx, deps, {
        personIds: waiting,
        kind: 'proposal.closing_soon',
        subjectId: id,
        data: { title: p.title, closesAt: p.voting_closes_at },
        mail: { template: 'proposalClosingSoon', vars: { title: p.title, closesAt: p.voting_closes_at, link: `${config.publicUrl}/proposals/${id}` } },
      });
      await recordAudit(trx, { actorId: null, action: 'proposal.reminded', subjectType: 'proposal', subjectId: id, after: { people: waiting.length } });
      return true;
    });
    if (sent) reminded.push(id);
  }
  if (reminded.length > 0) void deps.mailer.flush().catch(() => {});
  return reminded;
}
