/**
 * The offer form's values as typed (text, so "4.50" stays "4.50") and the
 * API body they become. Only what the form can know is checked here: that
 * amounts are amounts and counts are whole numbers. The rules that tie fields
 * together are the server's (400 offers.invalid with the field).
 */
import i18n from 'i18next';
import { ApiError } from '../../api/client.ts';
import { fieldErrorText, markShown } from '../../api/errors.ts';
import { centsToInput, parseCount, parseMoney } from './money.ts';
import type { LimitPeriod, Offer, OfferInput, OfferKind } from './offers.api.ts';

export interface OfferFormValues {
  title: string;
  terms: string;
  kind: OfferKind;
  percent: string;
  amount: string;
  item: string;
  maxDiscount: string;
  minSale: string;
  forWorkers: boolean;
  forSupporters: boolean;
  sectors: string[];
  limitPeriod: LimitPeriod | '';
  limitCount: string;
  limitAmount: string;
  capCount: string;
  capAmount: string;
  validFrom: string;
  validUntil: string;
}

/** The API's names for the fields, which the server's errors use too. */
export type OfferField = keyof OfferInput;

/** Why a field was refused: a key under `offers.form.problem` (before sending) or `offers.form.invalid` (the server's). */
export type FieldProblems = Partial<Record<OfferField, string>>;

export const emptyOfferValues: OfferFormValues = {
  title: '',
  terms: '',
  kind: 'percent',
  percent: '',
  amount: '',
  item: '',
  maxDiscount: '',
  minSale: '',
  forWorkers: true,
  forSupporters: false,
  sectors: [],
  limitPeriod: '',
  limitCount: '',
  limitAmount: '',
  capCount: '',
  capAmount: '',
  validFrom: '',
  validUntil: '',
};

const count = (n: number | null) => (n === null ? '' : String(n));

export function valuesFromOffer(o: Offer): OfferFormValues {
  return {
    title: o.title,
    terms: o.terms,
    kind: o.kind,
    percent: count(o.percent),
    amount: centsToInput(o.amountCents),
    item: o.item ?? '',
    maxDiscount: centsToInput(o.maxDiscountCents),
    minSale: centsToInput(o.minSaleCents),
    forWorkers: o.forWorkers,
    forSupporters: o.forSupporters,
    sectors: o.sectors,
    limitPeriod: o.limitPeriod ?? '',
    limitCount: count(o.limitCount),
    limitAmount: centsToInput(o.limitCents),
    capCount: count(o.capCount),
    capAmount: centsToInput(o.capCents),
    validFrom: o.validFrom ?? '',
    validUntil: o.validUntil ?? '',
  };
}

/**
 * The whole body (create and edit alike: an edit sends every field, so a
 * field of another kind is cleared, not left behind), or the problems found.
 */
export function offerInputFrom(v: OfferFormValues): { ok: true; input: OfferInput } | { ok: false; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const money = (field: OfferField, text: string, used = true): number | null => {
    if (!used) return null;
    const r = parseMoney(text);
    if (r.ok) return r.cents;
    problems[field] = `money_${r.reason}`;
    return null;
  };
  const whole = (field: OfferField, text: string, used = true): number | null => {
    if (!used) return null;
    const r = parseCount(text);
    if (r.ok) return r.value;
    problems[field] = 'whole_number';
    return null;
  };
  const limited = v.limitPeriod !== '';
  const input: OfferInput = {
    title: v.title.trim(),
    terms: v.terms.trim(),
    kind: v.kind,
    percent: whole('percent', v.percent, v.kind === 'percent'),
    amountCents: money('amountCents', v.amount, v.kind !== 'percent'),
    item: v.kind === 'free_item' ? v.item.trim() || null : null,
    maxDiscountCents: money('maxDiscountCents', v.maxDiscount, v.kind === 'percent'),
    minSaleCents: money('minSaleCents', v.minSale),
    forWorkers: v.forWorkers,
    forSupporters: v.forSupporters,
    sectors: v.forWorkers ? v.sectors : [],
    limitPeriod: limited ? (v.limitPeriod as LimitPeriod) : null,
    limitCount: whole('limitCount', v.limitCount, limited),
    limitCents: money('limitCents', v.limitAmount, limited),
    capCount: whole('capCount', v.capCount),
    capCents: money('capCents', v.capAmount),
    validFrom: v.validFrom || null,
    validUntil: v.validUntil || null,
  };
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, input };
}

const FIELDS: readonly OfferField[] = [
  'title', 'terms', 'kind', 'percent', 'amountCents', 'item', 'maxDiscountCents', 'minSaleCents', 'forWorkers',
  'forSupporters', 'sectors', 'limitPeriod', 'limitCount', 'limitCents', 'capCount', 'capCents', 'validFrom', 'validUntil',
];

/**
 * The fields a server reply refused, each said in the reader's language:
 * `validation_failed` (the contract's bounds, details = zod issues with a path)
 * and `offers.invalid` (the rules between fields, details.field).
 */
export function serverFieldProblems(error: unknown): Partial<Record<OfferField, string>> {
  if (!(error instanceof ApiError)) return {};
  const out: Partial<Record<OfferField, string>> = {};
  const asField = (path: string) => FIELDS.find((f) => path === f || path.startsWith(`${f}.`));
  if (error.code === 'validation_failed') {
    for (const [path, detail] of Object.entries(error.fieldDetails)) {
      const field = asField(path);
      if (!field) continue;
      markShown(error, path);
      if (!(field in out)) out[field] = fieldErrorText(i18n.t, detail);
    }
  } else if (error.code === 'offers.invalid') {
    const field = (error.details as { field?: unknown } | undefined)?.field;
    if (typeof field === 'string' && asField(field)) out[asField(field)!] = error.message;
  }
  return out;
}
