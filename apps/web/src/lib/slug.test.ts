import { describe, expect, it } from 'vitest';
import { slugFromName } from './slug.ts';

describe('slugFromName', () => {
  it('drops accents, case and punctuation, and joins words with single hyphens', () => {
    expect(slugFromName('  Qualité & Méthodes  ')).toBe('qualite-methodes');
    expect(slugFromName('Œnologie -- club')).toBe('nologie-club');
    expect(slugFromName('C++ / Rust')).toBe('c-rust');
  });

  it('keeps to 64 characters without a trailing hyphen', () => {
    const slug = slugFromName(`${'a'.repeat(63)} b`);
    expect(slug).toBe('a'.repeat(63));
    expect(slugFromName('x'.repeat(100))).toHaveLength(64);
  });

  it('gives nothing for a name without letters or digits', () => {
    expect(slugFromName('!!!')).toBe('');
  });
});
