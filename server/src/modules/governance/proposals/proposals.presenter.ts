/** Proposal rows to API shapes. The lot seed and the result appear only once the vote is closed. */
import type { Proposal, ProposalSummary } from '@coopnet/contract/proposals';
import type { MatterRule } from '@coopnet/domain/governance/bylaws';
import type { ProposalStatus } from '../../../db/schema-governance.ts';
import type { ProposalRow } from './proposals.repository.ts';
import { storedOptions, storedResult, storedSubject } from './stored.ts';

export const DECIDED: ProposalStatus[] = ['passed', 'failed', 'no_quorum', 'elected'];
export const isDecided = (status: ProposalStatus) => DECIDED.includes(status);

export function presentSummary(r: {
  id: string;
  matter: string;
  title: string;
  status: ProposalStatus;
  author_name: string;
  voting_opens_at: string | null;
  voting_closes_at: string | null;
  created_at: string;
}): ProposalSummary {
  return {
    id: r.id,
    matter: r.matter,
    title: r.title,
    status: r.status,
    authorName: r.author_name,
    votingOpensAt: r.voting_opens_at,
    votingClosesAt: r.voting_closes_at,
    createdAt: r.created_at,
  };
}

export function presentAmendment(a: { id: string; author_name: string; body_text: string; status: 'open' | 'accepted' | 'declined'; created_at: string; decided_at: string | null }) {
  return { id: a.id, authorName: a.author_name, text: a.body_text, status: a.status, createdAt: a.created_at, decidedAt: a.decided_at };
}

export interface ProposalExtras {
  authorName: string;
  subjectText: string;
  rule: MatterRule | null;
  participation: { voted: number; electorate: number } | null;
  amendments: Proposal['amendments'];
  abilities: Proposal['abilities'];
  myParticipation: Proposal['myParticipation'];
}

export function presentProposal(p: ProposalRow, x: ProposalExtras): Proposal {
  const decided = isDecided(p.status);
  return {
    id: p.id,
    matter: p.matter,
    title: p.title,
    text: p.body_text,
    subject: storedSubject(p.subject_json),
    subjectText: x.subjectText,
    status: p.status,
    author: { id: p.author_id, name: x.authorName },
    bodyId: p.body_id,
    rule: x.rule,
    options: storedOptions(p.options_json),
    seats: Number(p.seats),
    lotCommitment: p.lot_commitment,
    // The seed stays secret until the close: known earlier, it would tell who wins a tie.
    lotSeed: decided ? p.lot_seed : null,
    discussionOpenedAt: p.discussion_opened_at,
    votingOpensAt: p.voting_opens_at,
    votingClosesAt: p.voting_closes_at,
    electorateSize: p.electorate_size === null ? null : Number(p.electorate_size),
    participation: x.participation,
    // Never a result, a tally or a partial count before the close.
    result: decided && p.result_json ? storedResult(p.result_json) : null,
    decidedAt: p.decided_at,
    effectAppliedAt: p.effect_applied_at,
    amendments: x.amendments,
    abilities: x.abilities,
    myParticipation: x.myParticipation,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}
