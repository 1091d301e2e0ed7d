/** Community programmes' routes: programmes, their shifts, signing up, and a person's calendar feed. */
import { IdParams } from '@coopnet/contract';
import {
  CalendarLink,
  CalendarParams,
  Figure,
  FigureInput,
  Programme,
  ProgrammeInput,
  ProgrammeList,
  Shift,
  ShiftInput,
  ShiftParams,
} from '@coopnet/contract/programmes';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { calendarService } from './calendar.service.ts';
import { programmesService } from './programmes.service.ts';

const tags = ['programmes'];

export const programmesRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const programmes = programmesService(deps);
    const calendar = calendarService(deps);

    app.get(
      '/programmes',
      { schema: { tags, summary: 'Community programmes (public)', response: { 200: ProgrammeList } } },
      () => programmes.list(),
    );
    app.post(
      '/programmes',
      {
        schema: {
          tags,
          summary: 'Starts a community programme (coordinators)',
          body: ProgrammeInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) => reply.code(201).send(await programmes.create(req.actor, req.body)),
    );
    app.get(
      '/programmes/:id',
      {
        schema: {
          tags,
          summary: 'A programme with its coming shifts (public)',
          params: IdParams,
          response: { 200: Programme },
        },
      },
      (req) => programmes.read(req.actor, req.params.id),
    );
    app.post(
      '/programmes/:id/shifts',
      {
        schema: {
          tags,
          summary: 'Creates a volunteer shift (the programme’s coordinators)',
          params: IdParams,
          body: ShiftInput,
          response: { 201: Shift },
        },
      },
      async (req, reply) => reply.code(201).send(await programmes.addShift(req.actor, req.params.id, req.body)),
    );
    app.post(
      '/programmes/:id/figures',
      {
        schema: {
          tags,
          summary: 'Reports a week’s figure of the programme’s impact (its coordinators)',
          params: IdParams,
          body: FigureInput,
          response: { 200: Figure },
        },
      },
      (req) => programmes.reportFigure(req.actor, req.params.id, req.body),
    );
    app.post(
      '/programmes/:id/shifts/:shiftId/signup',
      {
        schema: {
          tags,
          summary: 'Signs the reader up to a shift (members)',
          params: ShiftParams,
          response: { 200: Shift },
        },
      },
      (req) => programmes.signUp(req.actor, req.params.id, req.params.shiftId),
    );
    app.delete(
      '/programmes/:id/shifts/:shiftId/signup',
      { schema: { tags, summary: 'Withdraws the reader from a shift', params: ShiftParams, response: { 200: Shift } } },
      (req) => programmes.withdraw(req.actor, req.params.id, req.params.shiftId),
    );
    app.post(
      '/programmes/calendar-link',
      {
        schema: {
          tags,
          summary: 'Makes the reader a new private calendar link (the old one stops working)',
          response: { 201: CalendarLink },
        },
      },
      async (req, reply) => reply.code(201).send(await calendar.newLink(req.actor)),
    );
    app.get(
      '/programmes/calendar/:token',
      { schema: { tags, summary: 'One person’s shifts as iCalendar, by their private link', params: CalendarParams } },
      async (req, reply) =>
        reply
          .type('text/calendar; charset=utf-8')
          .header('cache-control', 'private, no-store')
          .send(await calendar.feed(req.params.token, req.hostname || 'coopnet')),
    );
  };
