/**
 * The network's shop window, gathered from the modules that own each part:
 * the savings as the reciprocity accounts count them (this month and this
 * year in the network's time zone), a few offers open today, the member
 * co-ops and the next assembly. Public figures only: no person is named, and
 * the savings are the network's or a co-op's, never one person's.
 */
import type { CoopShowcase, Showcase } from '@coopnet/contract/showcase';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { coopPolicy, findCoop, memberCoops } from '../coops/index.ts';
import { upcomingAssembly } from '../governance/index.ts';
import { sampleOffers } from '../offers/index.ts';
import { coopTotals, savedTotals } from '../reciprocity/index.ts';

const OFFERS = 6;
const COOPS = 12;

export function showcaseService({ db, network }: AppDeps) {
  async function view(): Promise<Showcase> {
    const [settings, today] = await Promise.all([network.get(), network.today()]);
    const month = today.slice(0, 7);
    const [savings, offers, coops, nextAssembly] = await Promise.all([
      savedTotals(db, month),
      sampleOffers(db, today, OFFERS),
      memberCoops(db, COOPS),
      upcomingAssembly(db),
    ]);
    return {
      currency: settings.currency,
      month,
      savings,
      offers,
      coops: {
        items: coops.rows.map((c) => ({ id: c.id, slug: c.slug, name: c.name, sector: c.sector, city: c.city, logoUrl: c.logo_url })),
        total: coops.total,
      },
      nextAssembly,
    };
  }

  /** A co-op's part in the accounts, for its page: anyone who may see the co-op sees it. */
  async function ofCoop(actor: MaybeActor, id: string): Promise<CoopShowcase> {
    const coop = await findCoop(db, id);
    if (!coop || !coopPolicy.view(actor, coop)) throw notFound('co-op');
    const [settings, month] = await Promise.all([network.get(), network.month()]);
    const { given, received } = await coopTotals(db, coop.id, month);
    return { currency: settings.currency, month, given, received };
  }

  return { view, ofCoop };
}
