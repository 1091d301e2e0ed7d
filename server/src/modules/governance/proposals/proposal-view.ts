/**
 * A proposal as someone sees it: found only by those who may see it, with
 * its rule (frozen at opening, else the bylaws'), the body that decides it,
 * the reader's standing towards it, and the whole of it with what they may do.
 * The other proposal and ballot services start from here.
 */
import type { MatterRule } from '@coopnet/domain/governance/bylaws';
import type { Executor } from '../../../db/database.ts';
import type { MaybeActor } from '../../../platform/auth/actor.ts';
import { nowIso } from '../../../platform/clock.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { activeDelegationFrom, activeDelegationsTo, participationOf } from '../ballots/ballots.repository.ts';
import { activeMembers, bodyOfKind, findBody } from '../bodies/bodies.repository.ts';
import { electorateEntry, isNetworkMember, votedWeight } from '../bodies/electorate.repository.ts';
import { currentBylaws } from '../bylaws/bylaws.repository.ts';
import { findMatter } from '../matters.ts';
import { type Standing, proposalAbilities, proposalPolicy } from './proposals.policy.ts';
import { presentAmendment, presentProposal } from './proposals.presenter.ts';
import * as repo from './proposals.repository.ts';
import { storedRule, subjectFor } from './stored.ts';

type ProposalRow = repo.ProposalRow;

/** The proposal, or 404 for anyone who may not see it (a draft not theirs). */
export async function loadVisible(ex: Executor, actor: MaybeActor, id: string): Promise<ProposalRow> {
  const p = await repo.findProposal(ex, id);
  if (!p || !proposalPolicy.view(actor, p)) throw notFound('proposal');
  return p;
}

/** The rule frozen at opening, else the current bylaws' rule for the matter (null when they have none). */
export async function ruleOf(ex: Executor, p: ProposalRow): Promise<MatterRule | null> {
  if (p.rule_json) return storedRule(p.rule_json);
  const { bylaws } = await currentBylaws(ex);
  return bylaws.matters[p.matter] ?? null;
}

/** The body a rule gives the decision to. */
export async function bodyForRule(ex: Executor, rule: MatterRule) {
  const body = rule.body === 'committee' && rule.committeeId ? await findBody(ex, rule.committeeId) : await bodyOfKind(ex, rule.body);
  if (!body || body.kind !== rule.body) throw conflict('governance.no_body', `The bylaws give this decision to a ${rule.body} that does not exist.`);
  return body;
}

async function isBodyMember(ex: Executor, personId: string, bodyId: string | null, networkMember: boolean, now: string): Promise<boolean> {
  const body = bodyId ? await findBody(ex, bodyId) : undefined;
  if (!body || body.kind === 'assembly') return networkMember;
  return (await activeMembers(ex, body, now)).some((m) => m.personId === personId);
}

export async function standingOf(ex: Executor, actor: MaybeActor, p: ProposalRow, now: string): Promise<Standing> {
  const none: Standing = { networkMember: false, bodyMember: false, electorWeight: null, votedSelf: false, votedByDelegate: false, delegatedTo: null, delegatedToMe: 0, delegateHasVoted: false };
  if (!actor) return none;
  const networkMember = await isNetworkMember(ex, actor.personId);
  let bodyId = p.body_id;
  if (!bodyId) {
    const rule = await ruleOf(ex, p);
    bodyId = rule ? ((await bodyForRule(ex, rule).catch(() => undefined))?.id ?? null) : null;
  }
  const standing: Standing = { ...none, networkMember, bodyMember: await isBodyMember(ex, actor.personId, bodyId, networkMember, now) };
  if (!p.voting_opens_at) return standing;
  const [entry, mine, delegation, toMe] = await Promise.all([
    electorateEntry(ex, p.id, actor.personId),
    participationOf(ex, p.id, actor.personId),
    activeDelegationFrom(ex, p.id, actor.personId),
    activeDelegationsTo(ex, p.id, actor.personId),
  ]);
  return {
    ...standing,
    electorWeight: entry ? Number(entry.weight) : null,
    votedSelf: !!mine && mine.cast_by === actor.personId,
    votedByDelegate: !!mine && mine.cast_by !== actor.personId,
    delegatedTo: delegation ? { id: delegation.to_person_id, name: delegation.to_name } : null,
    delegatedToMe: toMe.length,
    delegateHasVoted: delegation ? !!(await participationOf(ex, p.id, delegation.to_person_id)) : false,
  };
}

/** The full proposal as the actor sees it. */
export async function showProposal(ex: Executor, actor: MaybeActor, id: string) {
  const p = await loadVisible(ex, actor, id);
  const now = nowIso();
  const [rule, standing, authorName, amendments, receipt] = await Promise.all([
    ruleOf(ex, p),
    standingOf(ex, actor, p, now),
    repo.personName(ex, p.author_id),
    repo.listAmendments(ex, p.id),
    actor && p.voting_opens_at ? participationOf(ex, p.id, actor.personId) : Promise.resolve(undefined),
  ]);
  const matter = findMatter(p.matter);
  const subjectText = matter ? await matter.describe(subjectFor(matter, p.subject_json), ex) : p.matter;
  const inVote = standing.electorWeight !== null || !!receipt;
  return presentProposal(p, {
    authorName,
    subjectText,
    rule,
    participation: p.electorate_size === null ? null : { voted: await votedWeight(ex, p.id), electorate: Number(p.electorate_size) },
    amendments: amendments.map(presentAmendment),
    abilities: proposalAbilities(actor, p, standing, rule, now),
    myParticipation: inVote
      ? { voted: !!receipt, receipt: receipt?.receipt_code ?? null, delegatedTo: standing.delegatedTo, delegatedToMe: standing.delegatedToMe }
      : null,
  });
}
