import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAbilities, useSession } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NoAccess } from '../../components/NoAccess.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { draftKey, editCampaign, openCampaign, useCampaignDraft } from './campaign-editor.api.ts';
import { CampaignForm, editOf, emptyFields, fieldsOf, inputOf } from './CampaignForm.tsx';
import { CampaignImages } from './CampaignImages.tsx';

/** `/campaigns/new`: coordinators open a campaign; then they land on its editor, to add images. */
export function NewCampaignPage() {
  const { t } = useTranslation();
  usePageTitle(t('campaignEditor.newTitle'));
  const { isPending } = useSession();
  const abilities = useAbilities();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = useMutation({
    mutationFn: openCampaign,
    onSuccess: async (c) => {
      await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      await navigate(`/campaigns/${c.slug}/edit`, { state: { opened: true } });
    },
  });
  if (isPending) return <Loading />;
  if (!abilities.manageNetwork) return <NoAccess />;
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap="xs">
        <Anchor component={Link} to="/campaigns" size="sm">
          {t('campaignEditor.backToList')}
        </Anchor>
        <Title order={1}>{t('campaignEditor.newTitle')}</Title>
        <Text>{t('campaignEditor.newIntro')}</Text>
      </Stack>
      <CampaignForm
        initial={emptyFields}
        isNew
        canChangeOwner
        saving={open.isPending}
        error={open.error}
        onSave={(f, a) => open.mutate(inputOf(f, a))}
      />
    </Stack>
  );
}

/** `/campaigns/:slug/edit`: the owner co-op's admins and coordinators edit the campaign and its images. */
export function EditCampaignPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const draft = useCampaignDraft(slug);
  usePageTitle(t('campaignEditor.editTitle', { title: draft.data?.title ?? '' }));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: Parameters<typeof editCampaign>[1]) => editCampaign(slug, body),
    onSuccess: async (d) => {
      queryClient.setQueryData(draftKey(slug), d);
      await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      setSaved(true);
    },
  });
  if (draft.isPending) return <Loading />;
  if (draft.error) return <ErrorAlert error={draft.error} />;
  const d = draft.data;
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap="xs">
        <Anchor component={Link} to={`/campaigns/${d.slug}`} size="sm">
          {t('campaignEditor.toPage')}
        </Anchor>
        <Title order={1}>{t('campaignEditor.editTitle', { title: d.title })}</Title>
      </Stack>
      <CampaignForm
        key={d.id}
        initial={fieldsOf(d)}
        isNew={false}
        canChangeOwner={d.canChangeOwner}
        saving={save.isPending}
        error={save.error}
        onSave={(f, a) => {
          setSaved(false);
          save.mutate(editOf(f, a, d.canChangeOwner));
        }}
        storyExtra={(insert) => <CampaignImages slug={d.slug} images={d.images} insert={insert} />}
      />
      {saved && (
        <Alert color="green" role="status" title={t('campaignEditor.saved')}>
          <Anchor component={Link} to={`/campaigns/${d.slug}`}>
            {t('campaignEditor.toPage')}
          </Anchor>
        </Alert>
      )}
    </Stack>
  );
}
