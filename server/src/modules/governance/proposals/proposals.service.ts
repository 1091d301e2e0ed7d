/**
 * Proposals before the vote: making one (its matter's subject checked by the
 * matter), editing it, moving it to discussion or withdrawing it, and
 * reading it (proposal-view.ts: with what the reader may do). Voting,
 * delegation and the close live in ballots/, delegation.service.ts and closing.ts.
 */
import type { ProposalInput, ProposalListQuery, ProposalPatch } from '@coopnet/contract/proposals';
import { type MatterRule, isChoiceMethod } from '@coopnet/domain/governance/bylaws';
import type { ProposalStatus } from '../../../db/schema-governance.ts';
import type { AppDeps } from '../../../deps.ts';
import { type MaybeActor, isCoordinator } from '../../../platform/auth/actor.ts';
import { authorize, requireActor } from '../../../platform/auth/authorize.ts';
import { recordAudit } from '../../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../../platform/clock.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { electorateEntry, electorateNames, isNetworkMember } from '../bodies/electorate.repository.ts';
import { currentBylaws } from '../bylaws/bylaws.repository.ts';
import { findMatter, registeredMatters } from '../matters.ts';
import { bodyForRule, loadVisible, ruleOf, showProposal } from './proposal-view.ts';
import { proposalPolicy } from './proposals.policy.ts';
import { presentSummary } from './proposals.presenter.ts';
import * as repo from './proposals.repository.ts';
import { storedOptions } from './stored.ts';

type ProposalRow = repo.ProposalRow;

/** Options are names people read: no two the same. Needed exactly when the method chooses among options. */
export function checkOptions(options: string[], rule: MatterRule, needsOptions: boolean): void {
  const seen = new Set<string>();
  for (const o of options) {
    if (seen.has(o.toLowerCase())) throw badRequest('governance.duplicate_options', `"${o}" is listed twice.`, { option: o });
    seen.add(o.toLowerCase());
  }
  const choosing = isChoiceMethod(rule.method);
  if ((choosing || needsOptions) && options.length === 0) {
    throw badRequest('governance.needs_options', `This vote (${rule.method}) needs its options or candidates.`);
  }
  if (!choosing && options.length > 0) {
    throw badRequest('governance.options_not_used', `This matter is decided by ${rule.method}: it takes no options.`);
  }
}

