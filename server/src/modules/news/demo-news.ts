/** The demo's news: one post of the network's coordinators and one on a co-op's blog, both public. */
import type { Tx } from '../../db/database.ts';
import { newId } from '../../platform/clock.ts';
import { insertPost } from './news.repository.ts';

export async function seedDemoNews(
  trx: Tx,
  o: { coordinatorId: string; coopAdminId: string; coopId: string; now: string },
) {
  const day = (back: number) => new Date(Date.parse(o.now) - back * 86_400_000).toISOString();
  await insertPost(trx, {
    id: newId(),
    coop_id: null,
    author_id: o.coordinatorId,
    title: 'The spring assembly is on 14 March',
    summary: 'Every member co-op sends its delegates; the fund’s year and the new programmes are on the agenda.',
    body: 'The general assembly meets on **14 March** at the Benimaclet community centre.\n\n- The fund’s year: what came in and went out\n- The community programmes\n- Two co-ops asking to join',
    visibility: 'public',
    published_at: day(3),
    updated_at: day(3),
  });
  await insertPost(trx, {
    id: newId(),
    coop_id: o.coopId,
    author_id: o.coopAdminId,
    title: 'Our new wood-fired oven',
    summary: 'A loan from the fund bought it; the first loaves came out this week.',
    body: 'Thanks to the solidarity fund’s loan we replaced the old oven. Come and taste the first loaves.',
    visibility: 'public',
    published_at: day(1),
    updated_at: day(1),
  });
  return { newsPosts: 2 };
}
