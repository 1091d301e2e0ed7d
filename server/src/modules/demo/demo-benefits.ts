/**
 * The demo network's reciprocal benefits: one or two offers of every co-op,
 * and three months of history at their tills — redemptions between co-ops
 * (and a few by supporters), each holder with the member card they showed.
 * The history follows the offers' rules through the domain's own functions
 * (who may use an offer, the discount, limits and caps), so the accounts add
 * up as the live till would have left them; two offline redemptions that
 * broke a limit are flagged for the brewery's admin to see.
 *
 * Kept out of the history, for the journeys that start from the demo: the
 * people in the printed login table (the worker shown there must start with
 * no savings), and any limit or cap on the bakery's 20 % offer, which its
 * demo cashier uses at the till.
 */
import { randomBytes } from 'node:crypto';
import { OfferInput } from '@coopnet/contract/offers';
import { benefits, credentials } from '@coopnet/domain';
import type { Insertable } from 'kysely';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { PersonTable } from '../../db/schema.ts';
import type { OfferTable, RedemptionTable } from '../../db/schema-benefits.ts';
import type { CardTable } from '../../db/schema-cards.ts';
import { newId } from '../../platform/clock.ts';
import { DEMO_NETWORK, SECTORS } from './demo-data.ts';
import { insertCards, insertOffers, insertRedemptions } from './demo-benefits.repository.ts';
import { type DemoPlan, prng } from './demo-plan.ts';
import { checkTerms, columnsOf, offerRules, termsOfInput } from '../offers/index.ts';

const DAY = 86_400_000;
const BATCH = 500;
const HISTORY_DAYS = 90;
/** As cards.service.ts issues them. */
const CARD_DAYS = 30;
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** An offer as its co-op's admin would make it, with how the demo's tills use it. */
type DemoOffer = z.input<typeof OfferInput> & {
  /** the range of a sale at the till, in cents */
  sale: [number, number];
  /** how often it is used, relative to the others */
  weight: number;
};

