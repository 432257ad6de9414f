// The demo company's charter and starter rules: what a moderator would publish on day one.
import type { RuleBody } from '@serendip/contracts';

export const DEMO_CHARTER = `# Charte de Serendip — Boréal Industries

Serendip est un lieu où l'on ose poser ses questions. Chacun s'engage à :

1. Respecter les personnes : pas d'insulte, de moquerie ni d'attaque personnelle.
2. Rester bienveillant avec les débutants : il n'y a pas de question bête.
3. Ne pas publier de données personnelles (téléphone, adresse e-mail, IBAN, dossier RH).
4. Respecter la confidentialité : rien de classé « confidentiel » hors des groupes privés prévus.
5. Éviter la publicité, les chaînes et les messages répétés.
6. Citer ses sources et signaler ce qui relève de l'avis personnel.
`;

/** Trust levels: staff are trusted, colleagues are past pre-moderation (they have history). */
export const DEMO_TRUST_LEVEL = { staff: 2, member: 1 } as const;

export const DEMO_RULES: RuleBody[] = [
  {
    kind: 'personal_data',
    clause: 3,
    action: 'hold',
    message: 'Les données personnelles ne se publient pas sur Serendip.',
    params: { detect: ['email', 'phone', 'iban'] },
  },
  {
    kind: 'new_member_links',
    clause: 5,
    action: 'hold',
    message: 'Trop de liens ou de mentions pour un premier message.',
    params: { belowTrustLevel: 1, maxLinks: 2, maxMentions: 5 },
  },
  {
    kind: 'shouting',
    clause: 1,
    action: 'queue',
    message: 'Merci de ne pas écrire en majuscules.',
    params: { minLetters: 30, maxUppercaseRatio: 0.7 },
  },
  {
    kind: 'repeated_text',
    clause: 5,
    action: 'hold',
    message: 'Ce message a déjà été publié.',
    params: { windowMinutes: 60, minLength: 40 },
  },
];
