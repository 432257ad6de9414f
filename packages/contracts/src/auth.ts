// Schemas for sign-up, sign-in and the current session.
import { Type } from 'typebox';
import { Handle, Id } from './common.ts';

export const Locale = Type.Union([Type.Literal('fr'), Type.Literal('en')]);
export const Role = Type.Union([
  Type.Literal('member'),
  Type.Literal('moderator'),
  Type.Literal('community_lead'),
  Type.Literal('admin'),
]);

/** The signed-in person, as they see themselves in the session. */
export const SessionUser = Type.Object({
  id: Id,
  handle: Type.String(),
  displayName: Type.String(),
  role: Role,
  locale: Locale,
  suspendedUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type SessionUser = Type.Static<typeof SessionUser>;

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
export const Password = Type.String({ minLength: 10, maxLength: 200 });

export const RegisterBody = Type.Object({
  email: Email,
  password: Password,
  handle: Handle,
  displayName: Type.String({ minLength: 1, maxLength: 80 }),
  locale: Type.Optional(Locale),
});
export type RegisterBody = Type.Static<typeof RegisterBody>;

export const LoginBody = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
export type LoginBody = Type.Static<typeof LoginBody>;

export const SessionResponse = Type.Object({
  user: Type.Union([SessionUser, Type.Null()]),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});
export type SessionResponse = Type.Static<typeof SessionResponse>;
