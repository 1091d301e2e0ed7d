import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useSession } from '../api/session.ts';
import { asLanguage, chooseLanguage, LANGUAGES } from '../i18n/index.ts';

/**
 * The header's language switch (a native select named "Language"). The choice
 * is kept on this device, and saved to the account of a signed-in person so
 * the e-mails they get are in it too.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { data: session } = useSession();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      value={asLanguage(i18n.language) ?? 'en'}
      data={LANGUAGES.map((l) => ({ value: l.value, label: l.label }))}
      onChange={(e) => {
        const lng = asLanguage(e.currentTarget.value);
        if (!lng) return;
        chooseLanguage(lng);
        if (session?.person) void api('/me', { method: 'PATCH', body: { locale: lng } }).catch(() => undefined);
      }}
      w={112}
      style={{ flexShrink: 0 }}
      size="sm"
    />
  );
}