export function proposalsService({ db }: AppDeps) {
  async function list(actor: MaybeActor, q: ProposalListQuery) {
    const draftsOf = isCoordinator(actor) ? ('all' as const) : (actor?.personId ?? null);
    const { rows, total } = await repo.listProposals(db, { ...q, draftsOf });
    return { items: rows.map(presentSummary), total, limit: q.limit, offset: q.offset, abilities: { propose: await proposable(actor) } };
  }

  /** The matters the actor may put forward now, as the policy decides for each registered matter. */
  async function proposable(actor: MaybeActor): Promise<string[]> {
    // POST /proposals takes no API token: a program reads proposals, people put them forward.
    if (!actor || actor.via !== 'session') return [];
    const networkMember = await isNetworkMember(db, actor.personId);
    return registeredMatters().filter((m) => proposalPolicy.create(actor, m, { networkMember }));
  }

  async function create(actor: MaybeActor, input: ProposalInput) {
    const matter = findMatter(input.matter);
    if (!matter) throw badRequest('governance.unknown_matter', `There is no matter "${input.matter}".`);
    const networkMember = actor ? await isNetworkMember(db, actor.personId) : false;
    authorize(actor, proposalPolicy.create(actor, input.matter, { networkMember }));
    const parsed = matter.subject.safeParse(input.subject);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({ path: `subject.${i.path.join('.')}`, message: i.message }));
      throw badRequest('governance.bad_subject', `The subject does not fit a proposal of matter "${input.matter}".`, details);
    }
    const subject = parsed.data;
    const rule = (await currentBylaws(db)).bylaws.matters[input.matter];
    if (!rule) throw conflict('governance.no_rule', `The bylaws do not say who decides "${input.matter}"; change them first.`);
    const options = input.options ?? [];
    checkOptions(options, rule, !!matter.needsOptions);
    const body = await bodyForRule(db, rule);
    const id = newId();
    const now = nowIso();
    const subjectJson = JSON.stringify(subject);
    await db.transaction().execute(async (trx) => {
      await matter.check(trx, subject);
      if (matter.oneAtATime) {
        const other = await repo.undecidedWithSubject(trx, input.matter, subjectJson);
        if (other) throw conflict('governance.already_proposed', 'Another proposal about the same subject is not decided yet.', { proposalId: other.id });
      }
      await repo.insertProposal(trx, {
        id,
        matter: input.matter,
        title: input.title,
        body_text: input.text,
        subject_json: subjectJson,
        author_id: actor.personId,
        body_id: body.id,
        status: 'draft',
        rule_json: null,
        options_json: JSON.stringify(options),
        seats: input.seats ?? 1,
        lot_commitment: null,
        lot_seed: null,
        voting_opens_at: null,
        voting_closes_at: null,
        electorate_size: null,
        result_json: null,
        decided_at: null,
        effect_applied_at: null,
        reminded_at: null,
        discussion_opened_at: null,
        created_at: now,
        updated_at: now,
      });
      await recordAudit(trx, { actorId: actor.personId, action: 'proposal.created', subjectType: 'proposal', subjectId: id, after: { matter: input.matter, title: input.title, subject } });
    });
    return showProposal(db, actor, id);
  }

  const isAuthorOrCoordinator = (actor: MaybeActor, p: ProposalRow) => !!actor && (actor.personId === p.author_id || isCoordinator(actor));

  /** For the author's or a coordinator's moves: 403 for others, 409 when the proposal is past that point. */
  async function movable(actor: MaybeActor, id: string, from: ProposalStatus[]) {
    requireActor(actor);
    const p = await loadVisible(db, actor, id);
    authorize(actor, isAuthorOrCoordinator(actor, p));
    if (!from.includes(p.status)) throw conflict('governance.bad_status', `A proposal in ${p.status} cannot be moved this way.`, { status: p.status });
    return { actor, p };
  }

  async function update(actorIn: MaybeActor, id: string, patch: ProposalPatch) {
    requireActor(actorIn);
    const p = await loadVisible(db, actorIn, id);
    authorize(actorIn, !!actorIn && actorIn.personId === p.author_id);
    if (!proposalPolicy.edit(actorIn, p)) throw conflict('governance.not_editable', `A proposal in ${p.status} can no longer be edited.`, { status: p.status });
    const rule = (await ruleOf(db, p))!;
    if (patch.options !== undefined) checkOptions(patch.options, rule, !!findMatter(p.matter)?.needsOptions);
    const changes = {
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.text !== undefined && { body_text: patch.text }),
      ...(patch.options !== undefined && { options_json: JSON.stringify(patch.options) }),
      ...(patch.seats !== undefined && { seats: patch.seats }),
    };
    await db.transaction().execute(async (trx) => {
      if (!(await repo.updateProposalFrom(trx, id, ['draft', 'discussion'], { ...changes, updated_at: nowIso() }))) {
        throw conflict('governance.not_editable', 'The proposal can no longer be edited.');
      }
      await recordAudit(trx, {
        actorId: actorIn.personId,
        action: 'proposal.updated',
        subjectType: 'proposal',
        subjectId: id,
        before: { title: p.title, text: p.body_text, options: storedOptions(p.options_json), seats: p.seats },
        after: patch,
      });
    });
    return showProposal(db, actorIn, id);
  }

  async function startDiscussion(actorIn: MaybeActor, id: string) {
    const { actor, p } = await movable(actorIn, id, ['draft']);
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      if (!(await repo.updateProposalFrom(trx, id, ['draft'], { status: 'discussion', discussion_opened_at: now, updated_at: now }))) {
        throw conflict('governance.bad_status', 'The proposal is no longer a draft.');
      }
      await recordAudit(trx, { actorId: actor.personId, action: 'proposal.discussion_opened', subjectType: 'proposal', subjectId: id, before: { status: p.status }, after: { status: 'discussion' } });
    });
    return showProposal(db, actor, id);
  }

  async function withdraw(actorIn: MaybeActor, id: string) {
    const { actor, p } = await movable(actorIn, id, ['draft', 'discussion']);
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      if (!(await repo.updateProposalFrom(trx, id, ['draft', 'discussion'], { status: 'withdrawn', updated_at: now }))) {
        throw conflict('governance.bad_status', 'The proposal is already put to a vote.');
      }
      await recordAudit(trx, { actorId: actor.personId, action: 'proposal.withdrawn', subjectType: 'proposal', subjectId: id, before: { status: p.status }, after: { status: 'withdrawn' } });
    });
    return showProposal(db, actor, id);
  }

  /**
   * Who is in a proposal's frozen electorate, by name, so a voter can choose
   * whom to hand their vote to. 404 for everyone outside it (and for a
   * proposal not yet put to a vote); it says nothing of who has voted.
   */
  async function electorate(actorIn: MaybeActor, id: string) {
    const actor = requireActor(actorIn);
    const p = await loadVisible(db, actor, id);
    const inElectorate = !!(await electorateEntry(db, p.id, actor.personId));
    authorize(actor, proposalPolicy.seeElectorate(actor, p, inElectorate), 'proposal');
    const rows = await electorateNames(db, p.id);
    // sorted here rather than in SQL: SQLite and PostgreSQL collate names differently
    const byName = new Intl.Collator('en', { sensitivity: 'base' });
    rows.sort((a, b) => byName.compare(a.displayName, b.displayName) || (a.personId < b.personId ? -1 : 1));
    return { items: rows.map((r) => ({ personId: r.personId, displayName: r.displayName, coopName: r.coopName ?? null })) };
  }

  return {
    list,
    electorate,
    show: (actor: MaybeActor, id: string) => showProposal(db, actor, id),
    create,
    update,
    startDiscussion,
    withdraw,
  };
}
