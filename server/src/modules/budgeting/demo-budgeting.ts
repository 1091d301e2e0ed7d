/**
 * The demo's participatory budgeting round: proposals are over, allocation
 * is under way (it ends in two weeks), four projects — one for the food bank —
 * and most members have spread their share already (at random within the
 * rules, the same every time), so closing it funds some projects and not
 * others.
 */
import { budgeting as rules } from '@coopnet/domain';
import type { Tx } from '../../db/database.ts';
import { newId } from '../../platform/clock.ts';
import * as repo from './budgeting.repository.ts';

const dayFrom = (now: string, days: number) => new Date(Date.parse(now) + days * 86_400_000).toISOString().slice(0, 10);

const PROJECTS = [
  [
    'More shelves and a fridge for the food bank',
    'Shelving and a second-hand fridge so fresh food keeps until Saturday.',
    20_000,
    60_000,
    true,
  ],
  [
    'Saturday breakfast in the square',
    'Coffee, bread and fruit for anyone who comes, served by volunteers.',
    40_000,
    90_000,
    false,
  ],
  [
    'Tools for a repair café',
    'A toolbox, a soldering station and sewing machines to mend what breaks.',
    15_000,
    35_000,
    false,
  ],
  [
    'A neighbourhood radio studio',
    'Microphones and a mixing desk for a weekly programme made by neighbours.',
    80_000,
    150_000,
    false,
  ],
] as const;

export async function seedDemoBudgeting(trx: Tx, o: { coordinatorId: string; now: string }) {
  const available = await repo.programmesBalance(trx);
  const amount = Math.min(300_000, available);
  if (amount <= 0) return { budgetRounds: 0 };
  const id = newId();
  await repo.insertRound(trx, {
    id,
    title: 'Neighbourhood projects 2027',
    amount_cents: amount,
    cap_cents: Math.max(1, Math.floor(amount / 100)),
    members: 0,
    share_cents: 0,
    proposals_from: dayFrom(o.now, -30),
    proposals_until: dayFrom(o.now, -10),
    allocation_from: dayFrom(o.now, -7),
    allocation_until: dayFrom(o.now, 14),
    opened_by: o.coordinatorId,
    opened_at: new Date(Date.parse(o.now) - 31 * 86_400_000).toISOString(),
    closed_by: null,
    closed_at: null,
    granted_cents: null,
  });
  const members = await repo.enrolMembers(trx, id);
  const share = rules.memberShare(amount, members);
  const cap = Math.max(1, Math.floor(amount / 100));
  await repo.setShare(trx, id, members, share);
  const foodBank = await trx.selectFrom('programmes').select('id').orderBy('created_at').executeTakeFirst();
  const ids: string[] = [];
  for (const [i, [title, description, min, max, forFoodBank]] of PROJECTS.entries()) {
    const pid = newId();
    ids.push(pid);
    await repo.insertProject(trx, {
      id: pid,
      round_id: id,
      title,
      description,
      minimum_cents: Math.min(min, amount),
      maximum_cents: Math.min(max, amount),
      programme_id: forFoodBank && foodBank ? foodBank.id : null,
      proposed_by: o.coordinatorId,
      proposed_at: new Date(Date.parse(o.now) - (25 - i) * 86_400_000).toISOString(),
      total_cents: null,
      granted_cents: null,
      movement_id: null,
    });
  }
  // Two members in three have allocated: a seeded spread within the share and the cap.
  const people = await trx
    .selectFrom('budget_members')
    .select('person_id')
    .where('round_id', '=', id)
    .orderBy('person_id')
    .execute();
  let seed = 20_270;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const rows: { round_id: string; person_id: string; project_id: string; cents: number; at: string }[] = [];
  let allocated = 0;
  for (const p of people) {
    if (next() < 0.34) continue;
    let left = share;
    for (const [i, projectId] of ids.entries()) {
      const cents = Math.min(cap, left, Math.floor(share * [0.35, 0.3, 0.2, 0.15][i]! * (0.5 + next())));
      left -= cents;
      if (cents > 0) rows.push({ round_id: id, person_id: p.person_id, project_id: projectId, cents, at: o.now });
    }
    allocated++;
  }
  for (let i = 0; i < rows.length; i += 500) await repo.insertAllocations(trx, rows.slice(i, i + 500));
  return { budgetRounds: 1, budgetAllocations: allocated };
}
