import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePolicy } from './reciprocity.api.ts';

/** A link to the accounts for those the server lets read them (a supporter without a role is refused: no link). */
export function ReciprocityLink() {
  const { t } = useTranslation();
  const { data } = usePolicy();
  if (!data) return null;
  return (
    <Anchor component={Link} to="/reciprocity">
      {t('reciprocity.link')}
    </Anchor>
  );
}
