import { describe, expect, it } from 'vitest';
import { discountFor, ineligibility, judgeOfflineSale, laterChoice, limitBreak, localMonth, periodBounds, reimbursements, remaining, statusAt } from './index.ts';

const percent = (p: number, max: number | null = null) => ({ kind: 'percent' as const, percent: p, amountCents: null, maxDiscountCents: max, minSaleCents: null });

describe('discountFor', () => {
  it('takes 20 % off 45.00 as 9.00, rounding half up to the cent', () => {
    expect(discountFor(percent(20), 4500)).toEqual({ ok: true, discountCents: 900 });
    expect(discountFor(percent(15), 10)).toEqual({ ok: true, discountCents: 2 }); // 1.5 → 2
    expect(discountFor(percent(15), 3)).toEqual({ ok: true, discountCents: 0 }); // 0.45 → 0
    expect(discountFor(percent(50, 1000), 5000)).toEqual({ ok: true, discountCents: 1000 });
  });
  it('never takes more than the sale for an amount off; a free item is worth its value', () => {
    expect(discountFor({ ...percent(0), kind: 'amount', amountCents: 500 }, 300)).toEqual({ ok: true, discountCents: 300 });
    expect(discountFor({ ...percent(0), kind: 'free_item', amountCents: 250 }, 0)).toEqual({ ok: true, discountCents: 250 });
  });
  it('refuses negative, fractional, absurd amounts and sales below the minimum', () => {
    for (const bad of [-1, 0.5, 1e12, Number.NaN]) expect(discountFor(percent(10), bad)).toEqual({ ok: false, reason: 'bad_amount' });
    expect(discountFor({ ...percent(10), minSaleCents: 1000 }, 999)).toEqual({ ok: false, reason: 'below_min_sale' });
  });
});

describe('ineligibility', () => {
  const offer = { coopId: 'a', forWorkers: true, forSupporters: false, sectors: [] as string[], status: 'active' as const, validFrom: '2026-01-01', validUntil: '2026-12-31' };
  const worker = { kind: 'worker' as const, coopId: 'b', sector: 'food' };
  it('is for the workers of other co-ops, not of its own', () => {
    expect(ineligibility(offer, worker, '2026-06-01')).toBeNull();
    expect(ineligibility(offer, { ...worker, coopId: 'a' }, '2026-06-01')).toBe('own_coop');
  });
  it('names each reason a holder is turned away', () => {
    expect(ineligibility(offer, { kind: 'supporter', coopId: null, sector: null }, '2026-06-01')).toBe('not_for_supporters');
    expect(ineligibility({ ...offer, sectors: ['housing'] }, worker, '2026-06-01')).toBe('sector_not_included');
    expect(ineligibility({ ...offer, forWorkers: false }, worker, '2026-06-01')).toBe('not_for_workers');
    expect(ineligibility({ ...offer, status: 'paused' }, worker, '2026-06-01')).toBe('offer_paused');
    expect(ineligibility(offer, worker, '2025-12-31')).toBe('not_started');
    expect(ineligibility(offer, worker, '2027-01-01')).toBe('offer_ended');
  });
});

describe('limits', () => {
  const limits = { limitPeriod: 'week' as const, limitCount: 2, limitCents: 1000, capCount: 10, capCents: null };
  it('tells what remains and refuses what does not fit', () => {
    const used = { personCount: 1, personCents: 600, monthCount: 9, monthCents: 5000 };
    expect(remaining(limits, used)).toEqual({ personCount: 1, personCents: 400, capCount: 1, capCents: null });
    expect(limitBreak(limits, used, 400)).toBeNull();
    expect(limitBreak(limits, used, 401)).toBe('limit_reached');
    expect(limitBreak(limits, { ...used, monthCount: 10 }, 1)).toBe('cap_reached');
  });
});

