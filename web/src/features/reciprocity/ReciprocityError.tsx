import { Alert } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';

/** This module's error codes in this module's words (`reciprocity.errors.*`), any other the shared way. */
export function reciprocityErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code.startsWith('reciprocity.')) {
    return t(`reciprocity.errors.${error.code.slice('reciprocity.'.length)}`, { defaultValue: errorText(t, error) });
  }
  return errorText(t, error);
}

export function ReciprocityError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      {reciprocityErrorText(t, error)}
    </Alert>
  );
}