/** The curated co-ops' offers, by co-op name (demo-data.ts). */
const CURATED: Record<string, DemoOffer[]> = {
  'Forn de la Plaça': [
    { title: '20 % en pan y bollería', terms: 'En todo lo que horneamos, todos los días.', kind: 'percent', percent: 20, sale: [250, 2400], weight: 5 },
    {
      title: 'Un pan de masa madre gratis en compras de más de 20 €',
      terms: 'Un pan por persona a la semana.',
      kind: 'free_item',
      item: 'Pan de masa madre',
      amountCents: 380,
      minSaleCents: 2000,
      limitPeriod: 'week',
      limitCount: 1,
      sale: [2000, 4500],
      weight: 0.6,
    },
  ],
  'Bicis del Túria': [
    { title: '15 % en reparaciones y recambios', terms: 'Hasta 30 € de descuento por reparación.', kind: 'percent', percent: 15, maxDiscountCents: 3000, sale: [1200, 18000], weight: 1.2 },
    { title: 'Revisión de seguridad gratis', terms: 'Frenos, cambios y luces, una vez al mes.', kind: 'free_item', item: 'Revisión de seguridad', amountCents: 1200, limitPeriod: 'month', limitCount: 1, sale: [0, 2500], weight: 0.5 },
  ],
  'Llibreria La Rosa dels Vents': [
    { title: '5 % en libros / 5 % off books', terms: 'El máximo que permite la ley del precio fijo en libros nuevos. También para simpatizantes. The most the fixed book price law allows; supporters too.', kind: 'percent', percent: 5, forSupporters: true, sale: [1200, 6000], weight: 1.5 },
  ],
  'La Comuna Cafè': [
    { title: '2 € menos en el menú del día', terms: 'Un menú al día.', kind: 'amount', amountCents: 200, minSaleCents: 1200, limitPeriod: 'day', limitCount: 1, sale: [1250, 1500], weight: 3 },
    { title: 'Un café gratis con cualquier dulce', terms: 'Dos veces por semana. También para simpatizantes.', kind: 'free_item', item: 'Café', amountCents: 140, forSupporters: true, limitPeriod: 'week', limitCount: 2, sale: [180, 450], weight: 1 },
  ],
  'Neteges Solidàries': [
    { title: '10 % en limpieza del hogar', terms: 'Hasta 20 € de descuento por visita, dos visitas al mes.', kind: 'percent', percent: 10, maxDiscountCents: 2000, limitPeriod: 'month', limitCount: 2, sale: [4000, 12000], weight: 0.4 },
  ],
  'Construccions Horta Nord': [
    {
      title: '5 % en obras de reforma',
      terms: 'Hasta 250 € de descuento por obra, mientras duren los 500 € de este mes.',
      kind: 'percent',
      percent: 5,
      maxDiscountCents: 25000,
      capCents: 50000,
      sale: [30000, 300000],
      weight: 0.08,
    },
  ],
  'Codi Comú': [
    { title: 'An hour of computer help at home, free', terms: 'Once a month per person.', kind: 'free_item', item: 'One hour of IT support', amountCents: 3500, limitPeriod: 'month', limitCount: 1, sale: [0, 0], weight: 0.2 },
  ],
  'Ecomercat de Benimaclet': [
    { title: '10 % en alimentación ecológica', terms: 'En todo menos el pan de otras cooperativas.', kind: 'percent', percent: 10, sale: [800, 6500], weight: 4 },
    {
      title: '3 € menos en las cestas de verdura',
      terms: 'Para quienes trabajan en cooperativas de educación infantil, limpieza y construcción, cuyos turnos no dejan tiempo para ir al mercado. Una cesta a la semana.',
      kind: 'amount',
      amountCents: 300,
      minSaleCents: 2500,
      sectors: ['childcare', 'cleaning', 'construction'],
      limitPeriod: 'week',
      limitCount: 1,
      sale: [2500, 4000],
      weight: 0.6,
    },
  ],
  'Escoleta El Niu': [
    { title: '10 % en la cuota mensual', terms: 'Hasta 40 € al mes.', kind: 'percent', percent: 10, maxDiscountCents: 4000, limitPeriod: 'month', limitCount: 1, sale: [28000, 42000], weight: 0.25 },
  ],
  'Tinta Roja Impremta': [
    { title: '15 % en encargos de impresión personales', terms: 'Carteles, invitaciones, fanzines: hasta 30 € de descuento por encargo.', kind: 'percent', percent: 15, maxDiscountCents: 3000, sale: [800, 9000], weight: 0.3 },
  ],
  'Cervesa del Cabanyal': [
    {
      title: 'Una caña gratis con cualquier tapa',
      terms: 'Una al día, mientras duren las 60 de este mes.',
      kind: 'free_item',
      item: 'Caña de cerveza de la casa',
      amountCents: 250,
      limitPeriod: 'day',
      limitCount: 1,
      capCount: 60,
      sale: [350, 1200],
      weight: 1.2,
    },
    { title: '10 % en botellas para llevar', terms: 'Cualquiera de nuestras cervezas.', kind: 'percent', percent: 10, sale: [900, 3600], weight: 0.5 },
  ],
  'Fil i Agulla': [
    { title: '20 % en arreglos y composturas', terms: 'Hasta 15 € de descuento por encargo.', kind: 'percent', percent: 20, maxDiscountCents: 1500, sale: [600, 4500], weight: 0.6 },
    {
      title: 'Arreglo gratis de la ropa de trabajo',
      terms: 'Para quienes trabajan en cooperativas de construcción, limpieza, panadería, cafetería y educación infantil. Dos prendas al mes.',
      kind: 'free_item',
      item: 'Arreglo de una prenda de trabajo',
      amountCents: 800,
      sectors: ['construction', 'cleaning', 'bakery', 'cafe', 'childcare'],
      limitPeriod: 'month',
      limitCount: 2,
      sale: [0, 0],
      weight: 0.4,
    },
  ],
};

/** Co-ops made up for larger networks offer the same plain discount. */
const madeUpOffer = (does: string): DemoOffer => ({ title: '10 % para quienes trabajan en la red', terms: `En ${does}.`, kind: 'percent', percent: 10, sale: [0, 0], weight: 0 });

export interface DemoBenefits {
  offers: OfferTable[];
  cards: CardTable[];
  redemptions: RedemptionTable[];
}

const wholeSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

/** Card ids are credentials a cashier may type: random, never from the seeded generator. */
function newCardId(taken: Set<string>): string {
  for (;;) {
    const id = [...randomBytes(10)].map((b) => CROCKFORD[b & 31]).join('');
    const code = credentials.shortCode(id);
    if (!taken.has(id) && !taken.has(code)) {
      taken.add(id).add(code);
      return id;
    }
  }
}

