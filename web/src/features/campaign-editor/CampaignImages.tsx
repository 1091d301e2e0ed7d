import { Badge, Button, Checkbox, Code, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { type CampaignImage, draftKey, editCampaign, uploadImage } from './campaign-editor.api.ts';

/**
 * A campaign's images: upload a PNG, JPEG or WebP (the server checks what it
 * really is, shrinks and re-encodes it), put one in the story by its
 * address, or make one the cover shown on the page and in share previews.
 */
export function CampaignImages({
  slug,
  images,
  insert,
}: {
  slug: string;
  images: CampaignImage[];
  insert: (markdown: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [cover, setCover] = useState(images.length === 0);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['campaigns', slug] });
  const upload = useMutation({
    mutationFn: () => uploadImage(slug, file!, cover),
    onSuccess: async () => {
      setFile(null);
      if (input.current) input.current.value = '';
      await refresh();
    },
  });
  const makeCover = useMutation({
    mutationFn: (id: string | null) => editCampaign(slug, { coverImageId: id }),
    onSuccess: (draft) => queryClient.setQueryData(draftKey(slug), draft),
  });

  return (
    <section aria-labelledby="campaign-images">
      <Title order={2} size="h4" id="campaign-images" mb="xs">
        {t('campaignEditor.images')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('campaignEditor.imagesHelp')}</Text>
        <label htmlFor="campaign-image-file">
          <Text size="sm" fw={500}>
            {t('campaignEditor.imageFile')}
          </Text>
        </label>
        <input
          id="campaign-image-file"
          ref={input}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          style={{ maxWidth: '100%' }}
          onChange={(e) => {
            upload.reset();
            setFile(e.currentTarget.files?.[0] ?? null);
          }}
        />
        <Checkbox
          label={t('campaignEditor.asCover')}
          checked={cover}
          onChange={(e) => setCover(e.currentTarget.checked)}
        />
        <Button
          type="button"
          variant="light"
          disabled={!file}
          loading={upload.isPending}
          onClick={() => upload.mutate()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('campaignEditor.upload')}
        </Button>
        {upload.error && <ErrorAlert error={upload.error} />}
        {makeCover.error && <ErrorAlert error={makeCover.error} />}
        {images.map((image) => {
          const markdown = `![](${image.url})`;
          return (
            <Paper key={image.id} withBorder p="xs" data-testid="campaign-image">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <Image src={image.url} alt="" w={72} h={72} fit="cover" radius="sm" />
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text size="sm">{t('campaignEditor.imageSize', { width: image.width, height: image.height })}</Text>
                    {image.cover && <Badge>{t('campaignEditor.cover')}</Badge>}
                  </Group>
                  <Code style={{ overflowWrap: 'anywhere' }}>{markdown}</Code>
                  <Group gap="xs">
                    <Button size="compact-sm" variant="default" type="button" onClick={() => insert(markdown)}>
                      {t('campaignEditor.insert')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="default"
                      type="button"
                      onClick={() => makeCover.mutate(image.cover ? null : image.id)}
                    >
                      {image.cover ? t('campaignEditor.noCover') : t('campaignEditor.makeCover')}
                    </Button>
                  </Group>
                </Stack>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </section>
  );
}
