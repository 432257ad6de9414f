// One error renderer for the whole API: { error: { code, message, fields? } }; 5xx details are
// logged, never sent.
import type { ErrorBody, ErrorCode } from '@serendip/contracts';
import { errorStatus } from '@serendip/contracts';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { DomainError } from '../errors.ts';

function send(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
) {
  const body: ErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return reply.status(errorStatus[code]).type('application/json').send(body);
}

interface ValidationIssue {
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

function fieldsOf(issues: ValidationIssue[], context: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const missing = issue.params?.missingProperty;
    const path = [issue.instancePath.replace(/^\//, '').replaceAll('/', '.'), missing]
      .filter(Boolean)
      .join('.');
    fields[path || context] ??= issue.message ?? 'is invalid';
  }
  return fields;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) return send(reply, error.code, error.message, error.fields);
    if (error.validation) {
      const fields = fieldsOf(
        error.validation as ValidationIssue[],
        error.validationContext ?? 'body',
      );
      const summary = Object.entries(fields)
        .map(([field, message]) => `${field} ${message}`)
        .join('; ');
      return send(
        reply,
        'validation_failed',
        `Invalid ${error.validationContext}: ${summary}`,
        fields,
      );
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, 'payload_too_large', 'The request body is too large.');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, 'unsupported_media_type', 'Send the request body as application/json.');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(reply, 'validation_failed', 'The request body is not valid JSON.');
    }
    if (error.statusCode === 429) {
      return send(reply, 'rate_limited', 'Too many attempts; wait a minute and try again.');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, 'validation_failed', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 'internal_error', 'Something went wrong on our side; it has been logged.');
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`),
  );
}
