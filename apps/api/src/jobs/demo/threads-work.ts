// Demo threads of the professional communities: project management, data, spreadsheets, legal
// and quality. Mostly questions, some discussions, two asked anonymously.
import { prose } from './text.ts';
import type { DemoThread } from './types.ts';

const projectThreads: DemoThread[] = [
  {
    group: 'gestion-de-projet',
    author: 'pierre.blanc',
    kind: 'question',
    title: 'Comment estimer la charge d’un projet quand le périmètre bouge encore ?',
    body: prose`
      On me demande un chiffrage pour le nouveau banc d’essai, mais le cahier des charges
      change toutes les semaines. Je ne veux ni promettre l’impossible ni gonfler les chiffres.

      Comment faites-vous pour donner une estimation **honnête** dans ce genre de situation ?
    `,
    tags: ['estimation', 'gestion-de-projet'],
    answers: [
      {
        author: 'lea.bonnet',
        body: prose`
          Donne une **fourchette** plutôt qu’un chiffre, et dis de quoi elle dépend :

          - une estimation basse (tout se passe bien) et une haute (les risques connus arrivent) ;
          - la liste des hypothèses : « périmètre figé au 15 », « fournisseur livre en 3 semaines »… ;
          - une date de ré-estimation, par exemple à la fin des spécifications.

          Plus le projet avance, plus la fourchette se resserre : c’est le *cône d’incertitude*.
          Les décideurs l’acceptent très bien quand on le montre dès le départ.
        `,
      },
      {
        author: 'julien.roux',
        body: prose`
          Autre approche complémentaire : découper en lots et ne chiffrer finement que le premier.
          Les suivants restent en ordre de grandeur (S, M, L) jusqu’à ce qu’on en sache plus.
        `,
      },
    ],
    accepted: 0,
    thanks: {
      rating: 5,
      message: 'La fourchette avec les hypothèses écrites a convaincu mon responsable, merci !',
    },
  },
  {
    group: 'gestion-de-projet',
    author: 'aurelie.petit',
    kind: 'question',
    title: 'Quel outil pour suivre un petit projet à cinq personnes ?',
    body: prose`
      J’organise le déménagement du service à Paris : cinq personnes, une quarantaine de tâches,
      trois mois. Un outil de gestion de projet complet me paraît démesuré.
      Qu’est-ce que vous utilisez pour ce genre de projet ?
    `,
    tags: ['outils', 'planning'],
    answers: [
      {
        author: 'hugo.martinez',
        body: prose`
          Planner (inclus dans Microsoft 365) fait très bien l’affaire : un tableau par projet,
          une carte par tâche, des échéances et des responsables.
        `,
      },
      {
        author: 'lea.bonnet',
        body: prose`
          Je commencerais encore plus simple : un tableau en colonnes **À faire / En cours / Fait**,
          dans Planner ou même sur un mur. Ce qui compte :

          1. une personne responsable par tâche ;
          2. une date d’échéance réaliste ;
          3. un point de 15 minutes par semaine pour faire avancer les cartes.

          L’outil viendra après, si le besoin se fait sentir.
        `,
      },
    ],
    accepted: 1,
    thanks: { rating: 4, message: 'Simple et efficace, on a démarré le lendemain.' },
  },
  {
    group: 'gestion-de-projet',
    author: 'lea.bonnet',
    kind: 'discussion',
    title: 'Retour d’expérience : notre premier sprint sur le projet ERP',
    body: prose`
      Nous venons de terminer le premier sprint de deux semaines sur la refonte de l’ERP.
      Ce qui a marché :

      - une démo à la fin du sprint, avec de vrais utilisateurs de l’usine de Lille ;
      - un backlog priorisé avec le métier, pas seulement par l’IT.

      Ce qui a coincé : les estimations (trop optimistes) et la disponibilité des experts métier.
      Vos retours sur vos propres débuts en agile sont bienvenus !
    `,
    tags: ['agile', 'scrum', 'erp'],
    answers: [
      {
        author: 'nicolas.perrin',
        body: 'Côté usine, la démo a vraiment changé la perception du projet. On se sent écoutés.',
      },
      {
        author: 'manon.rousseau',
        body: prose`
          Pour la disponibilité des experts, bloquez leurs créneaux **dès le début** avec leur
          manager, sinon l’opérationnel passe toujours avant.
        `,
      },
      {
        author: 'julien.roux',
        body: 'Bravo à l’équipe. Gardez le rythme des démos, c’est ce qui crée la confiance.',
      },
    ],
  },
  {
    group: 'gestion-de-projet',
    author: 'baptiste.lambert',
    kind: 'question',
    anonymous: true,
    title: 'Comment dire non à une nouvelle demande quand l’équipe est déjà saturée ?',
    body: prose`
      Mon directeur ajoute régulièrement des demandes « urgentes » alors que l’équipe est déjà
      au maximum. Je n’ose pas refuser, et tout finit en retard.

      Comment dire non (ou « pas maintenant ») sans passer pour quelqu’un qui ne veut pas faire
      d’efforts ?
    `,
    tags: ['priorisation', 'management'],
    answers: [
      {
        author: 'manon.rousseau',
        body: prose`
          Rendez la charge **visible** : une liste des sujets en cours avec leur échéance, puis
          posez la question « laquelle de ces priorités décale-t-on pour faire la nouvelle ? ».

          Ce n’est plus un refus : c’est une décision d’arbitrage, qui appartient à votre directeur.
        `,
      },
      {
        author: 'olivier.caron',
        body: 'Proposer deux options chiffrées (« maintenant en décalant X » ou « dans trois semaines ») marche très bien aussi.',
      },
    ],
    accepted: 0,
    thanks: { rating: 5, message: 'J’ai essayé la liste des priorités : ça a tout changé.' },
  },
  {
    group: 'gestion-de-projet',
    author: 'elodie.chevalier',
    kind: 'question',
    title: 'Qu’est-ce qu’une matrice RACI et comment l’utiliser sans en faire une usine à gaz ?',
    body: prose`
      On me demande une matrice RACI pour la refonte du site web. J’ai compris le principe,
      mais j’ai peur de produire un tableau énorme que personne ne lira.
    `,
    tags: ['raci', 'gouvernance'],
    answers: [
      {
        author: 'lea.bonnet',
        body: prose`
          RACI = **R**éalise, **A**pprouve (une seule personne !), **C**onsulté, **I**nformé.
          Gardez-la courte : les 8 à 10 décisions ou livrables qui comptent, pas chaque tâche.

          | Livrable            | Marketing | IT | Juridique |
          |---------------------|-----------|----|-----------|
          | Maquettes           | A/R       | C  | I         |
          | Mentions légales    | C         | I  | A/R       |
          | Mise en production  | A         | R  | I         |

          Et relisez-la avec les personnes concernées : c’est la discussion qui a de la valeur.
        `,
      },
      {
        author: 'karim.haddad',
        body: 'Le piège classique : plusieurs « A » sur la même ligne. Si ça arrive, c’est qu’une décision n’a pas de propriétaire.',
      },
    ],
    accepted: 0,
    thanks: { rating: 5, message: 'Le tableau d’exemple m’a fait gagner une demi-journée.' },
  },
  {
    group: 'gestion-de-projet',
    author: 'karim.haddad',
    kind: 'question',
    title: 'Comment animer une rétrospective à distance qui ne tourne pas en rond ?',
    body: prose`
      Nos rétrospectives en visio se résument à « RAS » ou aux mêmes plaintes à chaque fois.
      Des formats ou des outils à recommander pour une équipe répartie entre Nantes et Lyon ?
    `,
    tags: ['agile', 'retrospective', 'teletravail'],
    answers: [
      {
        author: 'manon.rousseau',
        body: prose`
          Changez de format régulièrement :

          - *Start / Stop / Continue* pour démarrer ;
          - le *bateau* (vent, ancres, rochers) quand l’équipe a besoin de prendre du recul ;
          - les *4L* (Liked, Learned, Lacked, Longed for).

          Et terminez toujours par **une seule** action, avec un nom et une date.
        `,
      },
      {
        author: 'hugo.martinez',
        body: 'Un tableau blanc en ligne où chacun écrit en silence pendant 5 minutes avant de parler aide beaucoup les plus discrets.',
      },
    ],
  },
  {
    group: 'gestion-de-projet',
    author: 'nicolas.perrin',
    kind: 'question',
    title: 'Diagramme de Gantt : Excel suffit-il ou faut-il un vrai outil ?',
    body: prose`
      Pour l’arrêt technique de la ligne 3 (deux semaines, une quinzaine d’intervenants),
      je dois présenter un planning. Est-ce qu’un Gantt sous Excel est raisonnable ?
    `,
    tags: ['gantt', 'planning', 'excel'],
    answers: [
      {
        author: 'camille.laurent',
        body: prose`
          Pour deux semaines, Excel suffit largement. Une colonne par jour, et une mise en forme
          conditionnelle sur la plage des jours avec cette formule :

          \`\`\`
          =ET(E$1>=$B2; E$1<=$C2)
          \`\`\`

          où \`B\` est la date de début, \`C\` la date de fin et la ligne 1 contient les jours.
          Je peux te partager mon modèle si tu veux.
        `,
      },
      {
        author: 'lea.bonnet',
        body: 'D’accord avec Camille. Un vrai outil devient utile quand il y a beaucoup de dépendances entre tâches à recalculer.',
      },
    ],
    accepted: 0,
    thanks: { rating: 4, message: 'Le modèle de Camille est parfait pour nos arrêts techniques.' },
  },
  {
    group: 'gestion-de-projet',
    author: 'olivier.caron',
    kind: 'discussion',
    title: 'Vos astuces pour des réunions de lancement efficaces',
    body: prose`
      Je prépare le lancement de la nouvelle gamme. Qu’est-ce qui, selon vous, fait une bonne
      réunion de lancement ? Je commence : **un objectif écrit en une phrase**, affiché en grand.
    `,
    tags: ['reunions', 'lancement'],
    answers: [
      {
        author: 'lea.bonnet',
        body: 'Présenter qui fait quoi (même un RACI léger) et convenir du rythme des points dès la première réunion.',
      },
      {
        author: 'julien.roux',
        body: 'Lister aussi ce qui est **hors périmètre**. Ça évite beaucoup de malentendus plus tard.',
      },
    ],
  },
  {
    group: 'gestion-de-projet',
    author: 'hugo.martinez',
    kind: 'question',
    title: 'Comment gérer un projet avec des parties prenantes sur trois sites ?',
    body: prose`
      Le projet de traçabilité implique Lille, Lyon et Nantes. Les informations se perdent
      entre les sites et chacun a l’impression d’être le dernier informé. Des conseils ?
    `,
    tags: ['multi-sites', 'communication'],
    answers: [
      {
        author: 'ines.dasilva',
        body: 'Une courte lettre d’information hebdomadaire, toujours le même jour, avec les décisions de la semaine. Je peux vous aider à la mettre en forme.',
      },
      {
        author: 'lea.bonnet',
        body: 'Nommez un relais par site, et gardez un seul endroit où les décisions sont écrites (par exemple ce groupe !).',
      },
    ],
  },
  {
    group: 'gestion-de-projet',
    author: 'aurelie.petit',
    kind: 'question',
    title: 'PMP, Prince2 ou PSM : quelle certification choisir pour commencer ?',
    body: prose`
      J’aimerais me former sérieusement à la gestion de projet. Laquelle de ces certifications
      est la plus utile chez nous, et est-ce que le plan de formation peut la financer ?
    `,
    tags: ['certification', 'formation'],
    answers: [],
  },
];

