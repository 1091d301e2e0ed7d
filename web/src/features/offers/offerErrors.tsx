import { Alert } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';

/** Codes of offers and the till are translated in this feature's own strings (`offers.errors.<code>`), others as everywhere. */
export function offerErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && /^(offers|till)\./.test(error.code)) {
    return t(`offers.errors.${error.code}`, { defaultValue: errorText(t, error) });
  }
  return errorText(t, error);
}

export function OfferErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      {offerErrorText(t, error)}
    </Alert>
  );
}
