import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField.tsx';
import { MIN_PASSWORD } from './auth.api.ts';

interface NewPasswordFieldsProps {
  password: string;
  confirm: string;
  onPassword: (v: string) => void;
  onConfirm: (v: string) => void;
  serverError?: string;
  /** Show the mismatch only once the person has tried to submit. */
  showMismatch: boolean;
  /** "Password" when the account is new, "New password" when it replaces one. */
  label?: string;
}

/** A new password typed twice; the form checks that both match before sending. */
export function NewPasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  serverError,
  showMismatch,
  label,
}: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={label ?? t('password.new')}
        description={t('password.hint', { min: MIN_PASSWORD })}
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        value={password}
        onChange={(e) => onPassword(e.currentTarget.value)}
        error={serverError}
      />
      <PasswordField
        label={t('password.confirm')}
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => onConfirm(e.currentTarget.value)}
        error={showMismatch && confirm !== password ? t('password.mismatch') : undefined}
      />
    </>
  );
}
