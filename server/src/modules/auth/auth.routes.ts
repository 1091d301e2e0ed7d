/** /auth: sign in and out, the session, sign-up, password reset, invitations, API tokens; /me/password. */
import { IdParams, Ok } from '@coopnet/contract';
import {
  AcceptInvitation,
  ApiTokenInput,
  ApiTokenList,
  CreatedApiToken,
  InvitationToken,
  InvitationView,
  LoginInput,
  PasswordChange,
  PasswordChanged,
  ResetConfirm,
  ResetDone,
  ResetRequest,
  Session,
  SignedIn,
  SignupConfirm,
  SignupInput,
} from '@coopnet/contract/auth';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { apiTokensService } from './api-tokens.service.ts';
import { invitationsService } from './invitations.service.ts';
import { passwordChangeService } from './password-change.service.ts';
import { passwordResetService } from './password-reset.service.ts';
import { sessionService } from './session.service.ts';
import { signupService } from './signup.service.ts';
import { NO_TOKEN, READS_AND_TILL } from '../../platform/auth/token-scopes.ts';

/** Per address and per account, so one attacker cannot lock everyone out. */
const ipAndEmail = (req: FastifyRequest) =>
  `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`;

/**
 * Per address and account: the e-mail typed at sign-in, or the signed-in
 * person's own when they give their current password to change it.
 */
const ipAndAccount = (req: FastifyRequest) => {
  const typed = (req.body as { email?: unknown } | undefined)?.email;
  return `${req.ip}|${String(typed ?? req.actor?.email ?? '').toLowerCase()}`;
};

/** Per address and per invitation: password guesses against one invitation are limited like sign-ins. */
const ipAndInvitation = (req: FastifyRequest) =>
  `${req.ip}|${String((req.body as { token?: unknown } | undefined)?.token ?? '')}`;

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const sessions = sessionService(deps);
    const signups = signupService(deps);
    const resets = passwordResetService(deps);
    const invitations = invitationsService(deps);
    const tokens = apiTokensService(deps);
    const passwords = passwordChangeService(deps);
    const tags = ['auth'];

    // Rate limits run as preHandler, after validation, so malformed requests do not use up the allowance.
    // Every try of a password (signing in, or the current one when changing it) counts in one
    // allowance per address and account: changing is no faster a way to guess than signing in.
    // The routes that share it set `rateLimit: false` so that the global limit does not replace it.
    const passwordTries = app.rateLimit({
      max: deps.config.loginRateLimitMax,
      timeWindow: '15 minutes',
      keyGenerator: ipAndAccount,
    });
    app.post(
      '/auth/login',
      {
        schema: { tags, body: LoginInput, response: { 200: SignedIn } },
        config: { rateLimit: false },
        preHandler: passwordTries,
      },
      (req, reply) => sessions.login(req.body.email, req.body.password, reply),
    );
    app.post('/auth/logout', { schema: { tags, response: { 200: Ok } } }, (req, reply) =>
      sessions.logout(req.sessionId, reply),
    );
    app.get('/auth/session', { config: { tokens: READS_AND_TILL }, schema: { tags, response: { 200: Session } } }, (req) =>
      sessions.current(req.actor, req.csrfToken),
    );

    // 202 whether or not the address is known: the mail says the rest, to the address's owner only.
    app.post(
      '/auth/signup',
      {
        schema: { tags, body: SignupInput, response: { 202: Ok } },
        config: { rateLimit: { max: 20, timeWindow: '1 hour', hook: 'preHandler' } },
      },
      async (req, reply) => reply.status(202).send(signups.signup(req.body)),
    );
    app.post(
      '/auth/signup/confirm',
      {
        schema: { tags, body: SignupConfirm, response: { 201: SignedIn } },
        config: { rateLimit: { max: 20, timeWindow: '15 minutes', hook: 'preHandler' } },
      },
      async (req, reply) => reply.status(201).send(await signups.confirm(req.body.token, reply)),
    );

    app.post(
      '/auth/password-reset',
      {
        schema: { tags, body: ResetRequest, response: { 200: Ok } },
        config: { rateLimit: { max: 5, timeWindow: '15 minutes', hook: 'preHandler', keyGenerator: ipAndEmail } },
      },
      (req) => resets.request(req.body.email, { personId: req.actor?.personId ?? null, ip: req.ip }),
    );
    app.post(
      '/auth/password-reset/confirm',
      { schema: { tags, body: ResetConfirm, response: { 200: ResetDone } } },
      (req) => resets.confirm(req.body.token, req.body.password, req.ip),
    );

    app.get(
      '/auth/invitations/:token',
      { schema: { tags, params: InvitationToken, response: { 200: InvitationView } } },
      (req) => invitations.view(req.params.token),
    );
    app.post(
      '/auth/invitations/accept',
      {
        schema: { tags, body: AcceptInvitation, response: { 200: SignedIn } },
        // An existing account's owner may give their password here: as limited as signing in.
        config: {
          rateLimit: {
            max: deps.config.loginRateLimitMax,
            timeWindow: '15 minutes',
            hook: 'preHandler',
            keyGenerator: ipAndInvitation,
          },
        },
      },
      (req, reply) => invitations.accept(req.body, req.actor, req.csrfToken, reply),
    );

    // The person, signed in, with their current password: no API token changes a password.
    app.post(
      '/me/password',
      {
        schema: { tags: ['me'], body: PasswordChange, response: { 200: PasswordChanged } },
        config: { tokens: NO_TOKEN, rateLimit: false },
        preHandler: passwordTries,
      },
      (req) => passwords.change({ actor: req.actor, sessionId: req.sessionId, ip: req.ip }, req.body),
    );

    const tokenTags = ['api tokens'];
    app.get('/auth/tokens', { schema: { tags: tokenTags, response: { 200: ApiTokenList } } }, (req) =>
      tokens.list(req.actor),
    );
    app.post(
      '/auth/tokens',
      { schema: { tags: tokenTags, body: ApiTokenInput, response: { 201: CreatedApiToken } } },
      async (req, reply) => reply.status(201).send(await tokens.create(req.actor, req.body)),
    );
    app.delete('/auth/tokens/:id', { schema: { tags: tokenTags, params: IdParams, response: { 200: Ok } } }, (req) =>
      tokens.revoke(req.actor, req.params.id),
    );
  };
