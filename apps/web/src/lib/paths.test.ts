import { describe, expect, it } from 'vitest';
import { safeNext, webHrefOf } from './paths.ts';

describe('webHrefOf', () => {
  it('maps the API hrefs of notifications and follows to French pages', () => {
    expect(webHrefOf('/threads/12#post-34')).toBe('/sujets/12#post-34');
    expect(webHrefOf('/threads/12')).toBe('/sujets/12');
    expect(webHrefOf('/tags/gestion-de-projet')).toBe('/etiquettes/gestion-de-projet');
    expect(webHrefOf('/groups/qualite')).toBe('/groupes/qualite');
    expect(webHrefOf('/u/camille')).toBe('/membres/camille');
  });

  it('leaves any other href as it is', () => {
    expect(webHrefOf('/threads/abc')).toBe('/threads/abc');
    expect(webHrefOf('/tags/a/b')).toBe('/tags/a/b');
  });
});

describe('safeNext', () => {
  it('only goes back to a local path', () => {
    expect(safeNext('/groupes')).toBe('/groupes');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
  });
});
