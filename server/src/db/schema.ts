/**
 * Table types, the same on SQLite and PostgreSQL. Conventions (see
 * docs/decisions/0002-portable-schema.md): ids are UUID text made in code,
 * times are ISO-8601 UTC text, booleans are 0/1 integers, money is BIGINT
 * cents read back as safe JS integers.
 */
import type { ApplicationStatus, CoopStatus } from '@coopnet/contract/coops';
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { BenefitTables } from './schema-benefits.ts';
import type { BudgetingTables } from './schema-budgeting.ts';
import type { CardTables } from './schema-cards.ts';
import type { FundTables } from './schema-fund.ts';
import type { CampaignTables } from './schema-campaigns.ts';
import type { CampaignImageTables } from './schema-campaign-images.ts';
import type { GovernanceTables } from './schema-governance.ts';
import type { NewsTables } from './schema-news.ts';
import type { ProgrammeTables } from './schema-programmes.ts';
import type { VentureTables } from './schema-ventures.ts';

export interface NetworkTable {
  id: string;
  name: string;
  currency: string;
  locale: string;
  time_zone: string;
  logo_url: string | null;
  description: string | null;
  /** what the database is for, set once: 'demo' (the public demo network) or 'real'; null until decided */
  purpose: DatabasePurpose | null;
  created_at: string;
  updated_at: string;
}

export type DatabasePurpose = 'demo' | 'real';

/** One of the network's sectors: co-ops and offers name it by code; people read its name in their language. */
export interface SectorTable {
  code: string;
  name_en: string;
  name_es: string;
  created_at: string;
  updated_at: string;
}
export type Sector = Selectable<SectorTable>;

/** A co-op's and an application's statuses are the ones the API names (contract/src/coops.ts). */
export type { ApplicationStatus, CoopStatus };

export interface CoopTable {
  id: string;
  slug: string;
  name: string;
  /** lower-cased name and description, for portable case-insensitive search */
  search_text: string;
  legal_form: string;
  sector: string;
  address: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
  description: string;
  website: string | null;
  logo_url: string | null;
  worker_count: number;
  status: CoopStatus;
  created_at: string;
  updated_at: string;
  admitted_at: string | null;
}

export interface JoinApplicationTable {
  id: string;
  coop_id: string;
  contact_name: string;
  contact_email: string;
  message: string;
  status: ApplicationStatus;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  created_at: string;
}

export type PersonStatus = 'invited' | 'active' | 'left';

export interface PersonTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  /** the co-op this person works in, if a worker */
  coop_id: string | null;
  /** 1 when the person signed up as a community supporter */
  supporter: number;
  status: PersonStatus;
  locale: string | null;
  created_at: string;
  updated_at: string;
  left_at: string | null;
}

export type Role = 'coordinator' | 'treasurer' | 'coop_admin' | 'cashier';

export interface RoleGrantTable {
  id: string;
  person_id: string;
  role: Role;
  /** the co-op a scoped role (coop_admin, cashier) belongs to; '' for network roles */
  coop_id: string;
  created_at: string;
}

export interface InvitationTable {
  id: string;
  token_hash: string;
  email: string;
  display_name: string;
  coop_id: string | null;
  role: 'worker' | 'coop_admin' | 'coordinator';
  created_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  person_id: string | null;
}

export interface SessionTable {
  id: string;
  token_hash: string;
  person_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface PasswordResetTable {
  id: string;
  token_hash: string;
  person_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiTokenTable {
  id: string;
  token_hash: string;
  person_id: string;
  name: string;
  /** JSON array of scope strings */
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventTable {
  id: string;
  /** monotonic per database, for stable paging */
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  coop_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface OutboxMailTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: string;
  sent_at: string | null;
  attempts: number;
  last_error: string | null;
  /** 1 when the text shows a secret link masked (SECRET_MASK) */
  has_secret: Generated<number>;
  /** the masked secret, kept only until the mail is sent (or can no longer be) */
  secret: string | null;
}

/** A sign-up waiting for its address to be confirmed by the mailed link. */
export interface PendingSignupTable {
  id: string;
  token_hash: string;
  email: string;
  display_name: string;
  password_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface IdempotencyKeyTable {
  key: string;
  scope: string;
  request_hash: string;
  status_code: number;
  response_json: string;
  created_at: string;
}

export interface Database extends BudgetingTables, GovernanceTables, CardTables, BenefitTables, FundTables, CampaignTables, CampaignImageTables, ProgrammeTables, NewsTables, VentureTables {
  network: NetworkTable;
  sectors: SectorTable;
  coops: CoopTable;
  join_applications: JoinApplicationTable;
  people: PersonTable;
  role_grants: RoleGrantTable;
  invitations: InvitationTable;
  sessions: SessionTable;
  password_resets: PasswordResetTable;
  api_tokens: ApiTokenTable;
  audit_events: AuditEventTable;
  outbox_mail: OutboxMailTable;
  pending_signups: PendingSignupTable;
  idempotency_keys: IdempotencyKeyTable;
}

export type Coop = Selectable<CoopTable>;
export type NewCoop = Insertable<CoopTable>;
export type CoopUpdate = Updateable<CoopTable>;
export type Person = Selectable<PersonTable>;
export type Network = Selectable<NetworkTable>;
export type JoinApplication = Selectable<JoinApplicationTable>;
export type Invitation = Selectable<InvitationTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type OutboxMail = Selectable<OutboxMailTable>;
