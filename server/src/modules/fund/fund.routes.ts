/** The solidarity fund: its figures, movements, reversals, the books' closed date, the journal, and applications. */
import { Readable } from 'node:stream';
import { IdParams } from '@coopnet/contract';
import {
  AnswerInput,
  ApplicationInput,
  ApplicationList,
  BooksInput,
  GenerateInput,
  GenerateResult,
  ImportResult,
  LoanChangeInput,
  LoanList,
  LoanStatement,
  RevenueInput,
  ViabilityInput,
  ObligationList,
  ObligationQuery,
  Obligation,
  PaymentInput,
  StatementInput,
  DuesBatchInput,
  DuesBatchResult,
  Gift,
  GiftInput,
  GiftList,
  SurplusCorrectionInput,
  SurplusCoopParams,
  SurplusDeclaration,
  SurplusDeclarationList,
  SurplusInput,
  SurplusParams,
  FundApplication,
  FundView,
  Movement,
  MovementInput,
  MovementList,
  MovementQuery,
  ReversalInput,
  Transparency,
  WriteOffInput,
} from '@coopnet/contract/fund';
import { BudgetInput, BudgetParams, FundBudgets, FundFlows, YearQuery } from '@coopnet/contract/fund';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { badRequest } from '../../platform/errors.ts';
import { requiredIdempotencyKey } from '../../platform/idempotency.ts';
import { applicationsService } from './applications.service.ts';
import { contributionsService } from './contributions.service.ts';
import { giftsService } from './gifts.service.ts';
import { surplusService } from './surplus.service.ts';
import { loanChangesService } from './loan-changes.service.ts';
import { loansService } from './loans.service.ts';
import { fundService } from './fund.service.ts';
import { flowsService } from './flows.service.ts';

/** A file sent as it is made. Its first part is awaited first, so a refusal is answered as one before anything is sent. */
async function download(reply: FastifyReply, parts: AsyncGenerator<string>, type: string, filename: string) {
  const first = await parts.next();
  async function* all() {
    if (!first.done) yield first.value;
    yield* parts;
  }
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(Readable.from(all()));
}

const keyRequired = () =>
  badRequest(
    'fund.idempotency_key_required',
    'Send an Idempotency-Key header of 8–100 visible characters (a UUID will do), the same on every retry.',
  );

