// Ambient types of the SvelteKit app: what hooks.server.ts puts in locals, and the error shape.
import type { SessionUser } from '@serendip/contracts';
import type { ApiClient } from '$lib/api';
import type { Locale, Translator } from '$lib/i18n';

declare global {
  namespace App {
    interface Error {
      message: string;
      /** The API error code, when the error came from the API. */
      code?: string;
    }
    interface Locals {
      api: ApiClient;
      user: SessionUser | null;
      locale: Locale;
      i18n: Translator;
    }
    // interface PageData {}
    // interface PageState {}
    // interface Platform {}
  }
}

export {};
