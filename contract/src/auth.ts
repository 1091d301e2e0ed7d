/** Accounts and sessions: sign in and out, the session with its abilities. */
import { z } from 'zod';
import { Email, Password, PersonName, text } from './common.ts';

export const RoleName = z.enum(['coordinator', 'treasurer', 'coop_admin', 'cashier']);

export const SessionPerson = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  coopId: z.string().nullable(),
  coopName: z.string().nullable(),
  supporter: z.boolean(),
  roles: z.array(z.object({ role: RoleName, coopId: z.string().nullable() })),
});
export type SessionPerson = z.infer<typeof SessionPerson>;

export const Abilities = z.object({
  manageNetwork: z.boolean(),
  decideApplications: z.boolean(),
  readAudit: z.boolean(),
  readOutbox: z.boolean(),
  /** the reciprocity accounts: workers and anyone holding a role */
  readReciprocity: z.boolean(),
  adminOfCoops: z.array(z.string()),
  cashierOfCoops: z.array(z.string()),
});
export type Abilities = z.infer<typeof Abilities>;

export const Session = z.object({
  person: SessionPerson.nullable(),
  csrfToken: z.string().nullable(),
  abilities: Abilities,
});
export type Session = z.infer<typeof Session>;

export const SignedIn = z.object({ person: SessionPerson, csrfToken: z.string() });
export type SignedIn = z.infer<typeof SignedIn>;

export const LoginInput = z.strictObject({ email: Email, password: z.string().min(1).max(200) });
export const SignupInput = z.strictObject({
  email: Email,
  displayName: PersonName,
  password: Password,
});
/** The link mailed to a new supporter, to confirm their address. */
export const SignupConfirm = z.strictObject({ token: z.string().min(10).max(200) });
export const ResetRequest = z.strictObject({ email: Email });
export const ResetConfirm = z.strictObject({ token: z.string().min(10).max(200), password: Password });
/** A reset ends every session and revokes every API token of the account. */
export const ResetDone = z.object({
  ok: z.literal(true),
  sessionsEnded: z.number().int(),
  tokensRevoked: z.number().int(),
});
export type ResetDone = z.infer<typeof ResetDone>;
/**
 * A signed-in person changes their own password: the current one proves it is
 * them, the new one follows the rules of sign-up and reset.
 */
export const PasswordChange = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: Password });
/** The change ends the account's other sessions; the one that made it stays signed in. */
export const PasswordChanged = z.object({ ok: z.literal(true), sessionsEnded: z.number().int() });
export type PasswordChanged = z.infer<typeof PasswordChanged>;
export const InvitationToken = z.strictObject({ token: z.string().min(10).max(200) });
export const InvitationView = z.object({
  email: z.string(),
  displayName: z.string(),
  coopName: z.string().nullable(),
  role: z.enum(['worker', 'coop_admin', 'coordinator']),
  /** the address already has an account: its owner accepts signed in, and no password is set */
  existingAccount: z.boolean(),
});
export type InvitationView = z.infer<typeof InvitationView>;
/**
 * A new account chooses `displayName` and `password`. An existing account is
 * accepted by its owner: signed in as that person (no password), or with
 * their current `password`, which signs them in; nothing is set.
 */
export const AcceptInvitation = z.strictObject({
  token: z.string().min(10).max(200),
  password: Password.optional(),
  displayName: PersonName.optional(),
});

export const TokenScope = z
  .string()
  .regex(/^(read|coordinator|treasurer|(coop_admin|cashier):[0-9a-f-]{36})$/, 'a role you hold, such as cashier:<co-op id>');
export const ApiTokenInput = z.strictObject({
  name: text(80),
  scopes: z.array(TokenScope).min(1).max(20),
});
export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
export const ApiTokenList = z.object({ items: z.array(ApiToken) });
export type ApiTokenList = z.infer<typeof ApiTokenList>;
