// Demo threads of the hobby circles (jazz, knitting, running, photography) and of the two private
// groups, whose threads only their members may ever see.
import { prose } from './text.ts';
import type { DemoThread } from './types.ts';

const jazzThreads: DemoThread[] = [
  {
    group: 'jazz',
    author: 'olivier.caron',
    kind: 'discussion',
    title: 'Bœuf du jeudi à Lyon : qui vient ce mois-ci ?',
    body: prose`
      Prochain bœuf jeudi en huit, 19 h, dans la salle de pause du 3ᵉ étage à Lyon.
      Standards au programme : *Autumn Leaves*, *Blue Bossa*, *So What*.
      Dites-moi quel instrument vous apportez !
    `,
    tags: ['concert', 'lyon'],
    answers: [
      { author: 'hugo.martinez', body: 'Contrebasse, je serai de passage à Lyon ce jour-là.' },
      {
        author: 'chloe.faure',
        body: 'Je viens écouter, et peut-être chanter *Blue Bossa* si on me pousse un peu.',
      },
      { author: 'marc.lefevre', body: 'Saxophone ténor. Je peux apporter les grilles imprimées.' },
    ],
  },
  {
    group: 'jazz',
    author: 'romain.gauthier',
    kind: 'question',
    title: 'Quel album pour découvrir le jazz modal ?',
    body: 'J’écoute surtout du jazz manouche et j’aimerais découvrir le jazz modal. Par quel album commencer ?',
    tags: ['ecoute', 'jazz-modal'],
    answers: [
      {
        author: 'marc.lefevre',
        body: prose`
          Incontournable : **Kind of Blue** de Miles Davis (1959). Commence par *So What* puis
          *Flamenco Sketches*. Ensuite, *A Love Supreme* de John Coltrane pour aller plus loin.
        `,
      },
      {
        author: 'olivier.caron',
        body: 'J’ajouterais *Maiden Voyage* de Herbie Hancock, plus lumineux.',
      },
    ],
    accepted: 0,
    thanks: { rating: 5, message: 'Kind of Blue en boucle depuis une semaine, merci !' },
  },
  {
    group: 'jazz',
    author: 'sophie.garnier',
    kind: 'question',
    title: 'Apprendre l’improvisation à plus de quarante ans : par où commencer ?',
    body: 'J’ai fait dix ans de piano classique enfant. Je voudrais apprendre à improviser, mais je ne sais pas par quel bout prendre la chose.',
    tags: ['improvisation', 'debutant'],
    answers: [
      {
        author: 'hugo.martinez',
        body: 'Commence par relever à l’oreille des phrases courtes que tu aimes, et rejoue-les dans toutes les tonalités.',
      },
      {
        author: 'olivier.caron',
        body: prose`
          Avec ton bagage classique, je conseille :

          1. la gamme **blues** sur une grille de blues en fa ;
          2. des accompagnements enregistrés (« play-along ») pour jouer dessus chaque jour ;
          3. venir au bœuf du jeudi, même pour jouer trois notes !
        `,
      },
    ],
    accepted: 1,
    thanks: { rating: 5, message: 'Inscrite au prochain bœuf, merci Olivier.' },
  },
  {
    group: 'jazz',
    author: 'chloe.faure',
    kind: 'discussion',
    title: 'Vos concerts coups de cœur de l’année',
    body: 'Le mien : un trio au festival de Vienne cet été, sous les étoiles du théâtre antique. Et vous ?',
    tags: ['concert'],
    answers: [
      {
        author: 'romain.gauthier',
        body: 'Un quartet manouche dans une péniche à Lyon, ambiance incroyable.',
      },
      {
        author: 'marc.lefevre',
        body: 'Le big band du conservatoire de Paris, gratuit et excellent.',
      },
    ],
  },
];