const dataThreads: DemoThread[] = [
  {
    group: 'data-ia',
    author: 'lucas.henry',
    kind: 'question',
    title: 'Pourquoi ma jointure SQL duplique-t-elle des lignes ?',
    body: prose`
      Je joins la table des commandes et celle des lignes de facture pour calculer le chiffre
      d’affaires par client, mais le total est bien trop élevé :

      \`\`\`sql
      SELECT c.client_id, SUM(c.montant) AS ca
      FROM commandes c
      JOIN lignes_facture l ON l.commande_id = c.id
      GROUP BY c.client_id;
      \`\`\`

      Qu’est-ce que je fais de travers ?
    `,
    tags: ['sql', 'jointures'],
    answers: [
      {
        author: 'karim.haddad',
        body: prose`
          Une commande a **plusieurs** lignes de facture : la jointure répète chaque commande
          autant de fois qu’elle a de lignes, et \`SUM(c.montant)\` les additionne toutes.

          Ici tu veux seulement les commandes qui ont au moins une ligne facturée : remplace la
          jointure par un \`EXISTS\`, qui ne multiplie pas les lignes :

          \`\`\`sql
          SELECT c.client_id, SUM(c.montant) AS ca
          FROM commandes c
          WHERE EXISTS (SELECT 1 FROM lignes_facture l WHERE l.commande_id = c.id)
          GROUP BY c.client_id;
          \`\`\`

          Règle pratique : avant de sommer, vérifie que la jointure ne change pas le nombre de
          lignes (\`COUNT(*)\` avant et après).
        `,
      },
      {
        author: 'hugo.martinez',
        body: 'Et si tu as besoin de colonnes des lignes de facture, fais une sous-requête qui agrège par `commande_id` avant la jointure.',
      },
    ],
    accepted: 0,
    thanks: {
      rating: 5,
      message: 'Clair et patient, j’ai enfin compris les jointures 1-n. Merci !',
    },
  },
  {
    group: 'data-ia',
    author: 'elodie.chevalier',
    kind: 'question',
    title: 'Peut-on utiliser un assistant IA en ligne avec des données clients ?',
    body: prose`
      Pour gagner du temps, j’aimerais faire résumer des retours clients par un assistant IA.
      Les textes contiennent parfois des noms et des adresses e-mail. Est-ce autorisé ?
    `,
    tags: ['ia-generative', 'rgpd', 'données-personnelles'],
    answers: [
      {
        author: 'antoine.mercier',
        body: prose`
          Pas avec un service grand public : les données partent chez un tiers, sans contrat
          ni garanties sur leur réutilisation. C’est un transfert de données personnelles.

          Deux options conformes :

          1. utiliser l’assistant interne validé par la DSI ;
          2. **anonymiser** les textes avant (supprimer noms, e-mails, numéros).
        `,
      },
      {
        author: 'julien.roux',
        body: 'Je confirme : l’assistant interne est disponible pour tous depuis l’intranet, et les données restent chez nous.',
      },
    ],
    accepted: 0,
    thanks: { rating: 4, message: 'Réponse nette, merci à vous deux.' },
  },
  {
    group: 'data-ia',
    author: 'mathieu.andre',
    kind: 'question',
    title: 'Python ou Power BI pour automatiser le reporting mensuel de l’usine ?',
    body: prose`
      Chaque mois je passe deux jours à consolider des exports de la GMAO et de l’ERP dans Excel.
      Je voudrais automatiser. Par quoi commencer : Python ou Power BI ?
    `,
    tags: ['python', 'power-bi', 'reporting'],
    answers: [
      {
        author: 'karim.haddad',
        body: prose`
          Si le résultat attendu est un **tableau de bord** consulté par d’autres : Power BI,
          avec Power Query pour la consolidation. Tu restes dans un environnement proche d’Excel.

          Python devient intéressant pour des traitements plus complexes ou des calculs que
          Power BI fait mal. On peut en parler en visio, je suis dispo jeudi.
        `,
      },
      {
        author: 'camille.laurent',
        body: 'Commence déjà par Power Query dans Excel : c’est le même langage que dans Power BI, et tu gagneras tout de suite une journée par mois.',
      },
      {
        author: 'sarah.cohen',
        body: 'Python si tu veux ensuite faire de la prévision ou de la détection d’anomalies sur ces données.',
      },
    ],
    accepted: 0,
    thanks: {
      rating: 5,
      message: 'Atelier fait avec Karim, le reporting prend maintenant une heure.',
    },
  },
  {
    group: 'data-ia',
    author: 'pierre.blanc',
    kind: 'question',
    title: 'Comment détecter des valeurs aberrantes dans des mesures d’essais ?',
    body: prose`
      Sur nos essais de traction, quelques mesures sont manifestement fausses (capteur mal fixé).
      Je voudrais les repérer automatiquement plutôt qu’à l’œil. Une méthode simple ?
    `,
    tags: ['statistiques', 'python', 'essais'],
    answers: [
      {
        author: 'sarah.cohen',
        body: prose`
          Méthode simple et robuste : l’écart interquartile (IQR).

          \`\`\`python
          import pandas as pd

          mesures = pd.read_csv("essais.csv")
          q1, q3 = mesures["force"].quantile([0.25, 0.75])
          ecart = q3 - q1
          aberrantes = mesures[(mesures["force"] < q1 - 1.5 * ecart) | (mesures["force"] > q3 + 1.5 * ecart)]
          \`\`\`

          Contrairement à la moyenne ± 3 écarts-types, elle n’est pas faussée par les valeurs
          aberrantes elles-mêmes. Garde une trace de ce qui est écarté !
        `,
      },
      {
        author: 'karim.haddad',
        body: 'Et calcule-le **par série d’essais**, pas sur tout l’historique : les éprouvettes changent d’une série à l’autre.',
      },
    ],
    accepted: 0,
    thanks: { rating: 5, message: 'Appliqué dès le lendemain sur la série B12, merci Sarah.' },
  },
  {
    group: 'data-ia',
    author: 'nadia.benali',
    kind: 'discussion',
    title: 'Partagez vos prompts utiles pour le travail quotidien',
    body: prose`
      Avec l’assistant IA interne, je gagne du temps sur les comptes rendus. Mon prompt préféré :

      > Résume ce compte rendu en 5 points maximum, puis liste les décisions et les actions
      > avec leur responsable.

      Et vous, quels usages vous font vraiment gagner du temps ?
    `,
    tags: ['ia-generative', 'prompts'],
    answers: [
      {
        author: 'hugo.martinez',
        body: 'Expliquer une requête SQL ou une expression régulière héritée de quelqu’un d’autre. Il faut quand même vérifier ce qu’il dit.',
      },
      {
        author: 'elodie.chevalier',
        body: 'Proposer trois variantes de titre pour un article de la newsletter. Je garde rarement l’une telle quelle, mais ça débloque.',
      },
      {
        author: 'sarah.cohen',
        body: 'Attention aux chiffres : demandez toujours la source ou recalculez. Les résumés inventent parfois des valeurs.',
      },
    ],
  },
  {
    group: 'data-ia',
    author: 'lucas.henry',
    kind: 'question',
    title: 'Pandas : pourquoi mon fichier CSV a-t-il des accents cassés ?',
    body: prose`
      En lisant un export de l’ERP avec \`pd.read_csv("export.csv")\`, j’obtiens des caractères
      comme \`Ã©\` à la place des \`é\`, ou parfois une erreur \`UnicodeDecodeError\`.
    `,
    tags: ['python', 'pandas', 'encodage'],
    answers: [
      {
        author: 'hugo.martinez',
        body: prose`
          L’export n’est pas en UTF-8 : les vieux exports Windows sont souvent en \`cp1252\`.
          Et ils utilisent souvent le point-virgule comme séparateur :

          \`\`\`python
          df = pd.read_csv("export.csv", encoding="cp1252", sep=";", decimal=",")
          \`\`\`

          Si le fichier vient d’Excel en « CSV UTF-8 », utilise \`encoding="utf-8-sig"\` pour
          ignorer la marque d’ordre des octets au début.
        `,
      },
    ],
    accepted: 0,
    thanks: { rating: 4, message: 'C’était bien le cp1252, merci !' },
  },
  {
    group: 'data-ia',
    author: 'camille.laurent',
    kind: 'question',
    title: 'Moyenne mobile ou lissage exponentiel pour prévoir les ventes ?',
    body: prose`
      Pour le budget, nous prévoyons les volumes mensuels par famille de produits.
      Quelle méthode simple choisir, sachant qu’il y a une saisonnalité marquée en été ?
    `,
    tags: ['prevision', 'statistiques'],
    answers: [
      {
        author: 'sarah.cohen',
        body: prose`
          Avec une saisonnalité marquée, ni l’une ni l’autre seule : regarde le lissage
          exponentiel de **Holt-Winters**, qui gère tendance et saisonnalité.
          Excel le propose avec \`PREVISION.ETS\`.

          Compare toujours sur les 12 derniers mois « cachés » avant de choisir.
        `,
      },
    ],
  },
  {
    group: 'data-ia',
    author: 'mathieu.andre',
    kind: 'question',
    title: 'Peut-on se connecter à l’entrepôt de données depuis Excel ?',
    body: 'J’aimerais éviter les exports manuels et interroger directement l’entrepôt depuis Excel. Est-ce possible, et à qui faut-il demander un accès ?',
    tags: ['entrepot-de-donnees', 'excel', 'acces'],
    answers: [
      {
        author: 'karim.haddad',
        body: prose`
          Oui : **Données › Obtenir des données › À partir d’une base de données**, avec le
          connecteur PostgreSQL. Il te faut un compte en lecture seule : fais une demande au
          support IT en précisant les schémas dont tu as besoin (\`finance\`, \`production\`…).
        `,
      },
    ],
    accepted: 0,
  },
  {
    group: 'data-ia',
    author: 'sarah.cohen',
    kind: 'question',
    title: 'Comment versionner proprement des notebooks Jupyter avec Git ?',
    body: 'Nos notebooks contiennent les sorties (graphiques, tableaux) et chaque commit produit des différences illisibles. Comment faites-vous ?',
    tags: ['git', 'jupyter', 'python'],
    answers: [
      {
        author: 'hugo.martinez',
        body: prose`
          Deux outils :

          - [nbstripout](https://github.com/kynan/nbstripout) retire les sorties à chaque commit :
            \`pip install nbstripout && nbstripout --install\` dans le dépôt ;
          - [Jupytext](https://jupytext.readthedocs.io/) garde une copie \`.py\` du notebook,
            bien plus lisible en revue de code.
        `,
      },
    ],
    accepted: 0,
    thanks: {
      rating: 5,
      message: 'nbstripout installé sur tous nos dépôts, les revues sont enfin lisibles.',
    },
  },
  {
    group: 'data-ia',
    author: 'romain.gauthier',
    kind: 'question',
    title: 'Existe-t-il une formation interne à l’apprentissage automatique ?',
    body: 'Je voudrais comprendre les bases du machine learning pour mieux accompagner les équipes data côté infrastructure. Une formation existe-t-elle chez nous ?',
    tags: ['formation', 'machine-learning'],
    answers: [
      {
        author: 'manon.rousseau',
        body: 'Un parcours en ligne de six modules est disponible dans le catalogue de formation, et @karim.haddad anime un atelier pratique chaque trimestre.',
      },
    ],
  },
];

