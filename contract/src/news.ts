/** News: the network's posts and each co-op's blog. */
import { z } from 'zod';
import { Email, Id, text } from './common.ts';

export const Visibility = z.enum(['public', 'members']);

/** A post as its author writes it; the body is Markdown, shown as text until a sanitizer renders it. */
export const PostDraft = z.strictObject({
  coopId: Id.nullable(),
  title: text(160),
  summary: text(400),
  body: text(20_000),
  visibility: Visibility,
});
export type PostDraft = z.infer<typeof PostDraft>;

export const Post = z.object({
  id: Id,
  coopId: Id.nullable(),
  coopSlug: z.string().nullable(),
  coopName: z.string().nullable(),
  authorName: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  visibility: Visibility,
  publishedAt: z.string(),
  updatedAt: z.string(),
});
export type Post = z.infer<typeof Post>;

export const PostList = z.object({ items: z.array(Post) });
export type PostList = z.infer<typeof PostList>;

/** Whose posts: the network's news (no coop) or one co-op's blog by its slug. */
export const PostListQuery = z.strictObject({
  coop: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional(),
});

export const CoopFeedParams = z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{1,100}\.atom$/) });

/** Follow the network's news (no coop) or a co-op's blog; a visitor gives an e-mail, a signed-in person's own is used. */
export const FollowRequest = z.strictObject({
  coop: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional(),
  email: Email.optional(),
});
export const UnfollowRequest = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{10,200}$/) });
/** The link in the confirmation mail carries the same secret as the unfollow link. */
export const ConfirmFollowRequest = UnfollowRequest;

/** An edit: any of title, summary, text and who may read it; the post's updated time moves. */
export const PostEdit = PostDraft.omit({ coopId: true }).partial();
export type PostEdit = z.infer<typeof PostEdit>;