export const fundRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const fund = fundService(deps);
    const applications = applicationsService(deps);
    const contributions = contributionsService(deps);
    const surplus = surplusService(deps);
    const gifts = giftsService(deps);
    const loans = loansService(deps);
    const flows = flowsService(deps);
    const tags = ['fund'];

    app.get(
      '/fund',
      {
        schema: {
          tags,
          summary: 'The fund’s sub-funds and accounts with their balances (public)',
          response: { 200: FundView },
        },
      },
      (req) => fund.view(req.actor),
    );
    app.get(
      '/fund/transparency',
      { schema: { tags, summary: 'What the fund gave and who paid in (public)', response: { 200: Transparency } } },
      () => fund.transparency(),
    );
    // Where the money came from and went, and budgets against actual: a year at a time, apart from /fund to keep it quick.
    app.get(
      '/fund/flows',
      {
        schema: {
          tags,
          summary: 'Where the fund’s money came from and where it went in a year, per sub-fund (public)',
          querystring: YearQuery,
          response: { 200: FundFlows },
        },
      },
      (req) => flows.flows(req.query.year),
    );
    app.get(
      '/fund/budgets',
      {
        schema: {
          tags,
          summary: 'Each sub-fund’s budget for a year against what it spent and took in (public)',
          querystring: YearQuery,
          response: { 200: FundBudgets },
        },
      },
      (req) => flows.budgets(req.actor, req.query.year),
    );
    app.put(
      '/fund/budgets/:year/:subFund',
      {
        config: { tokens: ['treasurer'] },
        schema: {
          tags,
          summary: 'Sets a sub-fund’s budget for a year, kept as a new version (treasurers)',
          params: BudgetParams,
          body: BudgetInput,
          response: { 200: FundBudgets },
        },
      },
      (req) => flows.setBudget(req.actor, req.params.year, req.params.subFund, req.body),
    );
    app.get(
      '/fund/movements',
      { schema: { tags, querystring: MovementQuery, response: { 200: MovementList } } },
      (req) => fund.list(req.actor, req.query.limit, req.query.offset),
    );
    app.get('/fund/movements/:id', { schema: { tags, params: IdParams, response: { 200: Movement } } }, (req) =>
      fund.movement(req.actor, req.params.id),
    );
    // 201 when this call posted it; 200 with the same movement for a retry with the same Idempotency-Key.
    app.post(
      '/fund/movements',
      {
        config: { tokens: ['treasurer'] },
        schema: {
          tags,
          summary: 'Posts a balanced movement (treasurers)',
          body: MovementInput,
          response: { 200: Movement, 201: Movement },
        },
      },
      async (req, reply) => {
        const { created, movement } = await fund.post(req.actor, req.body, requiredIdempotencyKey(req, keyRequired));
        return reply.status(created ? 201 : 200).send(movement);
      },
    );
    app.post(
      '/fund/movements/:id/reversal',
      {
        config: { tokens: ['treasurer'] },
        schema: {
          tags,
          summary: 'Reverses a movement, today (treasurers)',
          params: IdParams,
          body: ReversalInput,
          response: { 200: Movement, 201: Movement },
        },
      },
      async (req, reply) => {
        const { created, movement } = await fund.reverse(
          req.actor,
          req.params.id,
          req.body,
          requiredIdempotencyKey(req, keyRequired),
        );
        return reply.status(created ? 201 : 200).send(movement);
      },
    );
    app.put(
      '/fund/books',
      {
        config: { tokens: ['treasurer'] },
        schema: {
          tags,
          summary: 'Closes the books through a day (treasurers)',
          body: BooksInput,
          response: { 200: FundView },
        },
      },
      (req) => fund.closeBooks(req.actor, req.body),
    );
    app.get(
      '/fund/movements.csv',
      { schema: { tags, summary: 'Every line of every movement as CSV (members)' } },
      async (req, reply) => download(reply, fund.csv(req.actor), 'text/csv; charset=utf-8', 'fund-movements.csv'),
    );
    app.get(
      '/fund/journal',
      { schema: { tags, summary: 'The ledger as a plain-text journal hledger reads (treasurers, coordinators)' } },
      async (req, reply) => download(reply, fund.journal(req.actor), 'text/plain; charset=utf-8', 'fund.journal'),
    );

    // Applications: a co-op's admin applies; the fund committee answers; a treasurer (not an approver) pays.
    app.get('/fund/applications', { schema: { tags, response: { 200: ApplicationList } } }, (req) =>
      applications.list(req.actor),
    );
    app.post(
      '/fund/applications',
      {
        config: { tokens: [] },
        schema: {
          tags,
          summary: 'Applies to the fund for a co-op (its admins)',
          body: ApplicationInput,
          response: { 201: FundApplication },
        },
      },
      async (req, reply) => reply.status(201).send(await applications.apply(req.actor, req.body)),
    );
    app.get(
      '/fund/applications/:id',
      { schema: { tags, params: IdParams, response: { 200: FundApplication } } },
      (req) => applications.get(req.actor, req.params.id),
    );
    app.post(
      '/fund/applications/:id/answers',
      {
        config: { tokens: [] },
        schema: {
          tags,
          summary: 'Approves or declines (fund committee members)',
          params: IdParams,
          body: AnswerInput,
          response: { 200: FundApplication },
        },
      },
      (req) => applications.answer(req.actor, req.params.id, req.body),
    );
    // 201 when this call paid it; 200 for a retry with the payment's own Idempotency-Key.
    app.post(
      '/fund/applications/:id/payment',
      {
        config: { tokens: [] },
        schema: {
          tags,
          summary: 'Pays an approved application (a treasurer who did not approve it)',
          params: IdParams,
          response: { 200: FundApplication, 201: FundApplication },
        },
      },
      async (req, reply) => {
        const { created, application } = await applications.pay(
          req.actor,
          req.params.id,
          requiredIdempotencyKey(req, keyRequired),
        );
        return reply.status(created ? 201 : 200).send(application);
      },
    );

    // Contributions: a month's dues, payments by hand, bank statements imported.
    const TREASURER = { tokens: ['treasurer'] as const };
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

    // Loans: each co-op's statement; repayments booked by hand (or from a bank statement, above).
    app.get('/fund/loans', { schema: { tags, response: { 200: LoanList } } }, (req) => loans.list(req.actor));
    app.get('/fund/loans/:id', { schema: { tags, params: IdParams, response: { 200: LoanStatement } } }, (req) =>
      loans.statement(req.actor, req.params.id),
    );
    app.post(
      '/fund/loans/:id/repayments',
      {
        config: TREASURER,
        schema: {
          tags,
          summary: 'Books a loan repayment: interest first, then principal (treasurers)',
          params: IdParams,
          body: PaymentInput,
          response: { 200: LoanStatement, 201: LoanStatement },
        },
      },
      async (req, reply) => {
        const { created, loan } = await loans.repay(
          req.actor,
          req.params.id,
          req.body,
          requiredIdempotencyKey(req, keyRequired),
        );
        return reply.status(created ? 201 : 200).send(loan);
      },
    );
    app.post(
      '/fund/loans/:id/write-off',
      {
        config: TREASURER,
        schema: {
          tags,
          summary: 'Forgives or writes off what is left of a loan, on a passed proposal (treasurers)',
          params: IdParams,
          body: WriteOffInput,
          response: { 200: LoanStatement },
        },
      },
      async (req) => loans.writeOff(req.actor, req.params.id, req.body, requiredIdempotencyKey(req, keyRequired)),
    );
    // Changes to a loan that move no money: a treasurer's freeze, its end, a reschedule (on a passed proposal);
    // the co-op admin's (or a treasurer's) month of revenue, or the month the co-op covers its costs.
    const loanChanges = loanChangesService(deps);
    app.post(
      '/fund/loans/:id/changes',
      {
        config: TREASURER,
        schema: {
          tags,
          summary: 'Freezes a loan, ends a freeze or reschedules it, on a passed proposal (treasurers)',
          params: IdParams,
          body: LoanChangeInput,
          response: { 201: LoanStatement },
        },
      },
      async (req, reply) => reply.status(201).send(await loanChanges.change(req.actor, req.params.id, req.body)),
    );
    app.post(
      '/fund/loans/:id/revenues',
      {
        config: TREASURER,
        schema: {
          tags,
          summary: 'Declares a month’s revenue for a revenue-share loan; again for a month corrects it (the co-op’s admin or a treasurer)',
          params: IdParams,
          body: RevenueInput,
          response: { 201: LoanStatement },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await loanChanges.declareRevenue(req.actor, req.params.id, req.body)),
    );
    app.post(
      '/fund/loans/:id/viability',
      {
        config: TREASURER,
        schema: {
          tags,
          summary: 'Declares the month from which the co-op covers its costs and wages (the co-op’s admin or a treasurer)',
          params: IdParams,
          body: ViabilityInput,
          response: { 201: LoanStatement },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await loanChanges.declareViable(req.actor, req.params.id, req.body)),
    );
  };
