// Properties of the term matcher over generated text: it never fails, always finds a blocked term
// standing as a word whatever its case, and never flags a longer word that merely contains it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, evaluatePost, type RuleDefinition } from './index.ts';

const lower = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
const word = (min: number, max: number) =>
  fc.array(lower, { minLength: min, maxLength: max }).map((letters) => letters.join(''));
/** Words of 2+ letters with no letter doubled (doubles are squeezed, see wordKey). */
const plainWord = word(2, 9).filter((text) => !/(.)\1/.test(text));

function blocked(term: string): RuleDefinition {
  return {
    id: 1,
    kind: 'blocked_terms',
    clause: 1,
    action: 'reject',
    message: '',
    params: { terms: [term] },
  };
}

const judge = (term: string, text: string) =>
  evaluatePost(compileRules([blocked(term)]), {
    text,
    authorTrustLevel: 1,
    recentPosts: [],
    now: new Date(),
  }).outcome;

describe('term matching properties', () => {
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(['publish', 'reject']).toContain(judge('con', text));
      }),
    );
  });

  it('finds a term standing as a word, in any case, among other words', () => {
    fc.assert(
      fc.property(
        plainWord,
        fc.array(plainWord, { maxLength: 8 }),
        fc.nat(8),
        fc.boolean(),
        (term, others, position, upper) => {
          const words = others.filter((other) => other !== term);
          words.splice(Math.min(position, words.length), 0, upper ? term.toUpperCase() : term);
          expect(judge(term, words.join(' '))).toBe('reject');
        },
      ),
    );
  });

  it('never flags a longer word that only contains the term', () => {
    fc.assert(
      fc.property(plainWord, word(1, 4), word(0, 4), (term, prefix, suffix) => {
        // Letters at the joins differ, so squeezing repeated letters cannot merge them.
        fc.pre(prefix.at(-1) !== term[0] && (suffix === '' || suffix[0] !== term.at(-1)));
        fc.pre(term !== 'un' && term !== 'ici'); // the words around it
        expect(judge(term, `un ${prefix}${term}${suffix} ici`)).toBe('publish');
      }),
    );
  });
});
