// Hooks shared by the server and the browser: custom types in page data (see rendered-html.ts).
import type { Transport } from '@sveltejs/kit';
import { RenderedHtml } from '$lib/rendered-html';

export const transport: Transport = {
  RenderedHtml: {
    encode: (value) => value instanceof RenderedHtml && value.elementId,
    decode: (elementId: string) => RenderedHtml.fromDocument(elementId),
  },
};