const spreadsheetThreads: DemoThread[] = [
  {
    group: 'excel-tableurs',
    author: 'aurelie.petit',
    kind: 'question',
    title: 'RECHERCHEV renvoie #N/A alors que la valeur existe bien',
    body: prose`
      Dans mon tableau des fournisseurs, \`=RECHERCHEV(A2;Fournisseurs!A:D;3;FAUX)\` renvoie
      \`#N/A\` pour certaines lignes, alors que je vois bien le code dans l’autre onglet.
    `,
    tags: ['recherchev', 'formules'],
    answers: [
      {
        author: 'camille.laurent',
        body: prose`
          Deux causes très fréquentes :

          1. des **espaces** invisibles en fin de code : teste avec \`=NBCAR(A2)\` ;
          2. des nombres stockés **en texte** d’un côté et en nombre de l’autre.

          Corrige avec \`=RECHERCHEV(SUPPRESPACE(A2);Fournisseurs!A:D;3;FAUX)\`, ou mieux,
          passe à \`RECHERCHEX\`, plus lisible :

          \`\`\`
          =RECHERCHEX(SUPPRESPACE(A2);Fournisseurs!A:A;Fournisseurs!C:C;"introuvable")
          \`\`\`
        `,
      },
      {
        author: 'mathieu.andre',
        body: 'Pour le texte/nombre : **Données › Convertir** sur la colonne règle le problème en une fois.',
      },
    ],
    accepted: 0,
    thanks: { rating: 5, message: 'C’étaient des espaces ! Merci Camille.' },
  },
  {
    group: 'excel-tableurs',
    author: 'emma.robin',
    kind: 'question',
    anonymous: true,
    title: 'Question sûrement bête : comment garder la première ligne visible ?',
    body: 'Quand je descends dans le fichier de suivi de production, je ne vois plus les titres des colonnes. Comment les garder affichés ?',
    tags: ['affichage', 'debutant'],
    answers: [
      {
        author: 'lucas.henry',
        body: prose`
          Pas bête du tout, on l’a tous cherché ! **Affichage › Figer les volets › Figer la
          ligne supérieure**. Pour figer aussi la première colonne, sélectionne la cellule \`B2\`
          puis **Figer les volets**.
        `,
      },
    ],
    accepted: 0,
    thanks: { rating: 5, message: 'Merci, et merci de ne pas juger les débutants !' },
  },
  {
    group: 'excel-tableurs',
    author: 'baptiste.lambert',
    kind: 'question',
    title: 'Tableau croisé dynamique : les mois s’affichent dans le désordre',
    body: 'Mon TCD des ventes par mois affiche « août, avril, décembre… » par ordre alphabétique. Comment les remettre dans l’ordre du calendrier ?',
    tags: ['tcd', 'dates'],
    answers: [
      {
        author: 'camille.laurent',
        body: prose`
          Ta colonne contient le **nom** du mois (du texte). Mets plutôt la vraie date dans le
          TCD, puis clic droit › **Grouper** › Mois (et Années). Excel triera chronologiquement.
        `,
      },
    ],
    accepted: 0,
    thanks: { rating: 4, message: 'Parfait pour la revue commerciale de lundi.' },
  },
  {
    group: 'excel-tableurs',
    author: 'mathieu.andre',
    kind: 'question',
    title: 'Power Query : combiner automatiquement tous les fichiers d’un dossier',
    body: 'Chaque usine dépose son fichier mensuel dans le même dossier partagé. Comment les combiner sans copier-coller, y compris les futurs fichiers ?',
    tags: ['power-query', 'automatisation'],
    answers: [
      {
        author: 'camille.laurent',
        body: prose`
          **Données › Obtenir des données › À partir d’un fichier › À partir d’un dossier**, puis
          **Combiner et transformer**. Power Query crée une requête qui empile tous les fichiers ;
          un simple **Actualiser** intègre les nouveaux.

          Ajoute une étape pour garder le nom du fichier, pratique pour savoir quelle usine :

          \`\`\`
          = Table.AddColumn(Source, "Usine", each Text.BeforeDelimiter([Name], "_"))
          \`\`\`
        `,
      },
      {
        author: 'karim.haddad',
        body: 'Veille à ce que tous les fichiers aient exactement les mêmes en-têtes, sinon les colonnes se décalent.',
      },
    ],
    accepted: 0,
    thanks: { rating: 5, message: 'Deux jours de consolidation réduits à un clic.' },
  },
  {
    group: 'excel-tableurs',
    author: 'julie.morel',
    kind: 'question',
    title: 'Compter les salariés distincts ayant pris des congés en juillet',
    body: 'Dans l’export des absences, un salarié apparaît une fois par jour d’absence. Je veux le nombre de personnes différentes absentes en juillet.',
    tags: ['formules', 'valeurs-uniques'],
    answers: [
      {
        author: 'camille.laurent',
        body: prose`
          Avec Excel 365 :

          \`\`\`
          =NBVAL(UNIQUE(FILTRE(A2:A5000; MOIS(B2:B5000)=7)))
          \`\`\`

          où \`A\` est le matricule et \`B\` la date d’absence.
        `,
      },
      {
        author: 'lucas.henry',
        body: 'Sur une ancienne version, un TCD avec l’option « Ajouter ces données au modèle de données » propose le « Nombre distinct ».',
      },
    ],
    accepted: 0,
    thanks: { rating: 4, message: 'La formule marche parfaitement, merci.' },
  },
  {
    group: 'excel-tableurs',
    author: 'lucas.henry',
    kind: 'discussion',
    title: 'Vos raccourcis clavier Excel préférés',
    body: prose`
      Je commence : \`Ctrl\` + \`;\` insère la date du jour, et \`Ctrl\` + \`Maj\` + \`L\` active les filtres.
      Quels sont les vôtres ?
    `,
    tags: ['raccourcis', 'productivite'],
    answers: [
      {
        author: 'camille.laurent',
        body: '`Ctrl` + `T` pour transformer une plage en tableau. Tout devient plus simple ensuite.',
      },
      {
        author: 'aurelie.petit',
        body: '`F4` pour répéter la dernière action (mise en forme, insertion de ligne…).',
      },
      {
        author: 'marc.lefevre',
        body: '`Alt` + `=` pour une somme automatique. Vieux réflexe de contrôleur de gestion.',
      },
      {
        author: 'yannick.legall',
        body: '`Ctrl` + flèche pour aller au bout des données. Indispensable sur nos gros relevés de mesures.',
      },
    ],
  },
  {
    group: 'excel-tableurs',
    author: 'isabelle.fontaine',
    kind: 'question',
    title: 'Protéger certaines cellules et laisser les autres modifiables',
    body: 'Je partage une grille d’audit : les formules ne doivent pas être modifiées, mais les auditeurs doivent pouvoir remplir les colonnes de réponse.',
    tags: ['protection', 'partage'],
    answers: [
      {
        author: 'mathieu.andre',
        body: prose`
          1. Sélectionne les cellules à remplir › **Format de cellule › Protection** › décoche « Verrouillée ».
          2. **Révision › Protéger la feuille**, avec un mot de passe si besoin.

          Toutes les autres cellules (verrouillées par défaut) deviennent non modifiables.
        `,
      },
    ],
    accepted: 0,
  },
  {
    group: 'excel-tableurs',
    author: 'marc.lefevre',
    kind: 'question',
    title: 'Pourquoi notre fichier budgétaire partagé est-il si lent ?',
    body: 'Le fichier du budget fait 40 Mo et met une minute à recalculer chaque fois que quelqu’un le modifie. Des pistes ?',
    tags: ['performance', 'partage'],
    answers: [
      {
        author: 'karim.haddad',
        body: 'Les fonctions volatiles (`DECALER`, `INDIRECT`, `AUJOURDHUI`) recalculent tout à chaque modification. Remplace-les par `INDEX` quand c’est possible.',
      },
      {
        author: 'camille.laurent',
        body: 'Vérifie aussi les références à des colonnes entières dans les `SOMME.SI.ENS` et les mises en forme conditionnelles dupliquées des milliers de fois.',
      },
    ],
  },
  {
    group: 'excel-tableurs',
    author: 'yannick.legall',
    kind: 'question',
    title: 'Mettre en rouge les dates d’étalonnage dépassées',
    body: 'Dans la liste des instruments de mesure, je veux que la date du prochain étalonnage passe en rouge quand elle est dépassée, et en orange dans les 30 jours.',
    tags: ['mise-en-forme-conditionnelle', 'dates'],
    answers: [
      {
        author: 'julie.morel',
        body: prose`
          Deux règles de mise en forme conditionnelle « Utiliser une formule », sur la colonne \`D\` :

          - rouge : \`=D2<AUJOURDHUI()\`
          - orange : \`=ET(D2>=AUJOURDHUI(); D2<=AUJOURDHUI()+30)\`

          Mets la règle rouge en premier et coche « Interrompre si vrai ».
        `,
      },
    ],
    accepted: 0,
    thanks: { rating: 4, message: 'Plus aucun étalonnage oublié depuis, merci !' },
  },
];

