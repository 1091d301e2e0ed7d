/**
 * Personal API tokens for other tools (a till, a bookkeeping program). A token
 * is made and revoked only from a signed-in session, never by another token,
 * and carries only roles its holder has; it is shown once and stored hashed.
 */
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import { authPolicy } from './auth.policy.ts';
import { presentApiToken } from './auth.presenter.ts';
import { activeTokensOf, findActiveToken, insertApiToken, revokeToken } from './api-tokens.repository.ts';

export const API_TOKEN_PREFIX = 'cn_';

export function apiTokensService({ db, config }: AppDeps) {
  async function list(actor: MaybeActor) {
    authorize(actor, authPolicy.manageTokens(actor));
    const rows = await activeTokensOf(db, actor.personId);
    return { items: rows.map(presentApiToken) };
  }

  async function create(actor: MaybeActor, input: { name: string; scopes: string[] }) {
    authorize(actor, authPolicy.manageTokens(actor));
    const scopes = [...new Set(input.scopes)];
    const notHeld = scopes.filter((s) => !authPolicy.grantScope(actor, s));
    if (notHeld.length > 0) {
      throw new AppError(403, 'auth.scope_not_held', 'A token can only carry roles you hold.', { scopes: notHeld });
    }
    const token = newToken(API_TOKEN_PREFIX);
    const row = {
      id: newId(),
      token_hash: hashToken(config.sessionSecret, token),
      person_id: actor.personId,
      name: input.name,
      scopes,
      created_at: nowIso(),
    };
    await db.transaction().execute(async (trx) => {
      await insertApiToken(trx, row);
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'api_token.created',
        subjectType: 'api_token',
        subjectId: row.id,
        after: { name: row.name, scopes },
      });
    });
    return { ...presentApiToken({ ...row, scopes: JSON.stringify(scopes), last_used_at: null }), token };
  }

  async function revoke(actor: MaybeActor, id: string) {
    authorize(actor, authPolicy.manageTokens(actor));
    await db.transaction().execute(async (trx) => {
      const existing = await findActiveToken(trx, id, actor.personId);
      // Someone else's token, or one already revoked, is not there for this person.
      if (!existing || !(await revokeToken(trx, id, actor.personId, nowIso()))) throw notFound('API token');
      await recordAudit(trx, {
        actorId: actor.personId,
        action: 'api_token.revoked',
        subjectType: 'api_token',
        subjectId: id,
        before: { name: existing.name, scopes: JSON.parse(existing.scopes) },
      });
    });
    return { ok: true as const };
  }

  return { list, create, revoke };
}