const knittingThreads: DemoThread[] = [
  {
    group: 'tricot',
    author: 'emma.robin',
    kind: 'question',
    title: 'Comment rattraper une maille filée sans tout défaire ?',
    body: 'Une maille a filé sur cinq rangs de mon écharpe en jersey. Je n’ai pas envie de tout défaire…',
    tags: ['technique', 'debutant'],
    answers: [
      {
        author: 'aurelie.petit',
        body: prose`
          Avec un **crochet** fin :

          1. attrape la maille filée par l’endroit du travail ;
          2. passe le crochet sous le premier « barreau » horizontal et ramène-le dans la maille ;
          3. recommence barreau après barreau jusqu’en haut, puis remets la maille sur l’aiguille.

          Ça prend deux minutes une fois le geste compris.
        `,
      },
      {
        author: 'amina.traore',
        body: 'Astuce : une épingle à nourrice pour bloquer la maille en attendant d’avoir un crochet.',
      },
    ],
    accepted: 0,
    thanks: { rating: 5, message: 'Écharpe sauvée, merci Aurélie !' },
  },
  {
    group: 'tricot',
    author: 'amina.traore',
    kind: 'discussion',
    title: 'Pause tricot du mardi midi à Toulouse',
    body: 'Nous sommes trois à tricoter le mardi midi à la cafétéria du bâtiment B. Débutantes et débutants bienvenus, on prête des aiguilles !',
    tags: ['rencontre', 'toulouse'],
    answers: [
      { author: 'nadia.benali', body: 'Je viendrai mardi prochain avec mon pull en cours.' },
      {
        author: 'julie.morel',
        body: 'Quelle bonne idée ! Quelqu’un veut lancer la même chose à Lyon ?',
      },
    ],
  },
  {
    group: 'tricot',
    author: 'julie.morel',
    kind: 'question',
    title: 'Quelle laine choisir pour un premier pull ?',
    body: 'Après trois écharpes, je me lance dans un pull. Quelle laine choisir pour ne pas me décourager ?',
    tags: ['laine', 'pull'],
    answers: [
      {
        author: 'isabelle.fontaine',
        body: 'Une laine mérinos superwash : douce, lavable en machine, et elle pardonne les irrégularités.',
      },
      {
        author: 'aurelie.petit',
        body: 'Une laine **claire** et assez épaisse (aiguilles 5 ou 6) : on voit bien ses mailles et le pull avance vite. Évite le mohair pour un premier, c’est impossible à défaire.',
      },
    ],
    accepted: 1,
    thanks: { rating: 4, message: 'Mérinos écru en aiguilles 5, c’est parti !' },
  },
  {
    group: 'tricot',
    author: 'nadia.benali',
    kind: 'question',
    title: 'Lire une grille de jacquard : dans quel sens ?',
    body: 'Mon patron de bonnet jacquard donne une grille de 24 mailles sur 20 rangs. Je commence en haut ou en bas, à gauche ou à droite ?',
    tags: ['jacquard', 'patron'],
    answers: [
      {
        author: 'aurelie.petit',
        body: 'On lit de **bas en haut**, et de **droite à gauche** pour un tricot en rond (tous les rangs sont sur l’endroit). À plat, les rangs envers se lisent de gauche à droite.',
      },
    ],
    accepted: 0,
  },
];

const runningThreads: DemoThread[] = [
  {
    group: 'course-a-pied',
    author: 'nicolas.perrin',
    kind: 'discussion',
    title: 'Sortie du midi au parc de la Citadelle (Lille), mardi et jeudi',
    body: 'Départ 12 h 15 devant l’accueil, 7 km à allure tranquille, retour avant 13 h. Tous niveaux.',
    tags: ['sortie', 'lille'],
    answers: [
      { author: 'mathieu.andre', body: 'Je serai là jeudi !' },
      {
        author: 'baptiste.lambert',
        body: 'Mardi pour moi, si je ne suis pas en rendez-vous client.',
      },
    ],
  },
  {
    group: 'course-a-pied',
    author: 'lea.bonnet',
    kind: 'question',
    title: 'Plan d’entraînement pour un premier semi-marathon en douze semaines ?',
    body: 'Je cours 10 km sans problème, trois fois par semaine. Je vise le semi-marathon de Nantes dans trois mois. Comment organiser l’entraînement ?',
    tags: ['semi-marathon', 'entrainement'],
    answers: [
      {
        author: 'sarah.cohen',
        body: prose`
          Trois séances par semaine suffisent :

          | Séance        | Contenu                                        |
          |---------------|------------------------------------------------|
          | Fractionné    | 6 × 1 000 m à allure 10 km, récupération 2 min |
          | Footing       | 45 min en aisance respiratoire                 |
          | Sortie longue | de 12 km à 18 km, progressivement              |

          Allège la dernière semaine (affûtage), et n’augmente pas le volume de plus de 10 % par semaine.
        `,
      },
      {
        author: 'francois.girard',
        body: 'Et teste ton ravitaillement (gels, boisson) pendant les sorties longues, jamais le jour J.',
      },
    ],
    accepted: 0,
    thanks: { rating: 5, message: 'Semi terminé en 1 h 52, merci pour le plan !' },
  },
  {
    group: 'course-a-pied',
    author: 'mathieu.andre',
    kind: 'question',
    title: 'Douleur au genou après 10 km : repos ou continuer ?',
    body: 'Depuis deux semaines, j’ai mal à l’extérieur du genou droit après une dizaine de kilomètres. Dois-je arrêter ?',
    tags: ['blessure'],
    answers: [
      {
        author: 'julien.roux',
        body: 'Je ne suis pas médecin, mais ça ressemble au syndrome de la bandelette ilio-tibiale, que j’ai eu. Consulte un médecin du sport avant de continuer.',
      },
      {
        author: 'nicolas.perrin',
        body: 'Vérifie aussi l’usure de tes chaussures : les miennes avaient 1 200 km quand j’ai eu le même problème.',
      },
    ],
    accepted: 0,
  },
  {
    group: 'course-a-pied',
    author: 'karim.haddad',
    kind: 'question',
    title: 'Inscription groupée aux 10 km de Nantes : l’entreprise participe-t-elle ?',
    body: 'Nous sommes une dizaine à vouloir courir sous les couleurs de Boréal. Est-ce que l’entreprise ou le CSE peut prendre en charge les inscriptions ?',
    tags: ['inscription', 'nantes'],
    answers: [
      {
        author: 'manon.rousseau',
        body: 'Oui : le CSE rembourse 50 % des inscriptions aux courses solidaires, et la communication interne peut fournir des t-shirts. Envoyez la liste des participants à @ines.dasilva.',
      },
    ],
    accepted: 0,
    thanks: { rating: 4, message: 'Douze inscrits et des t-shirts aux couleurs de Boréal !' },
  },
  {
    group: 'course-a-pied',
    author: 'baptiste.lambert',
    kind: 'question',
    title: 'Quelle montre GPS pour débuter sans se ruiner ?',
    body: 'Je cours avec mon téléphone, mais c’est peu pratique. Une montre d’entrée de gamme suffit-elle ?',
    tags: ['materiel'],
    answers: [
      {
        author: 'julien.roux',
        body: 'Une montre d’entrée de gamme donne distance, allure et fréquence cardiaque : largement suffisant pour débuter.',
      },
      {
        author: 'sarah.cohen',
        body: 'Regarde surtout l’autonomie GPS et la facilité d’exporter tes données.',
      },
    ],
  },
];