describe('calendar periods in the network time zone', () => {
  const tz = 'Europe/Madrid';
  it('counts 23:30 UTC on 31 March as April in Madrid', () => {
    expect(localMonth(new Date('2026-03-31T23:30:00Z'), tz)).toBe('2026-04');
  });
  it('starts weeks on Monday at local midnight, across the change to summer time', () => {
    const { start, end } = periodBounds(new Date('2026-03-29T12:00:00Z'), 'week', tz); // a Sunday
    expect(start.toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    const day = periodBounds(new Date('2026-03-29T12:00:00Z'), 'day', tz);
    expect(day.end.getTime() - day.start.getTime()).toBe(23 * 3600_000);
    const month = periodBounds(new Date('2026-12-15T12:00:00Z'), 'month', tz);
    expect([month.start.toISOString(), month.end.toISOString()]).toEqual(['2026-11-30T23:00:00.000Z', '2026-12-31T23:00:00.000Z']);
  });
});

describe('offline sales', () => {
  const rules = {
    coopId: 'a', kind: 'percent' as const, percent: 20, amountCents: null, maxDiscountCents: null, minSaleCents: 1000,
    forWorkers: true, forSupporters: false, sectors: [] as string[], status: 'active' as const, validFrom: null, validUntil: null,
    limitPeriod: 'day' as const, limitCount: 1, limitCents: null, capCount: null, capCents: null,
  };
  const holder = { kind: 'worker' as const, coopId: 'b', sector: 'food' };
  const unused = { personCount: 0, personCents: 0, monthCount: 0, monthCents: 0 };
  const judge = (o: Partial<Parameters<typeof judgeOfflineSale>[0]>) =>
    judgeOfflineSale({ rules, holder, day: '2026-06-01', saleCents: 4500, cardFlag: null, used: unused, ...o });

  it('records the discount given, flagging the first rule the sale broke', () => {
    expect(judge({})).toEqual({ discountCents: 900, flag: null });
    expect(judge({ used: { ...unused, personCount: 1 } })).toEqual({ discountCents: 900, flag: 'limit_exceeded' });
    expect(judge({ saleCents: 500 })).toEqual({ discountCents: 100, flag: 'not_eligible' }); // below the minimum: still the discount given
    expect(judge({ rules: { ...rules, status: 'paused' } })).toEqual({ discountCents: 900, flag: 'offer_closed' });
    expect(judge({ holder: { ...holder, coopId: 'a' } })).toEqual({ discountCents: 900, flag: 'not_eligible' });
    expect(judge({ cardFlag: 'card_revoked', used: { ...unused, personCount: 1 } })).toEqual({ discountCents: 900, flag: 'card_revoked' });
  });

  it('takes an offer ended or paused after the sale as open at the sale', () => {
    expect(statusAt({ status: 'ended', endedAt: '2026-06-02T00:00:00Z', updatedAt: '2026-06-02T00:00:00Z' }, '2026-06-01T12:00:00Z')).toBe('active');
    expect(statusAt({ status: 'ended', endedAt: '2026-06-01T00:00:00Z', updatedAt: '2026-06-01T00:00:00Z' }, '2026-06-01T12:00:00Z')).toBe('ended');
    expect(statusAt({ status: 'paused', endedAt: null, updatedAt: '2026-06-02T00:00:00Z' }, '2026-06-01T12:00:00Z')).toBe('active');
    expect(statusAt({ status: 'paused', endedAt: null, updatedAt: '2026-05-31T00:00:00Z' }, '2026-06-01T12:00:00Z')).toBe('paused');
  });
});

describe('settlement', () => {
  it('keeps the later choice of policy, whichever made it', () => {
    const a = { setAt: '2026-05-01T00:00:00Z', name: 'coordinator' };
    const b = { setAt: '2026-06-01T00:00:00Z', name: 'proposal' };
    expect(laterChoice(a, b)).toBe(b);
    expect(laterChoice(b, a)).toBe(b);
    expect(laterChoice(a, null)).toBe(a);
    expect(laterChoice(null, null)).toBeNull();
  });
  it('owes a co-op what it gave above the threshold, net, and nothing at or under it', () => {
    expect(reimbursements([{ coopId: 'a', netCents: 15000 }, { coopId: 'b', netCents: 10000 }, { coopId: 'c', netCents: -5000 }], 10000)).toEqual([
      { coopId: 'a', netCents: 15000, amountCents: 5000 },
    ]);
  });
});
