import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAbilities } from '../../api/session.ts';

/** A link to the accounts for those the server lets read them (a supporter without a role is not: no link). */
export function ReciprocityLink() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  if (!abilities.readReciprocity) return null;
  return (
    <Anchor component={Link} to="/reciprocity">
      {t('reciprocity.link')}
    </Anchor>
  );
}
