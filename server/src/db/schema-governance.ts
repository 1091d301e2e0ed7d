/** Table types of governance (migration 0003). */
export interface BodyTable {
  id: string;
  kind: 'assembly' | 'council' | 'committee';
  name: string;
  description: string;
  delegates_per_coop: number | null;
  created_at: string;
}

export interface BodyMemberTable {
  id: string;
  body_id: string;
  person_id: string;
  coop_id: string | null;
  term_start: string;
  term_end: string | null;
  recalled_at: string | null;
  recalled_by: string | null;
  created_at: string;
}

export interface BylawsVersionTable {
  id: string;
  version: number;
  rules_json: string;
  adopted_at: string;
  proposal_id: string | null;
}

export type ProposalStatus =
  | 'draft'
  | 'discussion'
  | 'voting'
  | 'passed'
  | 'failed'
  | 'no_quorum'
  | 'elected'
  | 'withdrawn';

export interface ProposalTable {
  id: string;
  matter: string;
  title: string;
  body_text: string;
  subject_json: string;
  author_id: string;
  body_id: string | null;
  status: ProposalStatus;
  rule_json: string | null;
  options_json: string;
  seats: number;
  lot_commitment: string | null;
  lot_seed: string | null;
  voting_opens_at: string | null;
  voting_closes_at: string | null;
  electorate_size: number | null;
  result_json: string | null;
  decided_at: string | null;
  effect_applied_at: string | null;
  reminded_at: string | null;
  /** migration 0004: when the discussion began (minDiscussionHours counts from it) */
  discussion_opened_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProposalCommentTable {
  id: string;
  proposal_id: string;
  parent_id: string | null;
  author_id: string;
  body_text: string;
  created_at: string;
}

export interface AmendmentTable {
  id: string;
  proposal_id: string;
  author_id: string;
  body_text: string;
  status: 'open' | 'accepted' | 'declined';
  created_at: string;
  decided_at: string | null;
}

export interface ElectorateTable {
  proposal_id: string;
  person_id: string;
  coop_id: string | null;
  weight: number;
}

export interface ParticipationTable {
  proposal_id: string;
  person_id: string;
  cast_by: string;
  receipt_code: string;
  cast_on: string;
}

export interface BallotBoxTable {
  proposal_id: string;
  ballots_json: string;
  ballot_count: number;
}

export interface DelegationTable {
  id: string;
  proposal_id: string;
  from_person_id: string;
  to_person_id: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AssemblyTable {
  id: string;
  body_id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  place: string | null;
  video_url: string | null;
  minutes: string | null;
  created_at: string;
  updated_at: string;
}

export interface AssemblyAgendaTable {
  assembly_id: string;
  proposal_id: string;
  position: number;
}

export interface AttendanceTable {
  assembly_id: string;
  person_id: string;
  recorded_at: string;
}

export interface NotificationTable {
  id: string;
  person_id: string;
  kind: string;
  subject_id: string;
  data_json: string;
  created_at: string;
  read_at: string | null;
}

export interface GovernanceTables {
  bodies: BodyTable;
  body_members: BodyMemberTable;
  bylaws_versions: BylawsVersionTable;
  proposals: ProposalTable;
  proposal_comments: ProposalCommentTable;
  amendments: AmendmentTable;
  electorate: ElectorateTable;
  participation: ParticipationTable;
  ballot_boxes: BallotBoxTable;
  delegations: DelegationTable;
  assemblies: AssemblyTable;
  assembly_agenda: AssemblyAgendaTable;
  attendance: AttendanceTable;
  notifications: NotificationTable;
}
