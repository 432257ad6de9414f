// HTTP routes for flags, the review queue and its decisions, sanctions, appeals, queue health and
// the audit log (with CSV export).
import {
  Appeal,
  AppealBody,
  AppealDecisionBody,
  AppealList,
  AuditList,
  AuditQuery,
  BulkDecisionBody,
  BulkDecisionResult,
  DecisionBody,
  ErrorResponse,
  FlagBody,
  FlagResult,
  IdParams,
  MySanctions,
  Ok,
  QueueHealth,
  QueueItem,
  QueueItemDetail,
  QueueList,
  QueueQuery,
} from '@serendip/contracts';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { viewerOf } from '../../plugins/session.ts';
import { assertStaff } from './access.ts';
import { createAppeal, decideAppeal, listMyAppeals, listOpenAppeals } from './appeals.service.ts';
import { auditCsv, selectAudit } from './audit.ts';
import { mySanctions } from './sanctions.ts';
import { decideItem, decideItems } from './decisions.service.ts';
import { flagPost } from './flags.service.ts';
import { claimItem, getQueueItem, listQueue, queueHealth, releaseItem } from './queue.service.ts';

const tags = ['moderation'];
const security = [{ session: [] }];
const writeSecurity = [{ session: [], csrf: [] }];
const errors = { '4xx': ErrorResponse };

export async function moderationRoutes(app: Api, deps: ModuleDeps): Promise<void> {
  const { db } = deps;
  app.post(
    '/posts/:id/flags',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: IdParams,
        body: FlagBody,
        response: { 200: FlagResult, ...errors },
      },
    },
    async (request) => flagPost(db, viewerOf(request), request.params.id, request.body),
  );

  app.get(
    '/mod/queue',
    {
      schema: { tags, security, querystring: QueueQuery, response: { 200: QueueList, ...errors } },
    },
    async (request) => listQueue(db, viewerOf(request), request.query),
  );
  app.get(
    '/mod/queue/:id',
    { schema: { tags, security, params: IdParams, response: { 200: QueueItemDetail, ...errors } } },
    async (request) => getQueueItem(db, viewerOf(request), request.params.id),
  );
  app.post(
    '/mod/queue/:id/claim',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: IdParams,
        response: { 200: QueueItem, ...errors },
      },
    },
    async (request) => claimItem(db, viewerOf(request), request.params.id),
  );
  app.post(
    '/mod/queue/:id/release',
    {
      schema: { tags, security: writeSecurity, params: IdParams, response: { 200: Ok, ...errors } },
    },
    async (request) => releaseItem(db, viewerOf(request), request.params.id),
  );
  app.post(
    '/mod/queue/:id/decision',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: IdParams,
        body: DecisionBody,
        response: { 200: QueueItem, ...errors },
      },
    },
    async (request) => decideItem(db, viewerOf(request), request.params.id, request.body),
  );
  app.post(
    '/mod/queue/bulk',
    {
      schema: {
        tags,
        security: writeSecurity,
        body: BulkDecisionBody,
        response: { 200: BulkDecisionResult, ...errors },
      },
    },
    async (request) => decideItems(db, viewerOf(request), request.body),
  );
  app.get(
    '/mod/health',
    { schema: { tags, security, response: { 200: QueueHealth, ...errors } } },
    async (request) => queueHealth(db, viewerOf(request)),
  );

  app.get(
    '/mod/audit',
    {
      schema: { tags, security, querystring: AuditQuery, response: { 200: AuditList, ...errors } },
    },
    async (request) => {
      assertStaff(viewerOf(request));
      return { items: await selectAudit(db, request.query) };
    },
  );
  app.get(
    '/mod/audit.csv',
    { schema: { tags, security, querystring: AuditQuery } },
    async (request, reply) => {
      assertStaff(viewerOf(request));
      const entries = await selectAudit(db, {
        ...request.query,
        limit: request.query.limit ?? 500,
      });
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-log.csv"');
      return auditCsv(entries);
    },
  );

  app.get(
    '/me/sanctions',
    { schema: { tags, security, response: { 200: MySanctions, ...errors } } },
    async (request) => mySanctions(db, viewerOf(request)),
  );
  app.get(
    '/me/appeals',
    { schema: { tags, security, response: { 200: AppealList, ...errors } } },
    async (request) => listMyAppeals(db, viewerOf(request)),
  );
  app.post(
    '/appeals',
    {
      schema: {
        tags,
        security: writeSecurity,
        body: AppealBody,
        response: { 201: Appeal, ...errors },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return createAppeal(db, viewerOf(request), request.body);
    },
  );
  app.get(
    '/mod/appeals',
    { schema: { tags, security, response: { 200: AppealList, ...errors } } },
    async (request) => listOpenAppeals(db, viewerOf(request)),
  );
  app.post(
    '/mod/appeals/:id/decision',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: IdParams,
        body: AppealDecisionBody,
        response: { 200: Appeal, ...errors },
      },
    },
    async (request) => decideAppeal(db, viewerOf(request), request.params.id, request.body),
  );
}
