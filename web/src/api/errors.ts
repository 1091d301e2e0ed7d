/** Turning an API error into words the person reads, in their language. */
import i18n, { type TFunction } from 'i18next';
import { ApiError, type FieldDetail } from './client.ts';

/**
 * A code `<module>.<reason>` in the words of the module's own strings
 * (`<module>.errors.<reason>`, kept beside its pages), else `errors.<code>`
 * of the shared strings, else the server's own message.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  const shared = t(`errors.${error.code}`, { defaultValue: error.message || t('errors.unknown') });
  const dot = error.code.indexOf('.');
  if (dot <= 0) return shared;
  return t(`${error.code.slice(0, dot)}.errors.${error.code.slice(dot + 1)}`, { defaultValue: shared });
}

/**
 * Why a field was refused, as a sentence in the reader's language, from the
 * reason and bounds the server gives (never its English message).
 */
export function fieldErrorText(t: TFunction, d: FieldDetail): string {
  const kind = d.origin === 'string' ? 'text' : d.origin === 'array' || d.origin === 'set' ? 'items' : 'number';
  switch (d.reason) {
    case 'required':
      return t('errors.field.required');
    case 'too_small':
      if (d.minimum === undefined) return t('errors.field.invalid');
      if (kind === 'text' && d.minimum <= 1) return t('errors.field.required');
      if (kind !== 'number')
        return t(d.exact ? `errors.field.${kind}Exactly` : `errors.field.${kind}AtLeast`, { count: d.minimum });
      return t(d.inclusive === false ? 'errors.field.moreThan' : 'errors.field.atLeast', { value: d.minimum });
    case 'too_big':
      if (d.maximum === undefined) return t('errors.field.invalid');
      if (kind !== 'number')
        return t(d.exact ? `errors.field.${kind}Exactly` : `errors.field.${kind}AtMost`, { count: d.maximum });
      return t(d.inclusive === false ? 'errors.field.lessThan' : 'errors.field.atMost', { value: d.maximum });
    case 'invalid_format':
      return t(`errors.field.format.${d.format ?? 'other'}`, { defaultValue: t('errors.field.format.other') });
    case 'invalid_type':
      return t(`errors.field.type.${d.expected ?? 'other'}`, { defaultValue: t('errors.field.type.other') });
    case 'invalid_value':
      return t('errors.field.choice');
    case 'not_multiple_of':
      return t('errors.field.step');
    case 'more':
      return t('errors.field.more');
    default:
      return t('errors.field.invalid');
  }
}

/**
 * The fields each error's form shows (see `fieldErrorsOf`): what is left is
 * said once by `ErrorAlert` instead, so nothing is said twice or lost.
 */
const shown = new WeakMap<ApiError, Set<string>>();

export function markShown(error: ApiError, field: string): void {
  const set = shown.get(error) ?? new Set<string>();
  set.add(field);
  shown.set(error, set);
}

/**
 * Per-field sentences of a `validation_failed` reply, keyed by dotted path
 * (`coop.name`), in the reader's language: put each on its field (Mantine's
 * `error`). A list's or group's field also answers for what is inside it
 * (`options` for `options.2`). Reading a field's sentence marks what it
 * answers for as shown, so `ErrorAlert` leaves it out.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  const details = Object.entries(error.fieldDetails);
  for (const [field, detail] of details) {
    const parts = field.split('.');
    for (let n = parts.length; n >= 1; n--) {
      const key = parts.slice(0, n).join('.');
      if (Object.prototype.hasOwnProperty.call(out, key)) continue;
      Object.defineProperty(out, key, {
        enumerable: true,
        get: () => {
          for (const [f] of details) if (f === key || f.startsWith(`${key}.`)) markShown(error, f);
          return fieldErrorText(i18n.t, detail);
        },
      });
    }
  }
  return out;
}

/** The sentences of a `validation_failed` reply that no field of the form has shown. */
export function unshownFieldErrors(t: TFunction, error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const seen = shown.get(error);
  const left = Object.entries(error.fieldDetails).filter(([field]) => !seen?.has(field));
  return [...left.map(([, d]) => d), ...error.generalDetails].map((d) => fieldErrorText(t, d));
}
