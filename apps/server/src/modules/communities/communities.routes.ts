import {
  AddMemberInput,
  Community,
  CommunityListQuery,
  CommunitySummary,
  CreateCommunityInput,
  Id,
  JoinResult,
  Member,
  MemberListQuery,
  pageOf,
  UpdateCommunityInput,
  UpdateMemberInput,
} from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CommunitiesService } from './communities.service.ts';
import type { MembersService } from './members.service.ts';

const SlugParams = z.object({ slug: z.string().max(100) });
const MemberParams = SlugParams.extend({ personId: Id });
const tags = ['communities'];

export const communitiesRoutes: FastifyPluginAsyncZod<{ communities: CommunitiesService; members: MembersService }> = async (
  app,
  { communities, members },
) => {
  app.get('/communities', { schema: { tags, querystring: CommunityListQuery, response: { 200: pageOf(CommunitySummary) } } }, (req) =>
    communities.list(req.actor, req.query),
  );

  app.post('/communities', { schema: { tags, body: CreateCommunityInput, response: { 201: Community } } }, async (req, reply) =>
    reply.status(201).send(await communities.create(req.actor, req.body)),
  );

  app.get('/communities/:slug', { schema: { tags, params: SlugParams, response: { 200: Community } } }, (req) =>
    communities.get(req.actor, req.params.slug),
  );

  app.patch(
    '/communities/:slug',
    { schema: { tags, params: SlugParams, body: UpdateCommunityInput, response: { 200: Community } } },
    (req) => communities.update(req.actor, req.params.slug, req.body),
  );

  app.get(
    '/communities/:slug/members',
    { schema: { tags, params: SlugParams, querystring: MemberListQuery, response: { 200: pageOf(Member) } } },
    (req) => members.list(req.actor, req.params.slug, req.query),
  );

  app.post(
    '/communities/:slug/members',
    {
      schema: {
        tags,
        description: 'Without personId: join, accept an invitation, or ask to join. With personId: invite that person (facilitators).',
        params: SlugParams,
        body: AddMemberInput,
        response: { 200: JoinResult, 201: Member, 202: JoinResult },
      },
    },
    async (req, reply) => {
      const outcome = await members.add(req.actor, req.params.slug, req.body.personId);
      if (outcome.kind === 'invited') return reply.status(201).send(outcome.member);
      return reply.status(outcome.result.status === 'active' ? 200 : 202).send(outcome.result);
    },
  );

  app.patch(
    '/communities/:slug/members/:personId',
    { schema: { tags, params: MemberParams, body: UpdateMemberInput, response: { 200: Member } } },
    (req) => members.update(req.actor, req.params.slug, req.params.personId, req.body),
  );

  app.delete('/communities/:slug/members/:personId', { schema: { tags, params: MemberParams } }, async (req, reply) => {
    await members.remove(req.actor, req.params.slug, req.params.personId);
    return reply.status(204).send();
  });
};
