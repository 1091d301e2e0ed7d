import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorText } from '../api/errors.ts';

/**
 * The error of a failed request, translated by its code. Field errors of a
 * `validation_failed` reply are listed too, for fields the form cannot show.
 */
export function ErrorAlert({ error, showFields = false }: { error: unknown; showFields?: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fields = showFields && error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      {errorText(t, error)}
      {fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map(([path, message]) => (
            <List.Item key={path}>
              {path}: {message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
