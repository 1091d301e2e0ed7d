/** The demo network's campaign: a strike fund, so the public campaign page has something to show. */
import type { Tx } from '../../db/database.ts';
import { newId } from '../../platform/clock.ts';
import * as repo from './campaigns.repository.ts';

export async function seedDemoCampaigns(trx: Tx, o: { coordinatorId: string; now: string }) {
  const deadline = new Date(Date.parse(o.now) + 90 * 86_400_000).toISOString().slice(0, 10);
  await repo.insertCampaign(trx, {
    id: newId(),
    slug: 'strike-fund',
    owner_kind: 'network',
    owner_coop_id: null,
    owner_name: 'The network’s coordinators',
    beneficiary_private: 'The twelve workers of the laundry on strike; their bank details are with the coordinators.',
    title: 'Strike fund for the laundry workers',
    summary: 'Twelve laundry workers are on strike for a fair contract. Help them hold out until they win.',
    story:
      'The workers of the industrial laundry in Benimaclet have been on strike since the first of the month.\n\n' +
      'Every euro goes to the **emergency sub-fund** of the network’s solidarity fund and from there to the strikers’ rent and food.\n\n' +
      '- A monthly pledge keeps them going week after week.\n- You may stay anonymous.',
    goal_cents: 600_000,
    deadline,
    sub_fund: 'emergency',
    tiers_json: JSON.stringify([1000, 2500, 5000]),
    free_amount: 1,
    minimum_cents: 300,
    created_by: o.coordinatorId,
    created_at: o.now,
  });
  return { campaigns: 1 };
}
