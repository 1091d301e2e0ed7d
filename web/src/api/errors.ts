/** Turning an API error into words the person reads, in their language. */
import type { TFunction } from 'i18next';
import { ApiError } from './client.ts';

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

export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors : {};
}
