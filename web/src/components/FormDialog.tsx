import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.tsx';

/**
 * A dialog holding one form: its fields, then the server's error if any, then
 * Cancel and the submit button. The browser's own checks are off (noValidate):
 * the form shows its problems in its own words, in the reader's language.
 */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  error,
  pending,
  submitLabel,
  children,
  footnote,
}: {
  title: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  error: unknown;
  pending: boolean;
  submitLabel: ReactNode;
  children: ReactNode;
  /** shown under the buttons (e.g. what was set before) */
  footnote?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="md">
          {children}
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
          {footnote}
        </Stack>
      </form>
    </Modal>
  );
}
