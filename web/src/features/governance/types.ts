/**
 * Shapes of the governance API as the web app reads them: the contract's
 * types (`contract/src/governance-bodies.ts`, `contract/src/proposals.ts`)
 * and, for the rules and the counts, the domain's (`domain/src/governance`,
 * `domain/src/voting`). Imported as types only: no schema library reaches
 * the bundle.
 */
import type {
  AgendaItem as AgendaItemSchema,
  Assembly,
  AssemblyWithAbilities as AssemblyWithAbilitiesSchema,
  Attendee,
  Body,
  BodyMember,
  BodyWithAbilities as BodyWithAbilitiesSchema,
  Bylaws,
  BylawsVersion as BylawsVersionSchema,
  BylawsVersionSummary as BylawsVersionSummarySchema,
  MatterRule,
  Notification,
  NotificationPage,
} from '@coopnet/contract/governance-bodies';
import type {
  Amendment as AmendmentSchema,
  Ballot,
  CastResult as CastResultSchema,
  Comment as CommentSchema,
  ElectorateMember,
  OpenBallot,
  Proposal,
  ProposalInput,
  ProposalResult,
  ProposalStatus,
  ProposalSummary,
} from '@coopnet/contract/proposals';
import type { ApprovalResult } from '@coopnet/domain/voting/approval';
import type { ConsentResult } from '@coopnet/domain/voting/consent';
import type { IrvResult } from '@coopnet/domain/voting/irv';
import type { SchulzeResult } from '@coopnet/domain/voting/schulze';
import type { StvMeekResult } from '@coopnet/domain/voting/stv-meek';
import type { StvScottishResult } from '@coopnet/domain/voting/stv-scottish';
import type { QuorumCheck, YesNoResult } from '@coopnet/domain/voting/threshold';
import type { TieBreak } from '@coopnet/domain/voting/types';
import type { z } from 'zod';

export type { Assembly, Attendee, Ballot, Body, BodyMember, Bylaws, MatterRule, Notification, NotificationPage };
export type { ElectorateMember, OpenBallot, Proposal, ProposalInput, ProposalResult, ProposalStatus, ProposalSummary };
export type { ApprovalResult, ConsentResult, IrvResult, QuorumCheck, SchulzeResult, StvMeekResult, StvScottishResult };
export type { TieBreak, YesNoResult };

export type AgendaItem = z.infer<typeof AgendaItemSchema>;
export type AssemblyWithAbilities = z.infer<typeof AssemblyWithAbilitiesSchema>;
export type BodyWithAbilities = z.infer<typeof BodyWithAbilitiesSchema>;
export type BylawsDocument = z.infer<typeof BylawsVersionSchema>;
export type BylawsVersionInfo = z.infer<typeof BylawsVersionSummarySchema>;
export type Amendment = z.infer<typeof AmendmentSchema>;
export type CastReply = z.infer<typeof CastResultSchema>;
export type ProposalComment = z.infer<typeof CommentSchema>;
export type BodyKind = MatterRule['body'];
export type VotingMethod = MatterRule['method'];

export const PROPOSAL_STATUSES = [
  'draft',
  'discussion',
  'voting',
  'passed',
  'failed',
  'no_quorum',
  'elected',
  'withdrawn',
] as const satisfies readonly ProposalStatus[];

/** The domain's count of a closed vote (`result.count`); its `method` says which shape. */
export type CountResult =
  YesNoResult | ConsentResult | ApprovalResult | IrvResult | StvScottishResult | StvMeekResult | SchulzeResult;
