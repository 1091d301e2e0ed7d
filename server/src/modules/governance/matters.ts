/**
 * The seam between governance and the rest of Coopnet: a module defines a
 * kind of matter — what a proposal of that kind is about (its subject), when
 * that subject is valid, how to say it in words, and what happens when the
 * proposal passes — and exports it; server/src/wiring.ts registers them all
 * at start-up. Governance only looks matters up here; adding one never
 * changes governance code. See docs/decisions/0006-matters-seam.md.
 */
import type { z } from 'zod';
import type { Executor, Tx } from '../../db/database.ts';
import type { ProposalTable } from '../../db/schema-governance.ts';
import type { AppDeps } from '../../deps.ts';
import type { Actor } from '../../platform/auth/actor.ts';

export interface MatterContext {
  deps: AppDeps;
  /** null: the effect is the decision of a body, carried out by the system */
  actorId: string | null;
  proposal: ProposalTable;
}

export interface MatterDefinition<S = unknown> {
  /** the kind, as named in the bylaws' `matters` (e.g. 'admission', 'fund_grant_large') */
  matter: string;
  /** the shape of the proposal's subject; a mismatch is 400 'governance.bad_subject' */
  subject: z.ZodType<S>;
  /**
   * Throws an AppError when the subject is not valid now (a co-op that is not
   * an applicant, bylaws that do not make sense). Run when the proposal is
   * made, when voting opens, and again before the effect is applied.
   */
  check(trx: Executor, subject: S): Promise<void>;
  /** the subject in a sentence, for people (lists, notifications, the audit log) */
  describe(subject: S, ex: Executor): string | Promise<string>;
  /**
   * What a passed proposal does, in the transaction that closes the vote.
   * Matters without an effect (a free proposal, an election) leave it out.
   */
  apply?(trx: Tx, ctx: MatterContext, subject: S): Promise<void>;
  /** who may put such a matter to a vote; coordinators when left out */
  mayPropose?(actor: Actor, facts: { networkMember: boolean }): boolean;
  /** whether the vote needs options (candidates) and seats */
  needsOptions?: boolean;
  /** at most one undecided proposal per subject (one admission vote per co-op at a time) */
  oneAtATime?: boolean;
}

const registry = new Map<string, MatterDefinition>();

export function registerMatter<S>(definition: MatterDefinition<S>): void {
  const existing = registry.get(definition.matter);
  if (existing && existing !== (definition as MatterDefinition)) {
    throw new Error(`matter '${definition.matter}' is already registered`);
  }
  registry.set(definition.matter, definition as MatterDefinition);
}

/** Every kind at once, at start-up (server/src/wiring.ts); registering the same definitions again changes nothing. */
export function registerMatters(definitions: readonly MatterDefinition[]): void {
  for (const definition of definitions) registerMatter(definition);
}

export function findMatter(matter: string): MatterDefinition | undefined {
  return registry.get(matter);
}

export function registeredMatters(): string[] {
  return [...registry.keys()].sort();
}
