/**
 * Who may do what with proposals, as rules that read like sentences. Facts
 * that need the database (is the person a member of the network, of the
 * deciding body, of the frozen electorate; did they vote) are gathered by
 * the service into `Standing` first.
 */
import type { MatterRule } from '@coopnet/domain/governance/bylaws';
import type { ProposalStatus } from '../../../db/schema-governance.ts';
import { type MaybeActor, isCoordinator } from '../../../platform/auth/actor.ts';
import { findMatter } from '../matters.ts';

interface ProposalRef {
  author_id: string;
  status: ProposalStatus;
  voting_closes_at: string | null;
}

/** The actor's standing towards one proposal. */
export interface Standing {
  networkMember: boolean;
  bodyMember: boolean;
  /** weight in the frozen electorate, or null when not in it */
  electorWeight: number | null;
  /** voted themselves (not through a delegate) */
  votedSelf: boolean;
  /** their vote was cast by their delegate */
  votedByDelegate: boolean;
  delegatedTo: { id: string; name: string } | null;
  delegatedToMe: number;
  delegateHasVoted: boolean;
}

const OPEN_FOR_TALK: ProposalStatus[] = ['draft', 'discussion', 'voting'];
const BEFORE_VOTING: ProposalStatus[] = ['draft', 'discussion'];
/** statuses in which an electorate has been frozen */
const VOTED_ON: ProposalStatus[] = ['voting', 'passed', 'failed', 'no_quorum', 'elected'];

const isAuthor = (actor: MaybeActor, p: ProposalRef) => !!actor && actor.personId === p.author_id;
const votingNow = (p: ProposalRef, now: string) => p.status === 'voting' && !!p.voting_closes_at && p.voting_closes_at > now;

export const proposalPolicy = {
  /** Drafts are the author's own (and the coordinators', who prepare votes); the rest is public. */
  view: (actor: MaybeActor, p: ProposalRef) => p.status !== 'draft' || isAuthor(actor, p) || isCoordinator(actor),
  /** free motions: any worker of a member co-op; every other matter: the coordinators, unless the matter says otherwise */
  create: (actor: MaybeActor, matter: string, facts: { networkMember: boolean }) => {
    if (!actor) return false;
    const m = findMatter(matter);
    return m?.mayPropose ? m.mayPropose(actor, facts) : isCoordinator(actor);
  },
  edit: (actor: MaybeActor, p: ProposalRef) => isAuthor(actor, p) && BEFORE_VOTING.includes(p.status),
  discuss: (actor: MaybeActor, p: ProposalRef) => (isAuthor(actor, p) || isCoordinator(actor)) && p.status === 'draft',
  withdraw: (actor: MaybeActor, p: ProposalRef) => (isAuthor(actor, p) || isCoordinator(actor)) && BEFORE_VOTING.includes(p.status),
  /** members of the network, of the deciding body, and coordinators take part in discussions */
  talk: (actor: MaybeActor, s: Standing) => !!actor && (s.networkMember || s.bodyMember || isCoordinator(actor)),
  comment: (actor: MaybeActor, p: ProposalRef, s: Standing) => proposalPolicy.talk(actor, s) && OPEN_FOR_TALK.includes(p.status),
  /** any member of the deciding body, while the proposal is discussed */
  amend: (actor: MaybeActor, p: ProposalRef, s: Standing) => !!actor && s.bodyMember && p.status === 'discussion',
  decideAmendment: (actor: MaybeActor, p: ProposalRef) => isAuthor(actor, p) && p.status === 'discussion',
  open: (actor: MaybeActor, p: ProposalRef) => isCoordinator(actor) && BEFORE_VOTING.includes(p.status),
  vote: (actor: MaybeActor, p: ProposalRef, s: Standing, rule: MatterRule | null, now: string) =>
    !!actor &&
    votingNow(p, now) &&
    s.electorWeight !== null &&
    !s.delegatedTo &&
    !s.votedByDelegate &&
    (!s.votedSelf || !!rule?.changeable),
  delegate: (actor: MaybeActor, p: ProposalRef, s: Standing, rule: MatterRule | null, now: string) =>
    !!actor && votingNow(p, now) && !!rule?.delegable && s.electorWeight !== null && !s.votedSelf && !s.votedByDelegate && !s.delegatedTo && s.delegatedToMe === 0,
  /** the frozen electorate's names: for its own members (to choose a delegate) and the coordinators, once voting has opened */
  seeElectorate: (actor: MaybeActor, p: ProposalRef, inElectorate: boolean) => !!actor && VOTED_ON.includes(p.status) && (inElectorate || isCoordinator(actor)),
  takeBackDelegation: (actor: MaybeActor, p: ProposalRef, s: Standing, now: string) => !!actor && votingNow(p, now) && !!s.delegatedTo && !s.delegateHasVoted,
};

export function proposalAbilities(actor: MaybeActor, p: ProposalRef, s: Standing, rule: MatterRule | null, now: string) {
  return {
    edit: proposalPolicy.edit(actor, p),
    discuss: proposalPolicy.discuss(actor, p),
    withdraw: proposalPolicy.withdraw(actor, p),
    comment: proposalPolicy.comment(actor, p, s),
    amend: proposalPolicy.amend(actor, p, s),
    open: proposalPolicy.open(actor, p),
    vote: proposalPolicy.vote(actor, p, s, rule, now),
    delegate: proposalPolicy.delegate(actor, p, s, rule, now),
    takeBackDelegation: proposalPolicy.takeBackDelegation(actor, p, s, now),
    close: false,
  };
}
