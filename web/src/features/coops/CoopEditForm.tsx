import type { CoopWithAbilities } from '@coopnet/contract/coops';
import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CoopFields, coopFieldsFrom, coopProfileFrom, type CoopFieldValues } from './CoopFields.tsx';

/** The co-op's admin (or a coordinator) edits its public profile. */
export function CoopEditForm({ coop }: { coop: CoopWithAbilities }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<CoopFieldValues>(() => coopFieldsFrom(coop));
  const save = useMutation({
    mutationFn: (v: CoopFieldValues) =>
      api<CoopWithAbilities>(`/coops/${coop.id}`, {
        method: 'PATCH',
        body: coopProfileFrom(v, { withLogo: true, omitBlank: false }),
      }),
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: ['coops'] });
      // A new name may give a new slug: keep the address bar right.
      if (updated && typeof updated.slug === 'string' && updated.slug !== coop.slug) {
        await navigate(`/coops/${updated.slug}`, { replace: true });
      }
    },
  });

  return (
    <section aria-labelledby="edit-title">
      <Title order={2} id="edit-title" mb="sm">
        {t('coop.edit.title')}
      </Title>
      <form
        noValidate={false}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(values);
        }}
      >
        <Stack gap="sm">
          <CoopFields values={values} onChange={setValues} errors={fieldErrorsOf(save.error)} withLogo />
          <ErrorAlert error={save.error} />
          {save.isSuccess && (
            <Alert color="green" variant="outline" role="status">
              {t('coop.edit.saved')}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('coop.edit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