function offerRow(o: DemoOffer, coopId: string, createdBy: string | null, created: string, validFrom: string): OfferTable {
  const { sale: _sale, weight: _weight, ...input } = o;
  // Made as the API makes offers: the same defaults, the same checks, the same columns.
  const terms = { ...termsOfInput(OfferInput.parse(input)), validFrom };
  checkTerms(terms);
  return {
    id: newId(),
    coop_id: coopId,
    ...columnsOf(terms),
    status: 'active',
    created_by: createdBy,
    created_at: created,
    updated_at: created,
    ended_at: null,
  };
}


/** The offers, cards and redemptions of the demo network, in memory. Deterministic but for ids. */
export function planBenefits(plan: DemoPlan, now: string): DemoBenefits {
  const tz = DEMO_NETWORK.timeZone;
  const nowMs = Date.parse(now);
  const rand = prng(20_250_301);
  const between = ([lo, hi]: [number, number]) => lo + Math.round((rand() * (hi - lo)) / 5) * 5;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

  const roleOf = (role: 'coop_admin' | 'cashier') => new Map(plan.roleGrants.filter((g) => g.role === role).map((g) => [g.coop_id, g.person_id]));
  const admins = roleOf('coop_admin');
  const cashiers = roleOf('cashier');
  const created = new Date(nowMs - 120 * DAY).toISOString();
  const validFrom = benefits.localDate(new Date(created), tz);
  const sectorOf = new Map(plan.coops.map((c) => [c.id!, c.sector]));
  const does = new Map(SECTORS.map((s) => [s.sector, s.does]));

  const offers: OfferTable[] = [];
  const used: { row: OfferTable; demo: DemoOffer }[] = [];
  for (const coop of plan.coops) {
    const curated = CURATED[coop.name];
    for (const demo of curated ?? [madeUpOffer(does.get(coop.sector) ?? 'todo lo que vendemos')]) {
      const row = offerRow(demo, coop.id!, admins.get(coop.id!) ?? null, created, validFrom);
      offers.push(row);
      if (curated) used.push({ row, demo });
    }
  }

  // Who redeemed: the curated co-ops' workers and the supporters, except everyone in the login table.
  const shown = new Set(plan.logins.map((l) => l.email));
  const curatedIds = new Set(used.map((u) => u.row.coop_id));
  const workers = plan.people.filter((p) => p.coop_id && curatedIds.has(p.coop_id) && !shown.has(p.email));
  const supporters = plan.people.filter((p) => p.supporter === 1 && !p.coop_id && !shown.has(p.email));
  if (used.length === 0 || workers.length === 0) return { offers, cards: [], redemptions: [] };

  const totalWeight = used.reduce((s, u) => s + u.demo.weight, 0);
  const chooseOffer = () => {
    let r = rand() * totalWeight;
    for (const u of used) if ((r -= u.demo.weight) < 0) return u;
    return used.at(-1)!;
  };

  // Each holder's cards follow each other every 30 days; the newest is still valid now.
  const taken = new Set<string>();
  const cards = new Map<string, CardTable>();
  const cardShift = new Map<string, number>();
  const cardFor = (p: Insertable<PersonTable>, at: number): CardTable => {
    let shift = cardShift.get(p.id!);
    if (shift === undefined) cardShift.set(p.id!, (shift = Math.floor(rand() * 20 * DAY)));
    const newest = nowMs - shift;
    const k = Math.max(0, Math.ceil((newest - at) / (CARD_DAYS * DAY)));
    const key = `${p.id}:${k}`;
    let card = cards.get(key);
    if (!card) {
      const issued = newest - k * CARD_DAYS * DAY;
      const id = newCardId(taken);
      card = {
        id,
        person_id: p.id!,
        short_code: credentials.shortCode(id),
        kind: p.coop_id ? 'worker' : 'supporter',
        coop_id: p.coop_id ?? null,
        issued_at: wholeSeconds(issued),
        expires_at: wholeSeconds(issued + CARD_DAYS * DAY),
        revoked_at: null,
        revocation_reason: null,
      };
      cards.set(key, card);
    }
    return card;
  };

  const holderOf = (p: Insertable<PersonTable>) =>
    p.coop_id ? { kind: 'worker' as const, coopId: p.coop_id, sector: sectorOf.get(p.coop_id) ?? null } : { kind: 'supporter' as const, coopId: null, sector: null };

  const usage = new Map<string, { count: number; cents: number }>();
  const counter = (key: string) => usage.get(key) ?? { count: 0, cents: 0 };
  const add = (key: string, cents: number) => {
    const u = counter(key);
    usage.set(key, { count: u.count + 1, cents: u.cents + cents });
  };

  const redemptions: RedemptionTable[] = [];
  const record = (offer: OfferTable, p: Insertable<PersonTable>, at: number, sale: number, discount: number, offline?: { flag: RedemptionTable['flag']; recordedAt: number }) => {
    const card = cardFor(p, at);
    const iso = new Date(at).toISOString();
    redemptions.push({
      id: newId(),
      offer_id: offer.id,
      coop_id: offer.coop_id,
      card_id: card.id,
      person_id: p.id!,
      holder_coop_id: p.coop_id ?? null,
      holder_kind: card.kind,
      sale_cents: sale,
      discount_cents: discount,
      redeemed_at: iso,
      month: benefits.localMonth(new Date(at), tz),
      accounting_month: benefits.localMonth(new Date(at), tz),
      recorded_at: offline ? new Date(offline.recordedAt).toISOString() : iso,
      cashier_id: cashiers.get(offer.coop_id) ?? null,
      offline: offline ? 1 : 0,
      flag: offline?.flag ?? null,
      flag_decision: null,
      flag_resolved_at: null,
      flag_resolved_by: null,
      idempotency_key: `demo-${redemptions.length + 1}`,
    });
  };

  const firstDay = Math.floor(nowMs / DAY) - HISTORY_DAYS;
  for (let day = firstDay; day <= Math.floor(nowMs / DAY); day++) {
    const visits = 1 + Math.floor(rand() * 4);
    for (let v = 0; v < visits; v++) {
      // Opening hours, 07:00–19:00 UTC; nothing in the last minutes before the seed.
      const at = day * DAY + 7 * 3_600_000 + Math.floor(rand() * 12 * 3_600_000);
      const { row, demo } = chooseOffer();
      const rules = offerRules(row);
      const bySupporter = rules.forSupporters && supporters.length > 0 && rand() < 0.3;
      const today = benefits.localDate(new Date(at), tz);
      const eligible = (bySupporter ? supporters : workers).filter((x) => benefits.ineligibility(rules, holderOf(x), today) === null);
      if (eligible.length === 0 || at > nowMs - 10 * 60_000) continue;
      const p = pick(eligible);
      const sale = between(demo.sale);
      const discount = benefits.discountFor(rules, sale);
      if (!discount.ok || discount.discountCents <= 0) continue;
      const month = benefits.localMonth(new Date(at), tz);
      const period = rules.limitPeriod ? benefits.periodBounds(new Date(at), rules.limitPeriod, tz).start.toISOString() : '';
      const personKey = `${row.id}:${p.id}:${period}`;
      const monthKey = `${row.id}:${month}`;
      const person = counter(personKey);
      const whole = counter(monthKey);
      const spent = { personCount: person.count, personCents: person.cents, monthCount: whole.count, monthCents: whole.cents };
      if (benefits.limitBreak(rules, spent, discount.discountCents) !== null) continue;
      add(personKey, discount.discountCents);
      add(monthKey, discount.discountCents);
      record(row, p, at, sale, discount.discountCents);
    }
  }

  // Two cañas too many, poured while the brewery's till was offline and flagged when it synced.
  const cana = used.find((u) => u.demo.item === 'Caña de cerveza de la casa');
  const poured = cana ? redemptions.filter((r) => r.offer_id === cana.row.id && Date.parse(r.redeemed_at) < nowMs - 7 * DAY).slice(-2) : [];
  for (const r of poured) {
    const at = Date.parse(r.redeemed_at) + 45 * 60_000;
    const p = plan.people.find((x) => x.id === r.person_id)!;
    record(cana!.row, p, at, r.sale_cents, r.discount_cents, { flag: 'limit_exceeded', recordedAt: at + 14 * 3_600_000 });
  }

  redemptions.sort((a, b) => a.redeemed_at.localeCompare(b.redeemed_at));
  return { offers, cards: [...cards.values()], redemptions };
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<void>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** Writes the demo's benefits in the seed's transaction; returns how many of each, for the seed's audit event. */
export async function seedBenefits(trx: Tx, plan: DemoPlan, now: string): Promise<{ offers: number; cards: number; redemptions: number }> {
  const planned = planBenefits(plan, now);
  await inBatches(planned.offers, (b) => insertOffers(trx, b));
  await inBatches(planned.cards, (b) => insertCards(trx, b));
  await inBatches(planned.redemptions, (b) => insertRedemptions(trx, b));
  return { offers: planned.offers.length, cards: planned.cards.length, redemptions: planned.redemptions.length };
}
