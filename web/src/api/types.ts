/**
 * Shapes of the API's replies as the web app reads them. They mirror
 * `contract/` (the zod schemas the server validates with) but stay plain
 * types so the bundle carries no schema library.
 */

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface NetworkFigures {
  memberCoops: number;
  workers: number;
  supporters: number;
  sectors: number;
}

export interface Network {
  name: string;
  currency: string;
  locale: string;
  timeZone: string;
  logoUrl: string | null;
  description: string | null;
  mapTileUrl: string;
  figures: NetworkFigures;
}

export type NetworkPatch = Partial<
  Pick<Network, 'name' | 'currency' | 'locale' | 'timeZone' | 'logoUrl' | 'description'>
>;

export type RoleName = 'coordinator' | 'treasurer' | 'coop_admin' | 'cashier';

export interface RoleGrant {
  role: RoleName;
  coopId: string | null;
}

export interface Person {
  id: string;
  email: string;
  displayName: string;
  coopId: string | null;
  coopName: string | null;
  supporter: boolean;
  roles: RoleGrant[];
  locale?: string | null;
}

export interface Abilities {
  manageNetwork: boolean;
  decideApplications: boolean;
  readAudit: boolean;
  readOutbox: boolean;
  adminOfCoops: string[];
  cashierOfCoops: string[];
}

export interface Session {
  person: Person | null;
  csrfToken: string | null;
  abilities: Abilities;
}

export interface SignedIn {
  person: Person;
  csrfToken: string;
}

export type CoopStatus = 'applicant' | 'member' | 'suspended' | 'left' | 'rejected';

export interface Coop {
  id: string;
  slug: string;
  name: string;
  sector: string;
  legalForm: string;
  city: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  description: string;
  website: string | null;
  logoUrl: string | null;
  workerCount: number;
  status: CoopStatus;
}

export interface CoopDetail extends Coop {
  createdAt: string;
  admittedAt: string | null;
  abilities: { update: boolean; manageWorkers: boolean; changeStatus: boolean; manageOffers: boolean };
}

export interface CoopProfile {
  name: string;
  legalForm: string;
  sector: string;
  address: string;
  city: string;
  description: string;
  website?: string | null;
  logoUrl?: string | null;
  workerCount: number;
  latitude?: number | null;
  longitude?: number | null;
}

export interface SectorCount {
  sector: string;
  count: number;
}

export type ApplicationStatus = 'pending' | 'admitted' | 'rejected';

export interface Application {
  id: string;
  status: ApplicationStatus;
  contactName: string;
  contactEmail: string;
  message: string;
  createdAt: string;
  decidedAt: string | null;
  decisionNote?: string | null;
  coop: { id: string; name: string; slug?: string; sector: string; city: string; workerCount: number };
}

export type WorkerStatus = 'invited' | 'active' | 'left';

export interface Worker {
  id: string;
  email: string;
  displayName: string;
  status: WorkerStatus;
  roles: string[];
}

export type InvitationRole = 'worker' | 'coop_admin';

export interface Invitation {
  id: string;
  email: string;
  displayName: string;
  role: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export interface InvitationCreated {
  id: string;
  email: string;
  /** false when no mail server is set up: the invitation cannot reach the person */
  mailed: boolean;
}

export interface InvitationPreview {
  email: string;
  displayName: string;
  coopName: string | null;
  role: string;
  /** the address has an account: its owner accepts signed in, no password is set */
  existingAccount: boolean;
}

export interface ImportResult {
  dryRun?: boolean;
  /** data rows in the file */
  total: number;
  /** rows that became invited workers; 0 in a dry run */
  imported: number;
  refused: { line: number; email: string; code?: string; reason: string }[];
}

export interface ApiToken {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
}

export interface AuditEvent {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  coopId: string | null;
  before: unknown;
  after: unknown;
}

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  sentAt: string | null;
  /** the text shows a secret link masked */
  secretHidden: boolean;
  /** a mail with a secret link that will never be sent */
  withheld: boolean;
  /** sent; queued (to be tried again); failed (given up); kept (no mail server) */
  state: 'sent' | 'queued' | 'failed' | 'kept';
  /** failed attempts to hand it to the mail server */
  attempts: number;
  /** what the mail server said at the last failed attempt */
  lastError: string | null;
}

export interface Me {
  person: Person;
  locale: string | null;
  coop: Coop | null;
}
