import { Alert, List } from '@mantine/core';
import { useLayoutEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorText, unshownFieldErrors } from '../api/errors.ts';

/**
 * The error of a failed request, translated by its code. A `validation_failed`
 * reply is said on the form's fields (`fieldErrorsOf`); this alert says only
 * what no field has shown, and nothing when every field has.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const [, recheck] = useReducer((n: number) => n + 1, 0);
  const validation = error instanceof ApiError && error.code === 'validation_failed';
  const left = validation ? unshownFieldErrors(t, error) : [];
  // A field rendered after this alert marks itself shown later in the same render: look again before painting.
  useLayoutEffect(() => {
    if (validation && unshownFieldErrors(t, error).length !== left.length) recheck();
  });
  if (!error) return null;
  if (validation && left.length === 0 && (error.details as unknown[] | undefined)?.length) return null;
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      {errorText(t, error)}
      {left.length > 0 && (
        <List size="sm" mt="xs">
          {left.map((sentence, i) => (
            <List.Item key={i}>{sentence}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
