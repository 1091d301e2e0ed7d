/** POST /news/posts (coordinators; a co-op's admins for its blog), GET /news/posts[?coop=slug], GET /news/posts/:id. */
import { IdParams, Ok } from '@coopnet/contract/common';
import {
  ConfirmFollowRequest,
  FollowRequest,
  Post,
  PostDraft,
  PostEdit,
  PostList,
  PostListQuery,
  UnfollowRequest,
} from '@coopnet/contract/news';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { followersService } from './followers.service.ts';
import { newsService } from './news.service.ts';

export const newsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const news = newsService(deps);
    const followers = followersService(deps);
    const tags = ['news'];
    app.post(
      '/news/follow',
      {
        // A visitor's follow sends a confirmation mail: an address may not use the form to flood someone's mailbox.
        config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
        schema: {
          tags,
          summary: 'Be mailed new posts of the network or of a co-op’s blog',
          body: FollowRequest,
          response: { 200: Ok },
        },
      },
      (req) => followers.follow(req.actor, req.body),
    );
    app.post(
      '/news/follow-confirmations',
      {
        schema: {
          tags,
          summary: 'Confirm a follow, with the token of the link in the confirmation mail',
          body: ConfirmFollowRequest,
          response: { 200: Ok },
        },
      },
      (req) => followers.confirm(req.body.token),
    );
    app.post(
      '/news/unfollow',
      {
        schema: {
          tags,
          summary: 'Stop the mails, with the token of the link in any of them',
          body: UnfollowRequest,
          response: { 200: Ok },
        },
      },
      (req) => followers.unfollow(req.body.token),
    );
    app.post(
      '/news/posts',
      {
        schema: {
          tags,
          summary: 'Publish a post: the network’s news (coordinators) or a co-op’s blog (its admins)',
          body: PostDraft,
          response: { 201: Post },
        },
      },
      async (req, reply) => reply.code(201).send(await news.publish(req.actor, req.body)),
    );
    app.get(
      '/news/posts',
      {
        schema: {
          tags,
          summary: 'The newest posts of the network, or of a co-op’s blog; members-only posts for members',
          querystring: PostListQuery,
          response: { 200: PostList },
        },
      },
      async (req) => ({ items: await news.list(req.actor, req.query.coop) }),
    );
    app.patch(
      '/news/posts/:id',
      {
        schema: {
          tags,
          summary: 'Edit a post (its writers)',
          params: IdParams,
          body: PostEdit,
          response: { 200: Post },
        },
      },
      (req) => news.edit(req.actor, req.params.id, req.body),
    );
    app.get(
      '/news/posts/:id',
      { schema: { tags, summary: 'One post', params: IdParams, response: { 200: Post } } },
      (req) => news.read(req.actor, req.params.id),
    );
  };
