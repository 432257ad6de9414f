// Stable error codes: the API answers { error: { code, message, fields? } } and the web app
// translates by code. Each code has exactly one HTTP status.
export const errorStatus = {
  validation_failed: 400,
  invalid_cursor: 400,
  cannot_follow_self: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  account_suspended: 403,
  cannot_vote_own_post: 403,
  not_thread_author: 403,
  not_post_author: 403,
  not_group_member: 403,
  charter_not_accepted: 403,
  same_moderator: 403,
  not_found: 404,
  route_not_found: 404,
  group_not_found: 404,
  thread_not_found: 404,
  post_not_found: 404,
  user_not_found: 404,
  email_taken: 409,
  handle_taken: 409,
  slug_taken: 409,
  already_member: 409,
  last_owner: 409,
  thread_locked: 409,
  not_a_question: 409,
  not_an_answer: 409,
  answer_not_accepted: 409,
  post_deleted: 409,
  post_not_published: 409,
  cannot_thank_self: 409,
  charter_version_outdated: 409,
  item_claimed: 409,
  item_resolved: 409,
  already_appealed: 409,
  not_appealable: 409,
  appeal_decided: 409,
  post_rejected_by_rule: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  not_ready: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}
