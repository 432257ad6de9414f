// @handle mentions, found in the text tokens marked lexed: never in code, links or image text.
import type { RendererExtension, Token, Tokens } from 'marked';
import { escapeHtml } from './escape.ts';

export interface MentionToken extends Tokens.Generic {
  type: 'mention';
  raw: string;
  /** As typed, without the @ and without trailing dots or dashes. */
  handle: string;
  /** The handle exists, so the mention becomes a profile link. */
  linked: boolean;
}

/** Not after a word character, so bob@example.com mentions nobody. */
const MENTION = /(?<![\p{L}\p{N}_])@([A-Za-z0-9_][A-Za-z0-9_.-]*)/gu;
const ENDS_WITH_WORD_CHAR = /[\p{L}\p{N}_]$/u;

export const mentionRenderer: RendererExtension = {
  name: 'mention',
  renderer(token) {
    const { handle, linked, raw } = token as MentionToken;
    if (!linked) return escapeHtml(raw);
    return `<a class="mention" href="/u/${escapeHtml(handle.toLowerCase())}">@${escapeHtml(handle)}</a>`;
  },
};

/**
 * Replaces each @handle in the text tokens of a lexed document by a mention token, linked when
 * its lower-cased handle is in `known`, and returns the mentions in order. Code tokens hold no
 * text tokens, and link and image tokens are not entered, so those never mention anyone.
 */
export function linkMentions(tokens: Token[], known: ReadonlySet<string>): MentionToken[] {
  const found: MentionToken[] = [];
  replaceInRun(tokens, { known, found });
  return found;
}

interface Pass {
  known: ReadonlySet<string>;
  found: MentionToken[];
}

/** One run of sibling tokens, rewritten in place: text is split, other tokens are entered. */
function replaceInRun(tokens: Token[], pass: Pass): void {
  const run: Token[] = [];
  tokens.forEach((token, i) => {
    if (token.type === 'text' && !token.tokens) {
      const afterWordChar = ENDS_WITH_WORD_CHAR.test(tokens[i - 1]?.raw ?? '');
      for (const piece of splitText(token as Tokens.Text, afterWordChar, pass)) run.push(piece);
    } else {
      enter(token, pass);
      run.push(token);
    }
  });
  tokens.length = 0;
  for (const token of run) tokens.push(token);
}

function enter(token: Token, pass: Pass): void {
  switch (token.type) {
    case 'link':
    case 'image':
      return;
    case 'table': {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) replaceInRun(cell.tokens, pass);
      return;
    }
    case 'list':
      for (const item of (token as Tokens.List).items) replaceInRun(item.tokens, pass);
      return;
    default:
      if ('tokens' in token && token.tokens) replaceInRun(token.tokens, pass);
  }
}

function splitText(token: Tokens.Text, afterWordChar: boolean, pass: Pass): Token[] {
  const pieces: Token[] = [];
  let consumed = 0;
  for (const match of token.text.matchAll(MENTION)) {
    if (match.index === 0 && afterWordChar) continue;
    const handle = match[1]!.replace(/[.-]+$/, '');
    const mention: MentionToken = {
      type: 'mention',
      raw: `@${handle}`,
      handle,
      linked: pass.known.has(handle.toLowerCase()),
    };
    if (match.index > consumed)
      pieces.push(textPiece(token, token.text.slice(consumed, match.index)));
    pieces.push(mention);
    pass.found.push(mention);
    consumed = match.index + mention.raw.length;
  }
  if (pieces.length === 0) return [token];
  if (consumed < token.text.length) pieces.push(textPiece(token, token.text.slice(consumed)));
  return pieces;
}

function textPiece(token: Tokens.Text, text: string): Tokens.Text {
  return { type: 'text', raw: text, text, escaped: token.escaped };
}
