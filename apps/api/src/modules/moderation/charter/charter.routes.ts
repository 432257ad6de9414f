// HTTP routes for the charter and the automatic rules: read, publish, accept; rules, settings and
// the dry-run box (staff).
import {
  AcceptCharterBody,
  Charter,
  DryRunBody,
  DryRunResult,
  ErrorResponse,
  IdParams,
  ModerationSettings,
  Ok,
  PublishCharterBody,
  Rule,
  RuleBody,
  RuleList,
} from '@serendip/contracts';
import type { Api, ModuleDeps } from '../../../api-types.ts';
import { viewerOf } from '../../../plugins/session.ts';
import {
  createRule,
  deleteRule,
  dryRun,
  getSettings,
  listRules,
  updateRule,
  updateSettings,
} from '../rules-config.service.ts';
import { acceptCharter, getCharter, publishCharter } from './charter.service.ts';

const tags = ['moderation'];
const security = [{ session: [] }];
const writeSecurity = [{ session: [], csrf: [] }];
const errors = { '4xx': ErrorResponse };

export async function charterRoutes(app: Api, { db }: ModuleDeps): Promise<void> {
  app.get(
    '/charter',
    { schema: { tags, response: { 200: Charter, ...errors } } },
    async (request) => getCharter(db, request.viewer),
  );
  app.post(
    '/charter',
    {
      schema: {
        tags,
        security: writeSecurity,
        body: PublishCharterBody,
        response: { 201: Charter, ...errors },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return publishCharter(db, viewerOf(request), request.body.body);
    },
  );
  app.post(
    '/charter/accept',
    {
      schema: {
        tags,
        security: writeSecurity,
        body: AcceptCharterBody,
        response: { 200: Charter, ...errors },
      },
    },
    async (request) => acceptCharter(db, viewerOf(request), request.body.version),
  );

  app.get(
    '/mod/rules',
    { schema: { tags, security, response: { 200: RuleList, ...errors } } },
    async (request) => listRules(db, viewerOf(request)),
  );
  app.post(
    '/mod/rules',
    {
      schema: { tags, security: writeSecurity, body: RuleBody, response: { 201: Rule, ...errors } },
    },
    async (request, reply) => {
      reply.status(201);
      return createRule(db, viewerOf(request), request.body);
    },
  );
  app.put(
    '/mod/rules/:id',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: IdParams,
        body: RuleBody,
        response: { 200: Rule, ...errors },
      },
    },
    async (request) => updateRule(db, viewerOf(request), request.params.id, request.body),
  );
  app.delete(
    '/mod/rules/:id',
    {
      schema: { tags, security: writeSecurity, params: IdParams, response: { 200: Ok, ...errors } },
    },
    async (request) => deleteRule(db, viewerOf(request), request.params.id),
  );
  app.post(
    '/mod/rules/dry-run',
    {
      schema: {
        tags,
        security: writeSecurity,
        body: DryRunBody,
        response: { 200: DryRunResult, ...errors },
      },
    },
    async (request) => dryRun(db, viewerOf(request), request.body),
  );
  app.get(
    '/mod/settings',
    { schema: { tags, security, response: { 200: ModerationSettings, ...errors } } },
    async (request) => getSettings(db, viewerOf(request)),
  );
  app.put(
    '/mod/settings',
    {
      schema: {
        tags,
        security: writeSecurity,
        body: ModerationSettings,
        response: { 200: ModerationSettings, ...errors },
      },
    },
    async (request) => updateSettings(db, viewerOf(request), request.body),
  );
}