const legalThreads: DemoThread[] = [
  {
    group: 'juridique-pratique',
    author: 'elodie.chevalier',
    kind: 'question',
    title: 'Peut-on envoyer notre newsletter à des prospects sans leur consentement ?',
    body: 'Nous avons récupéré des cartes de visite sur un salon. Peut-on inscrire ces contacts à la newsletter commerciale ?',
    tags: ['rgpd', 'prospection'],
    answers: [
      {
        author: 'antoine.mercier',
        body: prose`
          En **B2B**, c’est possible sans consentement préalable si :

          - le message concerne la fonction professionnelle de la personne ;
          - elle est informée de l’utilisation de ses coordonnées ;
          - chaque envoi contient un lien de **désinscription** simple.

          En B2C, le consentement préalable est obligatoire. Voir la fiche de la
          [CNIL sur la prospection commerciale](https://www.cnil.fr/fr/la-prospection-commerciale-par-courrier-electronique).
        `,
      },
    ],
    accepted: 0,
    thanks: { rating: 5, message: 'Très clair, et le lien CNIL est parfait pour l’équipe.' },
  },
  {
    group: 'juridique-pratique',
    author: 'hugo.martinez',
    kind: 'question',
    anonymous: true,
    title: 'Rupture conventionnelle : comment aborder le sujet avec mon manager ?',
    body: 'J’envisage de partir pour un projet personnel et je pense à une rupture conventionnelle. Comment se passe la procédure et comment en parler sans tendre la relation ?',
    tags: ['rupture-conventionnelle', 'droit-du-travail'],
    answers: [
      {
        author: 'chloe.faure',
        body: prose`
          La procédure :

          1. un ou plusieurs **entretiens** (vous pouvez être assisté) ;
          2. la signature de la convention ;
          3. un délai de **rétractation** de 15 jours calendaires ;
          4. l’homologation par l’administration (15 jours ouvrables).

          C’est un accord : aucune des deux parties ne peut l’imposer à l’autre.
        `,
      },
      {
        author: 'sophie.garnier',
        body: 'Côté relation : présentez votre projet positivement et proposez une date de départ qui laisse le temps de transmettre vos dossiers. L’équipe RH peut aussi vous recevoir en toute confidentialité.',
      },
    ],
    accepted: 0,
    thanks: { rating: 5, message: 'Merci pour la procédure détaillée, je me sens prêt(e).' },
  },
  {
    group: 'juridique-pratique',
    author: 'manon.rousseau',
    kind: 'question',
    title: 'Combien de temps conserver les CV des candidats non retenus ?',
    body: 'Nous avons des centaines de CV dans une boîte mail partagée, certains datent de plusieurs années. Que dit la règle ?',
    tags: ['rgpd', 'recrutement', 'conservation'],
    answers: [
      {
        author: 'chloe.faure',
        body: 'La CNIL recommande **deux ans** au maximum après le dernier contact, et seulement si le candidat ne s’y est pas opposé. Au-delà, il faut supprimer ou redemander son accord.',
      },
    ],
    accepted: 0,
  },
  {
    group: 'juridique-pratique',
    author: 'baptiste.lambert',
    kind: 'question',
    title: 'Qui peut signer un contrat avec un client au nom de l’entreprise ?',
    body: 'Un client veut signer rapidement un contrat-cadre. Est-ce que je peux le signer moi-même en tant qu’ingénieur commercial ?',
    tags: ['contrats', 'delegation-de-signature'],
    answers: [
      {
        author: 'antoine.mercier',
        body: prose`
          Non, sauf délégation de pouvoir écrite. Chez nous, les contrats-cadres sont signés par
          le directeur commercial ou la direction générale, **après revue juridique**.
          Envoyez-nous le projet : notre délai habituel est de 48 heures.
        `,
      },
    ],
    accepted: 0,
    thanks: { rating: 4, message: 'Contrat relu et signé dans la semaine.' },
  },
  {
    group: 'juridique-pratique',
    author: 'lucas.henry',
    kind: 'question',
    title: 'Télétravailler deux semaines depuis l’étranger : est-ce possible ?',
    body: 'Je voudrais rendre visite à ma famille au Portugal et télétravailler sur place pendant deux semaines. Y a-t-il des règles ?',
    tags: ['teletravail', 'droit-du-travail'],
    answers: [
      {
        author: 'chloe.faure',
        body: 'C’est possible avec l’**accord écrit** de votre manager et des RH, notamment pour les questions de sécurité sociale et d’assurance. Dans l’Union européenne, une courte période pose rarement problème.',
      },
      {
        author: 'julie.morel',
        body: 'Côté paie, rien ne change pour une si courte durée. Pensez à vérifier l’accès VPN depuis l’étranger avec l’IT avant de partir.',
      },
    ],
    accepted: 0,
  },
  {
    group: 'juridique-pratique',
    author: 'francois.girard',
    kind: 'discussion',
    title: 'Accords de confidentialité : vos modèles et retours d’expérience',
    body: 'Nous signons de plus en plus d’accords de confidentialité avant les appels d’offres. Quels points faut-il surveiller quand c’est le client qui impose son modèle ?',
    tags: ['contrats', 'confidentialite'],
    answers: [
      {
        author: 'antoine.mercier',
        body: prose`
          Les trois points que nous relisons toujours :

          - la **durée** de l’obligation (5 ans est courant, « illimitée » est à négocier) ;
          - la définition de l’information confidentielle (trop large = inapplicable) ;
          - les **pénalités** forfaitaires, à refuser autant que possible.

          Le modèle maison est dans l’espace documentaire juridique.
        `,
      },
      {
        author: 'baptiste.lambert',
        body: 'Retour terrain : les clients acceptent souvent notre modèle quand on l’envoie en premier.',
      },
    ],
  },
  {
    group: 'juridique-pratique',
    author: 'francois.girard',
    kind: 'question',
    title: 'Un client demande nos conditions générales en anglais : quelle version fait foi ?',
    body: 'Un nouveau client allemand souhaite nos conditions générales de vente en anglais. Si nous les traduisons, laquelle des deux versions s’applique en cas de litige ?',
    tags: ['cgv', 'contrats', 'international'],
    answers: [
      {
        author: 'antoine.mercier',
        body: 'Ajoutez une clause précisant que **la version française prévaut** en cas de divergence. Nous avons une traduction validée : demandez-la à l’équipe juridique plutôt que de traduire vous-mêmes.',
      },
    ],
  },
];

