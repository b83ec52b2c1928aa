import { SearchQuery, SearchResults, Suggestions, SuggestQuery } from '@guildhall/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SearchService } from './search.service.ts';

export const searchRoutes: FastifyPluginAsyncZod<{ search: SearchService }> = async (app, { search }) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search everything the signed-in person may read',
        description:
          'Words must all match; "exact phrases" in quotes; -word or -"phrase" excludes; OR between alternatives. ' +
          'Ranked by relevance with a recency boost; accepted answers and exact title matches first.',
        querystring: SearchQuery,
        response: { 200: SearchResults },
      },
    },
    (req) => search.query(req.actor, req.query),
  );

  app.get(
    '/search/suggest',
    {
      schema: {
        tags: ['search'],
        summary: 'Titles that start with what has been typed, for the search box',
        querystring: SuggestQuery,
        response: { 200: Suggestions },
      },
    },
    (req) => search.suggest(req.actor, req.query),
  );
};
