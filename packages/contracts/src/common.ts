// Schemas shared by every feature: ids, pagination, the error body.
import { Type } from 'typebox';

export const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
export const IdParams = Type.Object({ id: Id });
export const Timestamp = Type.String({ format: 'date-time' });
export const Slug = Type.String({
  minLength: 2,
  maxLength: 64,
  pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
});
export const Handle = Type.String({
  minLength: 2,
  maxLength: 32,
  pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]*$',
});
export const TagSlug = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[a-z0-9][a-z0-9+#.-]*$',
});

export const PageQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
  }),
});

export const Ok = Type.Object({ ok: Type.Literal(true) });

/** A person as others see them in lists; `null` author means "a colleague" (anonymous). */
export const UserSummary = Type.Object({
  id: Id,
  handle: Type.String(),
  displayName: Type.String(),
  jobTitle: Type.String(),
  department: Type.String(),
  site: Type.String(),
});
export type UserSummary = Type.Static<typeof UserSummary>;
