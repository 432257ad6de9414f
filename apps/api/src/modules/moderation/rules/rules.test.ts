import { describe, expect, it } from 'vitest';
import { compileRules, evaluatePost, isValidIban, wordsOf, type RuleDefinition } from './index.ts';

const now = new Date('2026-03-02T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

function judge(
  rules: RuleDefinition[],
  text: string,
  extra: Partial<Parameters<typeof evaluatePost>[1]> = {},
) {
  return evaluatePost(compileRules(rules), {
    text,
    authorTrustLevel: 1,
    recentPosts: [],
    now,
    ...extra,
  });
}

const base = { id: 1, clause: 3, message: 'Pas de ça ici.' };
const blocked = (terms: string[]): RuleDefinition => ({
  ...base,
  kind: 'blocked_terms',
  action: 'reject',
  params: { terms },
});

describe('blocked and watched terms', () => {
  const rules = [blocked(['con', 'connard', 'va te faire', 'pétasse'])];
  const hits = (text: string) => judge(rules, text).hits.map((hit) => hit.detail);

  it.each([
    ['Quel con !', 'con'],
    ['QUEL CON', 'con'],
    ['quel c.o.n', 'con'],
    ['quel c o n, vraiment', 'con'],
    ['quel c-o-n', 'con'],
    ['quel c0n', 'con'],
    ['espèce de connnnnard', 'connard'],
    ['espèce de c0nn4rd', 'connard'],
    ['Petasse', 'pétasse'],
    ['PÉTASSE', 'pétasse'],
    ['p3tass3', 'pétasse'],
    ['Va te FAIRE', 'va te faire'],
    ['quel соn', 'con'], // Cyrillic с and о
  ])('finds %j', (text, term) => {
    expect(hits(text)).toEqual([`terms: ${term}`]);
  });

  it.each([
    'Un bon conseil : relire la spec.',
    'Économie de bouts de chandelle',
    'Le déconfinement a commencé',
    'La connexion au VPN échoue',
    'Contrôle de gestion, version 2024',
    'c.o.n.s.e.i.l de lecture',
    'Va voir la doc, ça te fera du bien',
    'Le canard et la cane',
  ])('leaves %j alone', (text) => {
    expect(hits(text)).toEqual([]);
  });

  it('reports each term once, with the strongest action', () => {
    const watched: RuleDefinition = {
      ...base,
      id: 2,
      kind: 'watched_terms',
      action: 'queue',
      params: { terms: ['concurrent'] },
    };
    const verdict = judge([blocked(['con']), watched], 'con, con et le concurrent');
    expect(verdict.outcome).toBe('reject');
    expect(verdict.hits.map((hit) => [hit.ruleId, hit.detail])).toEqual([
      [1, 'terms: con'],
      [2, 'terms: concurrent'],
    ]);
    expect(judge([watched], 'Le concurrent a baissé ses prix').outcome).toBe('queue');
    expect(judge([watched], 'Une offre concurrentielle').outcome).toBe('publish');
  });

  it('splits words on accents and punctuation like people read them', () => {
    expect(wordsOf("L'élève a dit : « c.o.n » !")).toEqual(['l', 'eleve', 'a', 'dit', 'con']);
  });
});

describe('personal data', () => {
  const rule: RuleDefinition = {
    ...base,
    kind: 'personal_data',
    action: 'hold',
    params: { detect: ['email', 'phone', 'iban'] },
  };
  const detail = (text: string) => judge([rule], text).hits[0]?.detail ?? null;

  it.each([
    ['Écrivez à jean.dupont@boreal.fr', 'email'],
    ['mail: Zoé.Müller@exemple.com', 'email'],
    ['Appelle-moi au 06 12 34 56 78', 'phone'],
    ['tel 06.12.34.56.78', 'phone'],
    ['0612345678 après 18h', 'phone'],
    ['+33 6 12 34 56 78', 'phone'],
    ['+33 (0)1 23 45 67 89', 'phone'],
    ['0033 612345678', 'phone'],
    ['US office: +1 415-555-0132', 'phone'],
    ['London +44 20 7946 0958', 'phone'],
    ['RIB : FR76 3000 6000 0112 3456 7890 189', 'iban'],
    ['iban DE89370400440532013000 merci', 'iban'],
    ['GB82 WEST 1234 5698 7654 32', 'iban'],
  ])('finds %j', (text, kind) => {
    expect(detail(text)).toBe(`personal data: ${kind}`);
  });

  it.each([
    'Réunion le 2024-06-12 à 14:30',
    'Le budget est de 12 000 000 €',
    'Version 1.23.4567.89',
    'Ticket JIRA-12345 et PR #6789',
    'Mentionne @jean.dupont dans le fil',
    'FR76 3000 6000 0112 3456 7890 180', // one digit wrong: checksum fails
    'Référence commande AB12CDEF34567890',
    'Le numéro 06 12 34 est incomplet',
    'ISBN 978-2-07-036822-8',
  ])('leaves %j alone', (text) => {
    expect(detail(text)).toBeNull();
  });

  it('checks IBAN checksums', () => {
    expect(isValidIban('FR7630006000011234567890189')).toBe(true);
    expect(isValidIban('FR7630006000011234567890188')).toBe(false);
  });
});

describe('links and mentions of new members', () => {
  const rule: RuleDefinition = {
    ...base,
    kind: 'new_member_links',
    action: 'hold',
    params: { belowTrustLevel: 1, maxLinks: 1, maxMentions: 2 },
  };
  const links = 'Voir https://a.example/x et [la doc](https://b.example/y) et www.c.example';

  it('holds a new member with too many links or mentions', () => {
    expect(judge([rule], links, { authorTrustLevel: 0 }).hits[0]?.detail).toBe('links: 3 > 1');
    expect(judge([rule], '@ana @bob @chloe regardez', { authorTrustLevel: 0 }).outcome).toBe(
      'hold',
    );
  });

  it('lets trusted members, few links, e-mails and code through', () => {
    expect(judge([rule], links, { authorTrustLevel: 1 }).outcome).toBe('publish');
    expect(judge([rule], 'Voir https://a.example/x', { authorTrustLevel: 0 }).outcome).toBe(
      'publish',
    );
    const notMentions = 'écrire à ana@x.fr, bob@y.fr, chloe@z.fr et `@a @b @c`';
    expect(judge([rule], notMentions, { authorTrustLevel: 0 }).outcome).toBe('publish');
  });
});

describe('shouting', () => {
  const rule: RuleDefinition = {
    ...base,
    kind: 'shouting',
    action: 'queue',
    params: { minLetters: 20, maxUppercaseRatio: 0.7 },
  };

  it('queues a text mostly in capitals, accented capitals included', () => {
    expect(judge([rule], 'POURQUOI PERSONNE NE RÉPOND À MA QUESTION ÉVIDENTE ???').outcome).toBe(
      'queue',
    );
  });

  it.each([
    'OK MERCI !',
    'Nous utilisons AWS, GCP, la CNIL et le RGPD pour la conformité des données.',
    'Voici le log :\n```\nERROR CONNECTION REFUSED AT HOST DATABASE PRIMARY\n```\nune idée ?',
  ])('leaves %j alone', (text) => {
    expect(judge([rule], text).outcome).toBe('publish');
  });
});

describe('repeated text and posting rate', () => {
  const repeated: RuleDefinition = {
    ...base,
    kind: 'repeated_text',
    action: 'hold',
    params: { windowMinutes: 60, minLength: 20 },
  };
  const rate: RuleDefinition = {
    ...base,
    kind: 'posting_rate',
    action: 'hold',
    params: { windowMinutes: 10, maxPosts: 3 },
  };
  const text = 'Venez voir notre offre spéciale sur le site interne !';

  it('holds the same text posted again within the window, whatever its case and accents', () => {
    const recentPosts = [
      { text: 'VENEZ voir notre offre speciale sur le site interne', createdAt: minutesAgo(5) },
    ];
    expect(judge([repeated], text, { recentPosts }).outcome).toBe('hold');
  });

  it('accepts a different text, an old repeat, and a short repeated thank-you', () => {
    const other = [{ text: 'Une toute autre question sur le site', createdAt: minutesAgo(5) }];
    expect(judge([repeated], text, { recentPosts: other }).outcome).toBe('publish');
    const old = [{ text, createdAt: minutesAgo(120) }];
    expect(judge([repeated], text, { recentPosts: old }).outcome).toBe('publish');
    const thanks = [{ text: 'Merci !', createdAt: minutesAgo(1) }];
    expect(judge([repeated], 'Merci !', { recentPosts: thanks }).outcome).toBe('publish');
  });

  it('holds the post beyond the rate, not the ones before', () => {
    const posts = (count: number, minutes: number) =>
      Array.from({ length: count }, (_, index) => ({
        text: `post ${index}`,
        createdAt: minutesAgo(minutes),
      }));
    expect(judge([rate], 'encore', { recentPosts: posts(2, 1) }).outcome).toBe('publish');
    expect(judge([rate], 'encore', { recentPosts: posts(3, 1) }).hits[0]?.detail).toBe(
      '4 posts in 10 min > 3',
    );
    expect(judge([rate], 'encore', { recentPosts: posts(3, 30) }).outcome).toBe('publish');
  });
});

describe('verdicts', () => {
  it('maps each hit to its clause and message, and publishes when nothing matches', () => {
    const verdict = judge([blocked(['idiot'])], 'Quel IDIOT');
    expect(verdict.hits).toEqual([
      {
        ruleId: 1,
        kind: 'blocked_terms',
        clause: 3,
        action: 'reject',
        message: 'Pas de ça ici.',
        detail: 'terms: idiot',
      },
    ]);
    expect(judge([blocked(['idiot'])], 'Une idée idiote ? Non.').outcome).toBe('publish');
  });
});
