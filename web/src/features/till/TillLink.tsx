/** The way to a co-op's till from the dashboard, for its cashiers and admins. */
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCoop } from '../coops/coops.api.ts';

/** `named`: say which co-op's till (where the co-op is not named around the link already). */
export function TillLink({ coopId, named = false }: { coopId: string; named?: boolean }) {
  const { t } = useTranslation();
  const { data: coop } = useCoop(named ? coopId : undefined);
  return (
    <Button component={Link} to={`/till/${coopId}`} variant={named ? 'filled' : 'default'}>
      {named && coop ? t('till.dashboard.openOf', { coop: coop.name }) : t('till.dashboard.open')}
    </Button>
  );
}
