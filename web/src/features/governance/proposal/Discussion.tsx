import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { fieldErrorsOf } from '../../../api/errors.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useFormat } from '../../../components/useFormat.ts';
import { commentsKey, useComments } from '../governance.api.ts';
import type { Proposal, ProposalComment } from '../types.ts';

/** Comments and replies, oldest first, so the conversation reads in order. */
export function Discussion({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const comments = useComments(p.id, p.abilities.comment || p.status === 'discussion' || p.status === 'voting');
  const items = comments.data?.items ?? [];
  const roots = items.filter((c) => !c.parentId || !items.some((x) => x.id === c.parentId));
  const repliesTo = (id: string) => items.filter((c) => c.parentId === id);

  return (
    <section aria-labelledby="discussion-title">
      <Title order={2} id="discussion-title" mb="sm">
        {t('discussion.title')}
      </Title>
      <Stack gap="md" maw={760}>
        <ErrorAlert error={comments.error} />
        {comments.isPending && <Loading />}
        {comments.data && items.length === 0 && <Text>{t('discussion.none')}</Text>}
        {roots.length > 0 && (
          <Stack component="ol" gap="sm" className="comment-list" aria-label={t('discussion.list')}>
            {roots.map((c) => (
              <CommentItem key={c.id} comment={c} proposal={p} repliesTo={repliesTo} depth={0} />
            ))}
          </Stack>
        )}
        {p.abilities.comment && <CommentForm proposal={p} />}
      </Stack>
    </section>
  );
}

function CommentItem({
  comment: c,
  proposal: p,
  repliesTo,
  depth,
}: {
  comment: ProposalComment;
  proposal: Proposal;
  repliesTo: (id: string) => ProposalComment[];
  depth: number;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [replying, setReplying] = useState(false);
  const replies = repliesTo(c.id);
  return (
    <li>
      <Card withBorder padding="sm" component="article" aria-label={t('discussion.by', { name: c.authorName })}>
        <Stack gap={4}>
          <Text size="sm">
            <strong>{c.authorName}</strong> · <time dateTime={c.createdAt}>{fmt.dateTime(c.createdAt)}</time>
          </Text>
          <Text style={{ whiteSpace: 'pre-line' }} className="break-anywhere">
            {c.text}
          </Text>
          {p.abilities.comment && !replying && (
            <Group>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setReplying(true)}
                aria-label={t('discussion.replyTo', { name: c.authorName })}
              >
                {t('discussion.reply')}
              </Button>
            </Group>
          )}
          {replying && <CommentForm proposal={p} parent={c} onDone={() => setReplying(false)} />}
        </Stack>
      </Card>
      {replies.length > 0 && (
        <Stack
          component="ol"
          gap="sm"
          mt="sm"
          className="comment-list"
          style={{ paddingInlineStart: depth < 3 ? 'var(--mantine-spacing-lg)' : 0 }}
          aria-label={t('discussion.replies', { name: c.authorName })}
        >
          {replies.map((r) => (
            <CommentItem key={r.id} comment={r} proposal={p} repliesTo={repliesTo} depth={depth + 1} />
          ))}
        </Stack>
      )}
    </li>
  );
}

function CommentForm({
  proposal: p,
  parent,
  onDone,
}: {
  proposal: Proposal;
  parent?: ProposalComment;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const post = useMutation({
    mutationFn: () =>
      api(`/proposals/${p.id}/comments`, {
        method: 'POST',
        body: { text: text.trim(), ...(parent ? { parentId: parent.id } : {}) },
      }),
    onSuccess: async () => {
      setText('');
      await queryClient.invalidateQueries({ queryKey: commentsKey(p.id) });
      onDone?.();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) post.mutate();
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={parent ? t('discussion.replyLabel', { name: parent.authorName }) : t('discussion.comment')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={parent ? 2 : 3}
          required
          data-autofocus={parent ? true : undefined}
          autoFocus={!!parent}
          error={fieldErrorsOf(post.error).text}
        />
        <ErrorAlert error={post.error} />
        <Group gap="sm">
          <Button type="submit" variant={parent ? 'default' : 'filled'} loading={post.isPending}>
            {parent ? t('discussion.postReply') : t('discussion.post')}
          </Button>
          {parent && (
            <Button variant="subtle" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
