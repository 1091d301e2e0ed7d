/** The demo's ventures: a community kitchen being studied, with its needs, and a bookshop that is still an idea. */
import type { Tx } from '../../db/database.ts';
import { newId } from '../../platform/clock.ts';
import * as repo from './ventures.repository.ts';

interface DemoVenture {
  name: string;
  description: string;
  sector: string | null;
  stages: ('idea' | 'study')[];
  roles: string[];
  needs: { kind: 'skill' | 'space' | 'capital'; description: string; met: boolean }[];
}

const VENTURES: DemoVenture[] = [
  {
    name: 'Cuina del Cabanyal',
    description:
      'A worker co-op kitchen in the Cabanyal: lunches for the neighbourhood’s schools and workplaces, cooked with what the market co-ops grow, and a cooking course for young people looking for work.',
    sector: 'food',
    stages: ['idea', 'study'],
    roles: ['Cook, writing the business plan', 'Accounts and suppliers'],
    needs: [
      { kind: 'skill', description: 'A cook with a food-handling certificate for large kitchens', met: false },
      { kind: 'space', description: 'A kitchen of about 60 m² to rent near the Cabanyal market', met: false },
      {
        kind: 'capital',
        description: 'Seed capital for the oven, the cold room and the first three months',
        met: false,
      },
      { kind: 'skill', description: 'Someone who has written a co-op’s statutes before', met: true },
    ],
  },
  {
    name: 'Llibreria La Fulla',
    description:
      'A bookshop run by its workers, with readings for children and a corner for the neighbourhood’s associations.',
    sector: null,
    stages: ['idea'],
    roles: ['Bookseller'],
    needs: [{ kind: 'space', description: 'A shop front on a street people walk along', met: false }],
  },
];

export async function seedDemoVentures(trx: Tx, o: { teamIds: string[]; now: string }) {
  let needs = 0;
  for (const [i, d] of VENTURES.entries()) {
    const id = newId();
    const team = o.teamIds.slice(i * 2, i * 2 + d.roles.length);
    await repo.insertVenture(trx, {
      id,
      name: d.name,
      description: d.description,
      sector: d.sector,
      stage: d.stages.at(-1)!,
      coop_id: null,
      proposed_by: team[0]!,
      created_at: o.now,
      updated_at: o.now,
    });
    for (const [j, personId] of team.entries())
      await repo.addToTeam(trx, { venture_id: id, person_id: personId, role: d.roles[j]!, joined_at: o.now });
    let from: DemoVenture['stages'][number] | null = null;
    for (const to of d.stages) {
      await repo.insertStageChange(trx, {
        id: newId(),
        venture_id: id,
        from_stage: from,
        to_stage: to,
        reason: null,
        changed_by: team[0]!,
        changed_at: o.now,
      });
      from = to;
    }
    await repo.insertNeeds(
      trx,
      d.needs.map((n, k) => ({
        id: newId(),
        venture_id: id,
        kind: n.kind,
        description: n.description,
        met: n.met ? 1 : 0,
        created_at: new Date(Date.parse(o.now) + k).toISOString(),
      })),
    );
    needs += d.needs.length;
  }
  return { ventures: VENTURES.length, ventureNeeds: needs };
}
