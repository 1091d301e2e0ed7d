/** Contributions: a month's dues, payments by hand and from bank statements, the yearly share of surplus, gifts, and a co-op's account with the fund. */
import { IdParams } from '@coopnet/contract';
import {
  ArrearsList,
  CoopAccount,
  DuesBatchInput,
  DuesBatchResult,
  GenerateInput,
  GenerateResult,
  Gift,
  GiftInput,
  GiftList,
  ImportResult,
  Obligation,
  ObligationList,
  ObligationQuery,
  PaymentInput,
  StatementInput,
  SurplusCoopParams,
  SurplusCorrectionInput,
  SurplusDeclaration,
  SurplusDeclarationList,
  SurplusInput,
  SurplusParams,
} from '@coopnet/contract/fund';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { requiredIdempotencyKey } from '../../platform/idempotency.ts';
import { keyRequired, tags, TREASURER } from './route-helpers.ts';
import { contributionsService } from './contributions.service.ts';
import { surplusService } from './surplus.service.ts';
import { coopAccountService } from './coop-account.service.ts';
import { giftsService } from './gifts.service.ts';

export const contributionRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const contributions = contributionsService(deps);
    const surplus = surplusService(deps);
    const gifts = giftsService(deps);
    const coopAccounts = coopAccountService(deps);

    // Contributions: a month's dues, payments by hand, bank statements imported.
    app.post(
      '/fund/obligations',
      {
        config: TREASURER,
        schema: {
          tags,
          summary: 'Generates a month’s dues for every member co-op (treasurers)',
          body: GenerateInput,
          response: { 200: GenerateResult },
        },
      },
      (req) => contributions.generate(req.actor, req.body.period),
    );
    app.get(
      '/fund/obligations',
      { schema: { tags, querystring: ObligationQuery, response: { 200: ObligationList } } },
      (req) => contributions.list(req.actor, req.query),
    );
    // 201 when this call booked it; 200 for a retry with the same Idempotency-Key.
    app.post(
      '/fund/obligations/:id/payments',
      {
        config: TREASURER,
        schema: {
          tags,
          summary: 'Books a payment of what a co-op owes (treasurers)',
          params: IdParams,
          body: PaymentInput,
          response: { 200: Obligation, 201: Obligation },
        },
      },
      async (req, reply) => {
        const { created, obligation } = await contributions.pay(
          req.actor,
          req.params.id,
          req.body,
          requiredIdempotencyKey(req, keyRequired),
        );
        return reply.status(created ? 201 : 200).send(obligation);
      },
    );
    const STATEMENT = { bodyLimit: 6 * 1024 * 1024 };
    app.post(
      '/fund/statements/preview',
      {
        ...STATEMENT,
        config: TREASURER,
        schema: {
          tags,
          summary: 'Reads a bank statement and shows what it would book (treasurers)',
          body: StatementInput,
          response: { 200: ImportResult },
        },
      },
      (req) => contributions.importStatement(req.actor, req.body.csv, req.body.mapping, false),
    );
    app.post(
      '/fund/statements',
      {
        ...STATEMENT,
        config: TREASURER,
        schema: {
          tags,
          summary: 'Books the payments a bank statement holds, once (treasurers)',
          body: StatementInput,
          response: { 200: ImportResult },
        },
      },
      (req) => contributions.importStatement(req.actor, req.body.csv, req.body.mapping, true),
    );
    // A month's dues a batch of co-ops at a time, for a page that shows how far it is.
    app.post(
      '/fund/obligations/batches',
      {
        config: TREASURER,
        schema: {
          tags,
          summary: 'Generates a month’s dues for the next 50 member co-ops (treasurers)',
          body: DuesBatchInput,
          response: { 200: DuesBatchResult },
        },
      },
      (req) => contributions.generateBatch(req.actor, req.body.period, req.body.after),
    );

    // The yearly share of surplus: a co-op's accounts declared, corrected by a treasurer.
    app.get(
      '/fund/coops/:coopId/surplus',
      { schema: { tags, params: SurplusCoopParams, response: { 200: SurplusDeclarationList } } },
      (req) => surplus.list(req.actor, req.params.coopId),
    );
    // 201 when this call declared it; 200 for the same declaration again.
    app.post(
      '/fund/coops/:coopId/surplus',
      {
        config: { tokens: ['coop_admin', 'treasurer'] },
        schema: {
          tags,
          summary: 'Declares a co-op’s year: the day its accounts closed and its surplus (its admins, treasurers)',
          params: SurplusCoopParams,
          body: SurplusInput,
          response: { 200: SurplusDeclaration, 201: SurplusDeclaration },
        },
      },
      async (req, reply) => {
        const { created, declaration } = await surplus.declare(
          req.actor,
          req.params.coopId,
          req.body,
          requiredIdempotencyKey(req, keyRequired),
        );
        return reply.status(created ? 201 : 200).send(declaration);
      },
    );
    app.post(
      '/fund/coops/:coopId/surplus/:year/correction',
      {
        config: TREASURER,
        schema: {
          tags,
          summary: 'Corrects a co-op’s declared year, rebooking its share (treasurers)',
          params: SurplusParams,
          body: SurplusCorrectionInput,
          response: { 200: SurplusDeclaration },
        },
      },
      (req) =>
        surplus.correct(
          req.actor,
          req.params.coopId,
          req.params.year,
          req.body,
          requiredIdempotencyKey(req, keyRequired),
        ),
    );

    // Voluntary gifts: recorded by a treasurer, listed for anyone.
    app.get(
      '/fund/gifts',
      { schema: { tags, summary: 'Gifts of the last twelve months (public)', response: { 200: GiftList } } },
      (req) => gifts.list(req.actor),
    );
    // 201 when this call booked it; 200 for a retry with the same Idempotency-Key.
    app.post(
      '/fund/gifts',
      {
        config: TREASURER,
        schema: {
          tags,
          summary: 'Records a gift to the fund (treasurers)',
          body: GiftInput,
          response: { 200: Gift, 201: Gift },
        },
      },
      async (req, reply) => {
        const { created, gift } = await gifts.record(req.actor, req.body, requiredIdempotencyKey(req, keyRequired));
        return reply.status(created ? 201 : 200).send(gift);
      },
    );

    // A co-op's account with the fund: every movement naming it, and what it owes after each (its people, treasurers, coordinators).
    app.get(
      '/fund/coops/:coopId/account',
      {
        schema: {
          tags,
          summary: 'A co-op’s account with the fund',
          params: SurplusCoopParams,
          response: { 200: CoopAccount },
        },
      },
      (req) => coopAccounts.account(req.actor, req.params.coopId),
    );

    // Who is behind with the fund: per co-op, what it owes past the due day (treasurers and coordinators).
    app.get('/fund/arrears', { schema: { tags, summary: 'Co-ops behind with their dues', response: { 200: ArrearsList } } }, (req) =>
      contributions.arrears(req.actor),
    );
  };
