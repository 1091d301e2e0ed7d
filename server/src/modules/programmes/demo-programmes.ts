/** The demo's community programme: a food bank with volunteer shifts on the coming Saturdays. */
import type { Tx } from '../../db/database.ts';
import { newId } from '../../platform/clock.ts';
import * as repo from './programmes.repository.ts';

export async function seedDemoProgrammes(trx: Tx, o: { coordinatorId: string; now: string }) {
  const id = newId();
  await repo.insertProgramme(trx, {
    id,
    kind: 'food_bank',
    name: 'Benimaclet food bank',
    description:
      'Every Saturday morning, volunteers from the co-ops sort what the market gave and hand out food baskets to neighbours who need them.',
    created_by: o.coordinatorId,
    created_at: o.now,
  });
  await repo.insertCoordinators(trx, id, [o.coordinatorId]);
  const day = new Date(o.now);
  day.setUTCDate(day.getUTCDate() + ((6 - day.getUTCDay() + 7) % 7 || 7));
  for (let week = 0; week < 3; week++) {
    const d = new Date(day.getTime() + week * 7 * 86_400_000).toISOString().slice(0, 10);
    for (const [title, start, end, places] of [
      ['Sorting the donations', '08:00', '10:00', 4],
      ['Handing out baskets', '10:00', '13:00', 6],
    ] as const)
      await repo.insertShift(trx, {
        id: newId(),
        programme_id: id,
        title,
        starts_at: `${d}T${start}:00.000Z`,
        ends_at: `${d}T${end}:00.000Z`,
        places,
        taken: 0,
        created_by: o.coordinatorId,
        created_at: o.now,
      });
  }
  // Eight weeks of what it did, Mondays before today.
  const monday = new Date(o.now);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 7);
  const meals = [142, 150, 138, 165, 171, 168, 180, 192];
  for (const [i, value] of meals.entries())
    await repo.saveFigure(trx, {
      programme_id: id,
      measure: 'Meals served',
      week_of: new Date(monday.getTime() - (meals.length - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10),
      value,
      reported_by: o.coordinatorId,
      reported_at: o.now,
    });
  return { programmes: 1, shifts: 6, programmeFigures: meals.length };
}
