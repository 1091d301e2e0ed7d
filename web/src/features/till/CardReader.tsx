/** The two ways a card reaches the till: the camera, or its code typed (by hand or by a USB barcode scanner). */
import { Button, Flex, Stack, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraScanner } from './CameraScanner.tsx';

/**
 * `ready` changes when the till is ready for the next customer: the code field takes the focus, where a
 * USB barcode scanner types. On touch screens it does not, so no keyboard jumps over the camera button.
 */
export function CardReader({ onCard, busy, ready }: { onCard: (text: string) => void; busy: boolean; ready: number }) {
  const { t } = useTranslation();
  const [scanning, setScanning] = useState(false);
  const [code, setCode] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (window.matchMedia?.('(pointer: fine)').matches) input.current?.focus();
  }, [ready]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim() === '') return;
    onCard(code);
    setCode('');
  };

  return (
    <section aria-labelledby="till-read-title">
      <Title order={2} id="till-read-title" size="h3" mb="sm">
        {t('till.read.title')}
      </Title>
      <Stack gap="sm">
        {scanning ? (
          <CameraScanner
            onCard={(text) => {
              setScanning(false);
              onCard(text);
            }}
            onClose={() => setScanning(false)}
          />
        ) : (
          <Button size="xl" fullWidth onClick={() => setScanning(true)}>
            {t('till.read.scan')}
          </Button>
        )}
        <form onSubmit={submit}>
          {/* Side by side where there is room; on a phone the field keeps the whole width and the button goes below. */}
          <Flex direction={{ base: 'column', xs: 'row' }} align={{ base: 'stretch', xs: 'flex-end' }} gap="sm">
            <TextInput
              ref={input}
              size="lg"
              style={{ flex: 1, minWidth: 0 }}
              label={t('till.read.code')}
              description={t('till.read.codeHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
            />
            <Button type="submit" size="lg" loading={busy}>
              {t('till.read.check')}
            </Button>
          </Flex>
        </form>
      </Stack>
    </section>
  );
}