const qualityThreads: DemoThread[] = [
  {
    group: 'qualite',
    author: 'nicolas.perrin',
    kind: 'question',
    title: 'Comment rédiger un bon 8D après une réclamation client ?',
    body: 'Premier 8D à rédiger après une réclamation sur des pièces mal ébavurées. Quelles sont les étapes à ne pas bâcler ?',
    tags: ['8d', 'reclamation-client'],
    answers: [
      {
        author: 'isabelle.fontaine',
        body: prose`
          Les huit disciplines, avec ce qui compte vraiment :

          1. **Équipe** : pluridisciplinaire, production + qualité + maintenance.
          2. **Description** du problème : QQOQCP, avec des faits et des photos.
          3. **Actions immédiates** : tri, protection du client.
          4. **Causes racines** : 5 pourquoi ou Ishikawa, *vérifiées* par des essais.
          5. **Actions correctives** choisies.
          6. **Mise en œuvre** et vérification de l’efficacité.
          7. **Prévention** : mise à jour des instructions, des AMDEC.
          8. **Félicitations** à l’équipe.

          L’étape 4 est celle qu’on bâcle le plus souvent. Je peux relire ton brouillon.
        `,
      },
      {
        author: 'yannick.legall',
        body: 'Pour l’étape 3, pense à bloquer aussi le stock en transit, pas seulement celui de l’usine.',
      },
    ],
    accepted: 0,
    thanks: { rating: 5, message: 'Le client a validé notre 8D du premier coup.' },
  },
  {
    group: 'qualite',
    author: 'emma.robin',
    kind: 'question',
    title: 'À quelle fréquence faut-il faire étalonner les pieds à coulisse ?',
    body: 'Sur la ligne 2, nos pieds à coulisse ont une étiquette d’étalonnage de l’an dernier. Est-ce qu’il faut les renvoyer tous les ans ?',
    tags: ['metrologie', 'etalonnage'],
    answers: [
      {
        author: 'yannick.legall',
        body: 'Chez nous c’est **tous les 12 mois**, ou immédiatement après une chute. La date du prochain étalonnage est sur l’étiquette ; s’il est dépassé, dépose l’instrument au labo de métrologie.',
      },
    ],
    accepted: 0,
    thanks: { rating: 4, message: 'Merci, trois instruments déposés au labo ce matin.' },
  },
  {
    group: 'qualite',
    author: 'amina.traore',
    kind: 'question',
    title: 'Premier audit interne au laboratoire : à quoi dois-je m’attendre ?',
    body: 'Le laboratoire d’essais est audité le mois prochain et c’est mon premier audit. Comment se préparer ?',
    tags: ['audit', 'iso-9001'],
    answers: [
      {
        author: 'isabelle.fontaine',
        body: prose`
          Pas de panique, un audit interne sert à progresser, pas à sanctionner. L’auditeur
          demandera surtout :

          - les **procédures** d’essai à jour et leur application réelle ;
          - la **traçabilité** : qui a fait quel essai, avec quel instrument étalonné ;
          - le traitement des écarts précédents.

          Répondez simplement à ce qui est demandé, et dites « je ne sais pas, je vérifie » si besoin.
        `,
      },
    ],
    accepted: 0,
    thanks: { rating: 5, message: 'L’audit s’est très bien passé, merci pour les conseils.' },
  },
  {
    group: 'qualite',
    author: 'isabelle.fontaine',
    kind: 'discussion',
    title: 'Les 5 pourquoi : un exemple réel sur la ligne d’extrusion 2',
    body: prose`
      Pour illustrer la méthode, voici notre analyse de la semaine dernière :

      1. Pourquoi des bulles dans le profilé ? Humidité dans la matière.
      2. Pourquoi de l’humidité ? Le dessiccateur ne chauffait plus assez.
      3. Pourquoi ? La résistance était hors service depuis plusieurs jours.
      4. Pourquoi personne ne l’a vu ? L’alarme de température était désactivée.
      5. Pourquoi ? Elle sonnait trop souvent et a été coupée lors d’un changement d’équipe.

      La cause racine n’est donc pas technique : c’est le réglage de l’alarme. Vos réactions ?
    `,
    tags: ['5-pourquoi', 'amelioration-continue'],
    answers: [
      {
        author: 'emma.robin',
        body: 'C’était notre équipe. Depuis, le seuil d’alarme a été revu et on la teste à chaque prise de poste.',
      },
      {
        author: 'nicolas.perrin',
        body: 'Côté maintenance, on a ajouté la résistance au plan de maintenance préventive.',
      },
      { author: 'thomas.dubois', body: 'Très bon exemple, à partager dans les autres usines.' },
    ],
  },
  {
    group: 'qualite',
    author: 'yannick.legall',
    kind: 'question',
    title: 'Carte de contrôle : quand faut-il recalculer les limites ?',
    body: 'Nos limites de contrôle sur le diamètre des bagues datent de deux ans. Faut-il les recalculer régulièrement ?',
    tags: ['msp', 'statistiques'],
    answers: [
      {
        author: 'sarah.cohen',
        body: 'On recalcule après un **changement durable** du procédé (nouvel outil, nouvelle matière, réglage), sur au moins 20 à 25 sous-groupes stables. Pas à date fixe : sinon on finit par intégrer les dérives dans les limites.',
      },
      {
        author: 'isabelle.fontaine',
        body: 'Et notez chaque recalcul avec sa raison dans le registre du poste.',
      },
    ],
    accepted: 0,
  },
  {
    group: 'qualite',
    author: 'emma.robin',
    kind: 'question',
    title: 'Où trouver la dernière version des instructions de travail ?',
    body: 'Au poste, nous avons des classeurs papier et je ne suis jamais sûre que ce soit la bonne version.',
    tags: ['documentation'],
    answers: [
      {
        author: 'isabelle.fontaine',
        body: 'La version qui fait foi est dans la gestion documentaire (onglet « Production » de l’intranet). Les classeurs sont mis à jour chaque lundi ; s’il y a un doute, la version en ligne l’emporte.',
      },
    ],
    accepted: 0,
  },
];

export const WORK_THREADS: DemoThread[] = [
  ...projectThreads,
  ...dataThreads,
  ...spreadsheetThreads,
  ...legalThreads,
  ...qualityThreads,
];
