/** /auth: sign in and out, the session, sign-up, password reset, invitations, API tokens. */
import { Ok } from '@coopnet/contract';
import { LoginInput, Session, SignedIn } from '@coopnet/contract/auth';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { sessionService } from './session.service.ts';

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const sessions = sessionService(deps);
    const tags = ['auth'];

    app.post(
      '/auth/login',
      {
        schema: { tags, body: LoginInput, response: { 200: SignedIn } },
        config: {
          rateLimit: {
            max: deps.config.loginRateLimitMax,
            timeWindow: '15 minutes',
            hook: 'preHandler',
            // Per address and per account, so one attacker cannot lock everyone out.
            keyGenerator: (req) => `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
          },
        },
      },
      (req, reply) => sessions.login(req.body.email, req.body.password, reply),
    );
    app.post('/auth/logout', { schema: { tags, response: { 200: Ok } } }, (req, reply) => sessions.logout(req.sessionId, reply));
    app.get('/auth/session', { schema: { tags, response: { 200: Session } } }, (req) => sessions.current(req.actor, req.csrfToken));
  };
