import { Anchor, Image } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAbilities } from '../../api/session.ts';

/** The campaign's cover image, when it has one (decorative: the title says what it is). */
export function CampaignCover({ url }: { url: string | null }) {
  if (!url) return null;
  return <Image src={url} alt="" radius="md" w="100%" mah={360} fit="cover" data-testid="campaign-cover" />;
}

/** A link to the editor for those who may edit the campaign: coordinators and the owner co-op's admins (the server checks again). */
export function EditCampaignLink({ slug, ownerCoopId }: { slug: string; ownerCoopId: string | null }) {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const may = abilities.manageNetwork || (ownerCoopId !== null && abilities.adminOfCoops.includes(ownerCoopId));
  if (!may) return null;
  return (
    <Anchor component={Link} to={`/campaigns/${slug}/edit`} size="sm">
      {t('campaignEditor.edit')}
    </Anchor>
  );
}
