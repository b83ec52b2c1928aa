import {
  CreateProposalCommentInput,
  CreateProposalInput,
  Id,
  InterestInput,
  InterestKind,
  LaunchProposalInput,
  LaunchResult,
  Proposal,
  ProposalComment,
  ProposalCommentQuery,
  ProposalListQuery,
  ProposalSummary,
  ProposalThreshold,
  pageOf,
  SimilarQuery,
  SimilarResult,
} from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { InterestService } from './interest.service.ts';
import type { LaunchService } from './launch.service.ts';
import type { ProposalsService } from './proposals.service.ts';

const ProposalParams = z.object({ proposalId: Id });
const InterestParams = ProposalParams.extend({ kind: InterestKind });
const tags = ['proposals'];

export const proposalsRoutes: FastifyPluginAsyncZod<{
  proposals: ProposalsService;
  interest: InterestService;
  launches: LaunchService;
}> = async (app, { proposals, interest, launches }) => {
  app.get('/proposals', { schema: { tags, querystring: ProposalListQuery, response: { 200: pageOf(ProposalSummary) } } }, (req) =>
    proposals.list(req.actor, req.query),
  );

  app.post('/proposals', { schema: { tags, body: CreateProposalInput, response: { 201: Proposal } } }, async (req, reply) =>
    reply.status(201).send(await proposals.create(req.actor, req.body)),
  );

  app.get(
    '/proposals/similar',
    {
      schema: {
        tags,
        description: 'While proposing: communities the person may see and open proposals sharing words with the topic.',
        querystring: SimilarQuery,
        response: { 200: SimilarResult },
      },
    },
    (req) => proposals.similar(req.actor, req.query.topic),
  );

  app.get('/proposals/threshold', { schema: { tags, response: { 200: ProposalThreshold } } }, (req) => proposals.threshold(req.actor));

  app.put(
    '/proposals/threshold',
    { schema: { tags, description: 'Org admins.', body: ProposalThreshold, response: { 200: ProposalThreshold } } },
    (req) => proposals.setThreshold(req.actor, req.body),
  );

  app.get('/proposals/:proposalId', { schema: { tags, params: ProposalParams, response: { 200: Proposal } } }, (req) =>
    proposals.get(req.actor, req.params.proposalId),
  );

  app.put(
    '/proposals/:proposalId/interest/:kind',
    {
      schema: {
        tags,
        description: 'Give one signal (join, lead, present) with an optional note. 409 proposal.closed once launched or withdrawn.',
        params: InterestParams,
        body: InterestInput,
        response: { 200: Proposal },
      },
    },
    (req) => interest.signal(req.actor, req.params.proposalId, req.params.kind, req.body.note),
  );

  app.delete('/proposals/:proposalId/interest/:kind', { schema: { tags, params: InterestParams, response: { 200: Proposal } } }, (req) =>
    interest.unsignal(req.actor, req.params.proposalId, req.params.kind),
  );

  app.get(
    '/proposals/:proposalId/comments',
    { schema: { tags, params: ProposalParams, querystring: ProposalCommentQuery, response: { 200: pageOf(ProposalComment) } } },
    (req) => interest.comments(req.actor, req.params.proposalId, req.query),
  );

  app.post(
    '/proposals/:proposalId/comments',
    { schema: { tags, params: ProposalParams, body: CreateProposalCommentInput, response: { 201: ProposalComment } } },
    async (req, reply) => reply.status(201).send(await interest.comment(req.actor, req.params.proposalId, req.body.body)),
  );

  app.post(
    '/proposals/:proposalId/launch',
    {
      schema: {
        tags,
        description: 'The proposer or an org admin launches a ready proposal (else 409 proposal.not_ready) into a coalescing community.',
        params: ProposalParams,
        body: LaunchProposalInput,
        response: { 201: LaunchResult },
      },
    },
    async (req, reply) => reply.status(201).send(await launches.launch(req.actor, req.params.proposalId, req.body)),
  );

  app.post('/proposals/:proposalId/withdraw', { schema: { tags, params: ProposalParams, response: { 200: Proposal } } }, (req) =>
    proposals.withdraw(req.actor, req.params.proposalId),
  );

  app.get(
    '/communities/:slug/proposal',
    { schema: { tags, params: z.object({ slug: z.string().max(100) }), response: { 200: Proposal } } },
    (req) => proposals.ofCommunity(req.actor, req.params.slug),
  );
};
