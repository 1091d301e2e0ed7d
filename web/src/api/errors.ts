/** Turning an API error into words the person reads, in their language. */
import type { TFunction } from 'i18next';
import { ApiError } from './client.ts';

/** `errors.<code>` when we have a translation, else the server's own message. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    return t(`errors.${error.code}`, { defaultValue: error.message || t('errors.unknown') });
  }
  return t('errors.unknown');
}

export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors : {};
}
