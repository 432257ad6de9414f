// HTTP routes for groups: browse, create, edit, join and leave, and manage members.
import {
  CreateGroupBody,
  ErrorResponse,
  Group,
  GroupList,
  GroupListQuery,
  GroupMember,
  GroupMemberList,
  GroupMemberListQuery,
  GroupMemberParams,
  GroupSlugParams,
  Ok,
  SetGroupMemberBody,
  UpdateGroupBody,
} from '@serendip/contracts';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { viewerOf } from '../../plugins/session.ts';
import {
  createGroup,
  getGroup,
  joinGroup,
  leaveGroup,
  listGroups,
  listMembers,
  removeMember,
  setMember,
  updateGroup,
} from './groups.service.ts';

const tags = ['groups'];
const errors = { '4xx': ErrorResponse };

export async function groupsRoutes(app: Api, { db }: ModuleDeps): Promise<void> {
  app.get(
    '/groups',
    { schema: { tags, querystring: GroupListQuery, response: { 200: GroupList, ...errors } } },
    async (request) => listGroups(db, viewerOf(request), request.query),
  );

  app.post(
    '/groups',
    { schema: { tags, body: CreateGroupBody, response: { 201: Group, ...errors } } },
    async (request, reply) =>
      reply.status(201).send(await createGroup(db, viewerOf(request), request.body)),
  );

  app.get(
    '/groups/:slug',
    { schema: { tags, params: GroupSlugParams, response: { 200: Group, ...errors } } },
    async (request) => getGroup(db, viewerOf(request), request.params.slug),
  );

  app.patch(
    '/groups/:slug',
    {
      schema: {
        tags,
        params: GroupSlugParams,
        body: UpdateGroupBody,
        response: { 200: Group, ...errors },
      },
    },
    async (request) => updateGroup(db, viewerOf(request), request.params.slug, request.body),
  );

  app.post(
    '/groups/:slug/join',
    { schema: { tags, params: GroupSlugParams, response: { 200: Group, ...errors } } },
    async (request) => joinGroup(db, viewerOf(request), request.params.slug),
  );

  app.post(
    '/groups/:slug/leave',
    { schema: { tags, params: GroupSlugParams, response: { 200: Group, ...errors } } },
    async (request) => leaveGroup(db, viewerOf(request), request.params.slug),
  );

  app.get(
    '/groups/:slug/members',
    {
      schema: {
        tags,
        params: GroupSlugParams,
        querystring: GroupMemberListQuery,
        response: { 200: GroupMemberList, ...errors },
      },
    },
    async (request) => listMembers(db, viewerOf(request), request.params.slug, request.query),
  );

  app.put(
    '/groups/:slug/members/:handle',
    {
      schema: {
        tags,
        params: GroupMemberParams,
        body: SetGroupMemberBody,
        response: { 200: GroupMember, ...errors },
      },
    },
    async (request) =>
      setMember(
        db,
        viewerOf(request),
        request.params.slug,
        request.params.handle,
        request.body.role,
      ),
  );

  app.delete(
    '/groups/:slug/members/:handle',
    { schema: { tags, params: GroupMemberParams, response: { 200: Ok, ...errors } } },
    async (request) => {
      await removeMember(db, viewerOf(request), request.params.slug, request.params.handle);
      return { ok: true as const };
    },
  );
}
