// prose: the demo bodies come out as the markdown a person would have typed.
import { describe, expect, it } from 'vitest';
import { prose } from './text.ts';

describe('prose', () => {
  it('strips the common indentation and joins the wrapped lines of a paragraph', () => {
    const text = prose`
      Une phrase coupée
      en deux lignes.

      Un second paragraphe.
    `;
    expect(text).toBe('Une phrase coupée en deux lignes.\n\nUn second paragraphe.');
  });

  it('keeps list items apart and joins their continuation lines', () => {
    const text = prose`
      - premier point
        qui continue ;
      1. second point
    `;
    expect(text).toBe('- premier point qui continue ;\n1. second point');
  });

  it('leaves code blocks and tables as they are', () => {
    const text = prose`
      \`\`\`sql
      SELECT 1
        FROM t;
      \`\`\`
      | a | b |
      |---|---|
    `;
    expect(text).toBe('```sql\nSELECT 1\n  FROM t;\n```\n| a | b |\n|---|---|');
  });

  it('joins the wrapped lines of a quote', () => {
    expect(prose`
      > une citation
      > sur deux lignes
    `).toBe('> une citation sur deux lignes');
  });
});