const photoThreads: DemoThread[] = [
  {
    group: 'photographie',
    author: 'lucas.henry',
    kind: 'question',
    title: 'Premier appareil reflex d’occasion : que vérifier avant d’acheter ?',
    body: 'Je regarde un reflex d’occasion à 300 € avec un objectif 18-55 mm. Quels points vérifier ?',
    tags: ['materiel', 'occasion'],
    answers: [
      {
        author: 'pierre.blanc',
        body: prose`
          - le **nombre de déclenchements** (moins de 30 000, c’est très bien) ;
          - le capteur : une photo du ciel à f/16 révèle les poussières ;
          - l’objectif : ni champignons ni rayures, et une mise au point sans bruit anormal ;
          - la batterie et le chargeur d’origine.
        `,
      },
      {
        author: 'romain.gauthier',
        body: 'Et demande une facture : certaines boutiques offrent 6 mois de garantie sur l’occasion.',
      },
    ],
    accepted: 0,
    thanks: { rating: 5, message: 'Acheté, 12 000 déclenchements seulement. Merci Pierre !' },
  },
  {
    group: 'photographie',
    author: 'ines.dasilva',
    kind: 'question',
    title: 'Photographier l’atelier sans flash : quels réglages ?',
    body: 'Pour le journal interne, je dois photographier les machines de l’atelier de Lille, où la lumière est faible. Le flash écrase tout. Des conseils ?',
    tags: ['reglages', 'basse-lumiere'],
    answers: [
      {
        author: 'yannick.legall',
        body: 'Monte les ISO (3 200 passe bien sur les appareils récents) et cale-toi contre un pilier.',
      },
      {
        author: 'pierre.blanc',
        body: 'Ouvre au maximum (f/1.8 avec une focale fixe 50 mm), vitesse d’au moins 1/125 s pour figer les opérateurs, et ISO automatique plafonnés à 6 400. Mesure la lumière sur les visages, pas sur les néons.',
      },
    ],
    accepted: 1,
    thanks: { rating: 4, message: 'Les photos de la ligne 2 sont superbes grâce à tes réglages.' },
  },
  {
    group: 'photographie',
    author: 'ines.dasilva',
    kind: 'discussion',
    title: 'Concours photo interne de l’été : thème « Nos métiers »',
    body: prose`
      Le concours photo revient ! Thème : **« Nos métiers »**. Jusqu’à trois photos par personne,
      avant le 31 août. Les dix meilleures seront exposées dans le hall de chaque site.
    `,
    tags: ['concours'],
    answers: [
      {
        author: 'helene.moreau',
        body: 'Magnifique idée, j’ai hâte de voir vos photos. Je ferai partie du jury.',
      },
      {
        author: 'elodie.chevalier',
        body: 'Nous relaierons les photos gagnantes sur nos réseaux, avec l’accord des personnes photographiées.',
      },
      {
        author: 'yannick.legall',
        body: 'Le contrôle réception au petit matin, j’ai déjà mon idée !',
      },
    ],
  },
  {
    group: 'photographie',
    author: 'romain.gauthier',
    kind: 'question',
    title: 'Lightroom ou darktable pour trier et retoucher ses photos ?',
    body: 'Je voudrais un logiciel pour trier et retoucher mes fichiers RAW. L’abonnement Lightroom me freine : darktable est-il une bonne alternative ?',
    tags: ['retouche', 'logiciels'],
    answers: [
      {
        author: 'pierre.blanc',
        body: 'darktable est très complet et gratuit, mais demande un peu plus d’apprentissage. Regarde les tutoriels vidéo officiels avant de juger.',
      },
    ],
  },
];

