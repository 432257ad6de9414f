// HTTP route for the live markdown preview of the ask, answer and edit forms.
import { ErrorResponse, MarkdownPreview, MarkdownPreviewBody } from '@serendip/contracts';
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { DomainError } from '../../errors.ts';
import { viewerOf } from '../../plugins/session.ts';
import { previewMarkdown } from './preview.service.ts';

const tags = ['markdown'];

/**
 * The editor asks for a preview after each pause in typing (about 2 a second at most), so a
 * minute of steady typing stays well under this; a script rendering markdown in bulk does not.
 */
export const PREVIEWS_PER_MINUTE = 120;

const previewRateLimit: RateLimitOptions = {
  max: PREVIEWS_PER_MINUTE,
  timeWindow: '1 minute',
  // Per person: colleagues behind one proxy must not share a budget.
  keyGenerator: (request: FastifyRequest) =>
    request.viewer ? `preview:user:${request.viewer.id}` : `preview:ip:${request.ip}`,
  errorResponseBuilder: (_request, context) =>
    new DomainError(
      'rate_limited',
      `Too many previews (at most ${context.max} a minute); try again in ${context.after}.`,
    ),
};

export async function previewRoutes(app: Api, { db }: ModuleDeps): Promise<void> {
  app.post(
    '/markdown/preview',
    {
      schema: {
        tags,
        body: MarkdownPreviewBody,
        response: { 200: MarkdownPreview, '4xx': ErrorResponse },
      },
      config: { rateLimit: previewRateLimit },
    },
    async (request) => previewMarkdown(db, viewerOf(request), request.body),
  );
}
