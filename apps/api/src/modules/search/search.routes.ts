// HTTP routes for search and discovery. Every route needs a signed-in person: the readable
// groups of the viewer drive what the engine may return.
import {
  ErrorResponse,
  FeedQuery,
  IdParams,
  RelatedQuery,
  SearchQuery,
  SearchResults,
  SearchStatus,
  SimilarQuestionsQuery,
  Suggestions,
  SuggestItem,
  SuggestQuery,
  ThreadRecommendations,
} from '@serendip/contracts';
import type { RateLimitOptions } from '@fastify/rate-limit';
import { Type } from 'typebox';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { DomainError } from '../../errors.ts';
import { viewerOf } from '../../plugins/session.ts';
import { discover, questionsToAnswer, relatedThreads } from './discover.service.ts';
import { search, searchStatus, similarQuestions, suggest } from './search.service.ts';

const tags = ['search'];
const security = [{ session: [] }];

/** Per person: search costs more than a page read, so one client cannot saturate the engine. */
function searchRateLimit(max: number): RateLimitOptions {
  return {
    max,
    timeWindow: '1 minute',
    keyGenerator: (request) => (request.viewer ? `user:${request.viewer.id}` : `ip:${request.ip}`),
    errorResponseBuilder: (_request, context) =>
      new DomainError(
        'rate_limited',
        `Too many searches (at most ${context.max} a minute); try again in ${context.after}.`,
      ),
  };
}

export async function searchRoutes(app: Api, { db, config }: ModuleDeps): Promise<void> {
  const indexer = app.searchIndexer;
  const engine = indexer.engine;
  const rateLimit = searchRateLimit(config.searchRateLimit);
  const typingRateLimit = searchRateLimit(config.searchRateLimit * 5);

  app.get(
    '/search',
    {
      config: { rateLimit },
      schema: {
        tags,
        security,
        querystring: SearchQuery,
        response: { 200: SearchResults, '4xx': ErrorResponse },
      },
    },
    async (request) => search(db, engine, viewerOf(request), request.query),
  );

  app.get(
    '/search/suggest',
    {
      config: { rateLimit: typingRateLimit },
      schema: {
        tags,
        security,
        querystring: SuggestQuery,
        response: { 200: Suggestions, '4xx': ErrorResponse },
      },
    },
    async (request) => suggest(db, engine, viewerOf(request), request.query),
  );

  app.get(
    '/search/similar-questions',
    {
      config: { rateLimit: typingRateLimit },
      schema: {
        tags,
        security,
        querystring: SimilarQuestionsQuery,
        response: { 200: Type.Object({ items: Type.Array(SuggestItem) }), '4xx': ErrorResponse },
      },
    },
    async (request) => similarQuestions(db, engine, viewerOf(request), request.query),
  );

  app.get(
    '/search/status',
    { schema: { tags, security, response: { 200: SearchStatus, '4xx': ErrorResponse } } },
    async (request) => searchStatus(viewerOf(request), indexer),
  );

  app.get(
    '/threads/:id/related',
    {
      schema: {
        tags,
        security,
        params: IdParams,
        querystring: RelatedQuery,
        response: { 200: ThreadRecommendations, '4xx': ErrorResponse },
      },
    },
    async (request) =>
      relatedThreads(db, engine, viewerOf(request), request.params.id, request.query.limit ?? 5),
  );

  app.get(
    '/discover',
    {
      schema: {
        tags,
        security,
        querystring: FeedQuery,
        response: { 200: ThreadRecommendations, '4xx': ErrorResponse },
      },
    },
    async (request) => discover(db, viewerOf(request), request.query.limit ?? 10),
  );

  app.get(
    '/questions-to-answer',
    {
      schema: {
        tags,
        security,
        querystring: FeedQuery,
        response: { 200: ThreadRecommendations, '4xx': ErrorResponse },
      },
    },
    async (request) => questionsToAnswer(db, viewerOf(request), request.query.limit ?? 10),
  );
}