const privateThreads: DemoThread[] = [
  {
    group: 'comite-de-direction',
    author: 'helene.moreau',
    kind: 'discussion',
    title: 'Ordre du jour du prochain comité de direction',
    body: prose`
      Proposition d’ordre du jour :

      1. Résultats du trimestre
      2. Avancement du projet Atlas
      3. Plan de formation de l’an prochain
      4. Bilan de Serendip après trois mois

      Ajoutez vos points avant vendredi.
    `,
    tags: ['ordre-du-jour'],
    answers: [
      {
        author: 'marc.lefevre',
        body: 'J’ajoute un point sur la révision des prix d’achat de la matière.',
      },
      {
        author: 'sophie.garnier',
        body: 'Pour le point 3, je présenterai les besoins remontés par les managers.',
      },
      {
        author: 'thomas.dubois',
        body: 'Point sécurité en ouverture, comme d’habitude, s’il vous plaît.',
      },
    ],
  },
  {
    group: 'comite-de-direction',
    author: 'thomas.dubois',
    kind: 'question',
    title: 'Quelles hypothèses d’inflation retenir pour le budget industriel ?',
    body: 'Pour le budget des trois usines, quelles hypothèses d’inflation sur l’énergie et les salaires devons-nous retenir ?',
    tags: ['budget', 'hypotheses'],
    answers: [
      {
        author: 'marc.lefevre',
        body: 'Nous retenons **+3 %** sur les salaires et un scénario central à **+8 %** sur l’énergie, avec un scénario haut à +15 %. Le détail est dans le dossier budgétaire partagé.',
      },
    ],
    accepted: 0,
    thanks: { rating: 4, message: 'Merci Marc, hypothèses intégrées.' },
  },
  {
    group: 'projet-atlas',
    author: 'pierre.blanc',
    kind: 'question',
    title: 'Essais de fatigue du prototype A3 : comment présenter les résultats ?',
    body: 'Nous avons 40 éprouvettes testées en fatigue. Quelle présentation pour le comité de pilotage, qui n’est pas spécialiste ?',
    tags: ['essais', 'reporting'],
    answers: [
      {
        author: 'sarah.cohen',
        body: 'Une **courbe de Wöhler** (contrainte en fonction du nombre de cycles, échelle logarithmique) avec l’intervalle de confiance à 95 %, et un seul message en titre : « A3 dépasse l’objectif de 20 % ».',
      },
      {
        author: 'nadia.benali',
        body: 'Et gardez les données brutes en annexe pour les questions techniques.',
      },
    ],
    accepted: 0,
    thanks: {
      rating: 5,
      message: 'Présentation validée par le comité de pilotage du premier coup.',
    },
  },
  {
    group: 'projet-atlas',
    author: 'nadia.benali',
    kind: 'discussion',
    title: 'Planning des jalons du projet Atlas',
    body: prose`
      Jalons proposés :

      - **J1** fin des essais matière ;
      - **J2** prototype A4 validé ;
      - **J3** pré-série à l’usine de Lille.

      Merci de signaler les risques de retard dans ce fil.
    `,
    tags: ['planning', 'jalons'],
    answers: [
      { author: 'karim.haddad', body: 'Le tableau de bord des essais sera prêt pour J1.' },
      {
        author: 'amina.traore',
        body: 'Risque sur J1 : la machine de fatigue n° 2 est en maintenance deux semaines.',
      },
      { author: 'isabelle.fontaine', body: 'Prévoir l’audit qualité fournisseur avant J3.' },
    ],
  },
];

export const CIRCLE_THREADS: DemoThread[] = [
  ...jazzThreads,
  ...knittingThreads,
  ...runningThreads,
  ...photoThreads,
  ...privateThreads,
];
