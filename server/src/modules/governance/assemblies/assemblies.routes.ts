/** Assemblies: meetings of a body with agenda, attendance, minutes, and the public calendar feed. */
import { IdParams, Ok, page } from '@coopnet/contract';
import {
  AgendaInput,
  Assembly,
  AssemblyInput,
  AssemblyListQuery,
  AssemblyPatch,
  AssemblyWithAbilities,
  AttendanceInput,
  AttendanceListQuery,
  AttendanceParams,
  Attendee,
} from '@coopnet/contract/governance-bodies';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../deps.ts';
import { assembliesService } from './assemblies.service.ts';
import { assembliesFeed } from './ics.ts';
import type { TokenKind } from '../../../platform/auth/token-scopes.ts';

/** A coordinator's token may run assemblies (a program keeping attendance at the door). */
const COORDINATOR = { tokens: ['coordinator'] as TokenKind[] };

export const assembliesRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const assemblies = assembliesService(deps);
    const tags = ['governance'];

    app.get('/assemblies', { schema: { tags, querystring: AssemblyListQuery, response: { 200: page(Assembly) } } }, (req) => assemblies.list(req.query));
    app.get('/assemblies.ics', { schema: { tags, summary: 'The assemblies as an iCalendar (RFC 5545) feed' } }, async (_req, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="assemblies.ics"')
        .header('cache-control', 'public, max-age=300')
        .send(await assembliesFeed(deps)),
    );
    app.post('/assemblies', { config: COORDINATOR, schema: { tags, body: AssemblyInput, response: { 201: AssemblyWithAbilities } } }, async (req, reply) =>
      reply.status(201).send(await assemblies.create(req.actor, req.body)),
    );
    app.get('/assemblies/:id', { schema: { tags, params: IdParams, response: { 200: AssemblyWithAbilities } } }, (req) => assemblies.show(req.actor, req.params.id));
    app.patch('/assemblies/:id', { config: COORDINATOR, schema: { tags, params: IdParams, body: AssemblyPatch, response: { 200: AssemblyWithAbilities } } }, (req) =>
      assemblies.update(req.actor, req.params.id, req.body),
    );
    app.put('/assemblies/:id/agenda', { config: COORDINATOR, schema: { tags, params: IdParams, body: AgendaInput, response: { 200: AssemblyWithAbilities } } }, (req) =>
      assemblies.setAgenda(req.actor, req.params.id, req.body.proposalIds),
    );
    app.get('/assemblies/:id/attendance', { schema: { tags, params: IdParams, querystring: AttendanceListQuery, response: { 200: page(Attendee) } } }, (req) =>
      assemblies.attendance(req.actor, req.params.id, req.query),
    );
    app.post('/assemblies/:id/attendance', { config: COORDINATOR, schema: { tags, params: IdParams, body: AttendanceInput, response: { 200: Attendee, 201: Attendee } } }, async (req, reply) => {
      const { created, attendee } = await assemblies.recordAttendance(req.actor, req.params.id, req.body.personId);
      return reply.status(created ? 201 : 200).send(attendee);
    });
    app.delete('/assemblies/:id/attendance/:personId', { config: COORDINATOR, schema: { tags, params: AttendanceParams, response: { 200: Ok } } }, (req) =>
      assemblies.removeAttendance(req.actor, req.params.id, req.params.personId),
    );
  };
