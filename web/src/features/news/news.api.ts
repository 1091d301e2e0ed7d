import type { Post, PostDraft, PostList } from '@coopnet/contract/news';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const usePosts = (coop?: string) =>
  useQuery({
    queryKey: ['news', 'posts', coop ?? null],
    queryFn: ({ signal }) => api<PostList>('/news/posts', { signal, query: { coop } }),
  });

export const usePost = (id: string) =>
  useQuery({ queryKey: ['news', 'post', id], queryFn: ({ signal }) => api<Post>(`/news/posts/${id}`, { signal }) });

export function usePublish() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: PostDraft) => api<Post>('/news/posts', { method: 'POST', body: draft }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['news'] }),
  });
}
