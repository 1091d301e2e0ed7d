/** Factories for the proposals and votes tests: people who vote, bylaws to vote under, and the clock moved on. */
import type { Bylaws, MatterRule } from '@coopnet/domain/governance/bylaws';
import type { AppDeps } from '../src/deps.ts';
import { adoptBylaws, closeDue, currentBylaws } from '../src/modules/governance/index.ts';
import type { Client, TestContext } from './harness.ts';
import { actorClient, makeCoop, tableCounts } from './factories.ts';

/** In the future by `hours` (ISO), e.g. a closing time. */
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** Closes every vote due `hours` from now, as the server's clock would then. */
export const closeAfter = (t: TestContext, hours: number) => closeDue(t.deps, hoursFromNow(hours));

/** Adopts bylaws whose rules for the named matters are changed as given (test set-up, as if a bylaw change had passed). */
export async function adoptRules(deps: AppDeps, changes: Record<string, Partial<MatterRule>>): Promise<Bylaws> {
  const { bylaws } = await currentBylaws(deps.db);
  const next: Bylaws = { matters: { ...bylaws.matters } };
  for (const [matter, change] of Object.entries(changes)) next.matters[matter] = { ...bylaws.matters[matter]!, ...change };
  await adoptBylaws(deps.db, next, null);
  return next;
}

export interface Voter {
  id: string;
  email: string;
  client: Client;
}

/** `n` signed-in workers of a (new, member) co-op. */
export async function makeWorkers(t: TestContext, n: number, coopId?: string): Promise<Voter[]> {
  const coop = coopId ?? (await makeCoop(t.deps)).id;
  const out: Voter[] = [];
  for (let i = 0; i < n; i++) out.push(await actorClient(t.deps, t.app, { coopId: coop }));
  return out;
}

export const coordinatorOf = (t: TestContext) => actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] });

/** A proposal made and put to a vote by a coordinator; returns its id. */
export async function openedProposal(
  t: TestContext,
  coordinator: Client,
  input: { matter?: string; title?: string; subject?: Record<string, unknown>; options?: string[]; seats?: number },
  closesInHours = 2,
): Promise<string> {
  const res = await coordinator.post('/api/v1/proposals', { matter: 'free', title: 'A motion', text: 'We resolve to do a thing.', subject: {}, ...input });
  if (res.statusCode !== 201) throw new Error(`proposal: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  const opened = await coordinator.post(`/api/v1/proposals/${id}/open`, { closesAt: hoursFromNow(closesInHours) });
  if (opened.statusCode !== 200) throw new Error(`open: ${opened.statusCode} ${opened.body}`);
  return id;
}

/** tableCounts plus every governance table and the contents of every ballot box, to check that a refusal changed nothing. */
export async function governanceCounts(deps: AppDeps): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = await tableCounts(deps);
  const tables = ['proposals', 'proposal_comments', 'amendments', 'electorate', 'participation', 'ballot_boxes', 'delegations', 'notifications', 'bylaws_versions', 'idempotency_keys'] as const;
  for (const table of tables) {
    const r = await deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  const boxes = await deps.db.selectFrom('ballot_boxes').select(['proposal_id', 'ballots_json']).orderBy('proposal_id').execute();
  out.boxes = boxes.map((b) => `${b.proposal_id}:${b.ballots_json}`).join('|');
  const states = await deps.db.selectFrom('proposals').select(['id', 'status', 'body_text', 'title']).orderBy('id').execute();
  out.proposalStates = states.map((p) => `${p.id}:${p.status}:${p.title}:${p.body_text}`).join('|');
  const delegations = await deps.db.selectFrom('delegations').select(['id', 'revoked_at']).orderBy('id').execute();
  out.delegationStates = delegations.map((d) => `${d.id}:${d.revoked_at}`).join('|');
  return out;
}
