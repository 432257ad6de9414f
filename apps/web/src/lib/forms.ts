// Helpers for form actions: read fields from FormData, check them, and turn API field errors
// into translated messages next to the right field.
import type { ApiError } from './api.ts';
import type { MessageKey, Translator } from './i18n/index.ts';

export type FieldErrors = Record<string, string>;

export function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** Passwords are kept as typed (spaces count). */
export function rawField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const HANDLE_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{1,31}$/;

/**
 * The API's field errors (English, from the schema) as translated messages: each field may name
 * its own message key, other fields get the generic "not valid".
 */
export function translateFieldErrors(
  error: ApiError,
  i18n: Translator,
  messages: Record<string, MessageKey> = {},
): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of Object.keys(error.fields ?? {})) {
    const name = field.split('.')[0]!;
    errors[name] = i18n.t(messages[name] ?? 'form.invalid');
  }
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
