// HTTP routes for votes on posts, the accepted answer of a question and thanks to its author.
import {
  AcceptBody,
  AcceptedResponse,
  ErrorResponse,
  IdParams,
  ThanksBody,
  ThanksResponse,
  VoteBody,
  VoteResponse,
} from '@serendip/contracts';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { viewerOf } from '../../plugins/session.ts';
import { acceptAnswer, withdrawAcceptance } from './accept.service.ts';
import { thankHelper } from './thanks.service.ts';
import { castVote } from './votes.service.ts';

const tags = ['votes'];

export async function votesRoutes(app: Api, { db }: ModuleDeps): Promise<void> {
  app.put(
    '/posts/:id/vote',
    {
      schema: {
        tags,
        summary: 'Vote a post up (1) or down (-1), or withdraw the vote (0)',
        params: IdParams,
        body: VoteBody,
        response: { 200: VoteResponse, '4xx': ErrorResponse },
      },
    },
    async (request) => castVote(db, viewerOf(request), request.params.id, request.body.value),
  );

  app.put(
    '/threads/:id/accepted',
    {
      schema: {
        tags,
        summary: "Accept one answer of the viewer's question (replaces any previous one)",
        params: IdParams,
        body: AcceptBody,
        response: { 200: AcceptedResponse, '4xx': ErrorResponse },
      },
    },
    async (request) => acceptAnswer(db, viewerOf(request), request.params.id, request.body.postId),
  );

  app.delete(
    '/threads/:id/accepted',
    {
      schema: {
        tags,
        summary: "Withdraw the accepted answer of the viewer's question",
        params: IdParams,
        response: { 200: AcceptedResponse, '4xx': ErrorResponse },
      },
    },
    async (request) => withdrawAcceptance(db, viewerOf(request), request.params.id),
  );

  app.put(
    '/threads/:id/thanks',
    {
      schema: {
        tags,
        summary: "Thank the accepted answer's author with a 1-5 rating",
        params: IdParams,
        body: ThanksBody,
        response: { 200: ThanksResponse, '4xx': ErrorResponse },
      },
    },
    async (request) => thankHelper(db, viewerOf(request), request.params.id, request.body),
  );
}
