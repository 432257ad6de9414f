// Typed domain errors: services throw them, the error handler turns them into HTTP answers.
import type { ErrorCode } from '@serendip/contracts';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Throws when the value is missing: the one way services say "find or fail". */
export function found<T>(value: T | undefined | null, code: ErrorCode, message: string): T {
  if (value === undefined || value === null) throw new DomainError(code, message);
  return value;
}

export function invalid(field: string, message: string): DomainError {
  return new DomainError('validation_failed', message, { [field]: message });
}
