// Text the site generator draws from: people, groups with their usual tags, thread titles and
// markdown bodies that look like a corporate Q&A site (rendered once per template, not per row).

export const firstNames = [
  'Camille',
  'Julien',
  'Sophie',
  'Thomas',
  'Léa',
  'Nicolas',
  'Chloé',
  'Antoine',
  'Manon',
  'Hugo',
  'Emma',
  'Lucas',
  'Inès',
  'Mathieu',
  'Sarah',
  'Pierre',
  'Clara',
  'Romain',
  'Laura',
  'Maxime',
  'Priya',
  'Daniel',
  'Aisha',
  'Kenji',
  'Olga',
  'Marco',
  'Fatou',
  'Liam',
  'Ana',
  'Youssef',
];

export const lastNames = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'Andre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'Francois',
  'Martinez',
  'Nguyen',
  'Schmidt',
  'Rossi',
  'Diallo',
  'Kowalski',
  'Sato',
];

export const jobTitles = [
  'Software engineer',
  'Data analyst',
  'Product manager',
  'Quality engineer',
  'HR business partner',
  'Maintenance technician',
  'Sales manager',
  'Controller',
  'Buyer',
  'Process engineer',
  'UX designer',
  'Project manager',
  'Legal counsel',
  'Safety officer',
  'Logistics coordinator',
];

export const departments = [
  'IT',
  'Finance',
  'Human resources',
  'Operations',
  'Sales',
  'Marketing',
  'Legal',
  'R&D',
  'Supply chain',
  'Quality',
];

export const sites = ['Paris', 'Lyon', 'Toulouse', 'Nantes', 'Lille', 'Grenoble', 'Remote'];

export interface GroupSeed {
  slug: string;
  name: string;
  kind: 'professional' | 'hobby';
  visibility: 'public' | 'private';
  /** Six tags, most used first: most threads of the group carry some of these. */
  tags: string[];
}

// Ordered by size: the generator gives the first groups the most members and threads. The last
// four are private, as a few leadership and HR circles would be.
export const groupSeeds: GroupSeed[] = [
  {
    slug: 'it-support',
    name: 'IT support',
    kind: 'professional',
    visibility: 'public',
    tags: ['vpn', 'laptop', 'outlook', 'teams', 'printer', 'password'],
  },
  {
    slug: 'data-analytics',
    name: 'Data & analytics',
    kind: 'professional',
    visibility: 'public',
    tags: ['sql', 'power-bi', 'python', 'excel', 'dashboards', 'data-quality'],
  },
  {
    slug: 'software-engineering',
    name: 'Software engineering',
    kind: 'professional',
    visibility: 'public',
    tags: ['typescript', 'java', 'code-review', 'ci', 'kubernetes', 'testing'],
  },
  {
    slug: 'excel-and-office',
    name: 'Excel & Office',
    kind: 'professional',
    visibility: 'public',
    tags: ['excel', 'vba', 'power-query', 'word', 'sharepoint', 'macros'],
  },
  {
    slug: 'hr-questions',
    name: 'HR questions',
    kind: 'professional',
    visibility: 'public',
    tags: ['leave', 'payroll', 'remote-work', 'training', 'benefits', 'onboarding'],
  },
  {
    slug: 'project-management',
    name: 'Project management',
    kind: 'professional',
    visibility: 'public',
    tags: ['agile', 'planning', 'jira', 'risk', 'stakeholders', 'budget'],
  },
  {
    slug: 'quality',
    name: 'Quality',
    kind: 'professional',
    visibility: 'public',
    tags: ['iso-9001', 'audit', 'root-cause', 'capa', 'spc', 'lean'],
  },
  {
    slug: 'safety',
    name: 'Health & safety',
    kind: 'professional',
    visibility: 'public',
    tags: ['ppe', 'incident', 'ergonomics', 'risk', 'first-aid', 'training'],
  },
  {
    slug: 'supply-chain',
    name: 'Supply chain',
    kind: 'professional',
    visibility: 'public',
    tags: ['sap', 'forecasting', 'inventory', 'suppliers', 'logistics', 'lean'],
  },
  {
    slug: 'finance-controlling',
    name: 'Finance & controlling',
    kind: 'professional',
    visibility: 'public',
    tags: ['budget', 'closing', 'sap', 'expenses', 'excel', 'forecasting'],
  },
  {
    slug: 'sales-enablement',
    name: 'Sales enablement',
    kind: 'professional',
    visibility: 'public',
    tags: ['crm', 'pricing', 'tenders', 'salesforce', 'negotiation', 'customers'],
  },
  {
    slug: 'marketing',
    name: 'Marketing',
    kind: 'professional',
    visibility: 'public',
    tags: ['brand', 'social-media', 'events', 'seo', 'newsletter', 'customers'],
  },
  {
    slug: 'legal-compliance',
    name: 'Legal & compliance',
    kind: 'professional',
    visibility: 'public',
    tags: ['gdpr', 'contracts', 'ethics', 'export-control', 'audit', 'privacy'],
  },
  {
    slug: 'ux-design',
    name: 'UX & design',
    kind: 'professional',
    visibility: 'public',
    tags: ['figma', 'accessibility', 'user-research', 'design-system', 'prototyping', 'testing'],
  },
  {
    slug: 'cloud-platform',
    name: 'Cloud platform',
    kind: 'professional',
    visibility: 'public',
    tags: ['kubernetes', 'terraform', 'azure', 'monitoring', 'ci', 'security'],
  },
  {
    slug: 'cybersecurity',
    name: 'Cybersecurity',
    kind: 'professional',
    visibility: 'public',
    tags: ['phishing', 'security', 'password', 'mfa', 'gdpr', 'incident'],
  },
  {
    slug: 'maintenance',
    name: 'Maintenance',
    kind: 'professional',
    visibility: 'public',
    tags: ['tpm', 'cmms', 'spare-parts', 'vibration', 'lean', 'safety-lockout'],
  },
  {
    slug: 'procurement',
    name: 'Procurement',
    kind: 'professional',
    visibility: 'public',
    tags: ['suppliers', 'tenders', 'contracts', 'sap', 'negotiation', 'pricing'],
  },
  {
    slug: 'innovation-lab',
    name: 'Innovation lab',
    kind: 'professional',
    visibility: 'public',
    tags: ['ai', 'prototyping', 'python', 'hackathon', 'user-research', 'patents'],
  },
  {
    slug: 'new-joiners',
    name: 'New joiners',
    kind: 'professional',
    visibility: 'public',
    tags: ['onboarding', 'laptop', 'badge', 'canteen', 'training', 'mentoring'],
  },
  {
    slug: 'running-club',
    name: 'Running club',
    kind: 'hobby',
    visibility: 'public',
    tags: ['running', 'marathon', 'trail', 'injuries', 'shoes', 'events'],
  },
  {
    slug: 'photography',
    name: 'Photography',
    kind: 'hobby',
    visibility: 'public',
    tags: ['cameras', 'lightroom', 'portrait', 'landscape', 'lenses', 'exhibition'],
  },
  {
    slug: 'board-games',
    name: 'Board games',
    kind: 'hobby',
    visibility: 'public',
    tags: ['strategy', 'lunch-break', 'tournaments', 'rules', 'events', 'cooperative'],
  },
  {
    slug: 'cycling-to-work',
    name: 'Cycling to work',
    kind: 'hobby',
    visibility: 'public',
    tags: ['bike-parking', 'routes', 'e-bike', 'repairs', 'rain-gear', 'showers'],
  },
  {
    slug: 'gardening',
    name: 'Gardening',
    kind: 'hobby',
    visibility: 'public',
    tags: ['vegetables', 'composting', 'seeds', 'balcony', 'pests', 'swap'],
  },
  {
    slug: 'music',
    name: 'Music',
    kind: 'hobby',
    visibility: 'public',
    tags: ['guitar', 'choir', 'concerts', 'piano', 'band', 'events'],
  },
  {
    slug: 'leadership-circle',
    name: 'Leadership circle',
    kind: 'professional',
    visibility: 'private',
    tags: ['feedback', 'hiring', 'mentoring', 'budget', 'stakeholders', 'planning'],
  },
  {
    slug: 'hr-partners',
    name: 'HR partners',
    kind: 'professional',
    visibility: 'private',
    tags: ['payroll', 'hiring', 'benefits', 'leave', 'training', 'feedback'],
  },
  {
    slug: 'works-council',
    name: 'Works council',
    kind: 'professional',
    visibility: 'private',
    tags: ['benefits', 'remote-work', 'events', 'budget', 'ethics', 'feedback'],
  },
  {
    slug: 'security-incidents',
    name: 'Security incidents',
    kind: 'professional',
    visibility: 'private',
    tags: ['incident', 'phishing', 'security', 'forensics', 'mfa', 'gdpr'],
  },
];

/** Title patterns; '%s' is replaced by a subject, then a context may follow. */
export const titlePatterns = [
  'How do I %s?',
  'Best way to %s',
  'Is there a standard process to %s?',
  'Comment %s ?',
  'Who can help me %s?',
  'Why does it take so long to %s?',
  'Tips to %s',
  'What tools do you use to %s?',
  'Quelqu’un sait comment %s ?',
  'Trouble trying to %s',
  'Can we %s without asking IT?',
  'Retour d’expérience : %s',
  'Checklist to %s',
  'What is the policy to %s?',
  'Any template to %s?',
];

export const titleSubjects = [
  'connect to the VPN from a hotel',
  'share a Power BI dashboard outside my team',
  'book a meeting room for 20 people',
  'request a second screen',
  'export SAP data to Excel',
  'merge two Excel files with Power Query',
  'set up MFA on a new phone',
  'get a badge for a visitor',
  'reset my Windows password',
  'plan a supplier audit',
  'write a good root-cause analysis',
  'estimate a project budget',
  'onboard a new team member',
  'run a retrospective remotely',
  'report a near-miss incident',
  'claim travel expenses',
  'organise a team offsite',
  'review a pull request quickly',
  'speed up a slow SQL query',
  'deploy on the staging cluster',
  'write a tender response',
  'negotiate a price increase',
  'translate our user guide',
  'prepare the monthly closing',
  'forecast demand for a new product',
  'reduce changeover time',
  'train operators on a new line',
  'recover a deleted SharePoint file',
  'clean up a customer list',
  'set goals for the annual review',
  'ask for a training budget',
  'start a mentoring program',
  'prepare an ISO 9001 audit',
  'handle a GDPR access request',
  'choose between two suppliers',
  'document an API',
  'test accessibility of a web page',
  'run a design critique',
  'find an expert on hydraulics',
  'get access to the data lake',
  'automate a weekly report',
  'migrate macros to Office Scripts',
  'measure customer satisfaction',
  'organise a hackathon',
  'file an invention disclosure',
  'reduce our cloud bill',
  'monitor a Kubernetes service',
  'spot a phishing email',
  'set up a shared mailbox',
  'fix the printer on floor 3',
  'train for a first marathon',
  'commute by bike in winter',
  'start a vegetable patch at the site',
  'learn guitar during lunch breaks',
  'pick a first mirrorless camera',
  'run a board-game night',
  'share a car to the Lyon site',
  'order spare parts urgently',
  'calibrate a torque wrench',
  'write a lessons-learned report',
];

export const titleContexts = [
  '',
  ' in Excel',
  ' for the Lyon site',
  ' as a new manager',
  ' before the audit',
  ' on a Mac',
  ' for a customer demo',
  ' with a small budget',
  ' this quarter',
  ' across two teams',
  ' without admin rights',
  ' (urgent)',
];

/** Bodies of questions and discussion starters. */
export const openingTemplates = [
  `I need to do this for a customer review next week and I can't find the official procedure.

What I tried so far:

1. Searched the intranet for *procedure* and *template*
2. Asked my manager, who pointed me to the **shared drive** (the folder is empty)
3. Opened a ticket, still waiting

Is there a documented way, or someone who did it recently? Thanks!`,
  `Bonjour à tous,

Je dois préparer ça pour la fin du mois et je ne sais pas par où commencer. Est-ce qu'il existe un **modèle** ou une check-list ? Idéalement quelque chose de validé par la qualité.

Merci d'avance pour vos retours.`,
  `Our weekly report takes me almost half a day. Today I do it like this:

\`\`\`
1. export from SAP (transaction ZMM60)
2. paste into the "weekly" workbook
3. refresh the pivot tables
4. copy the charts into PowerPoint
\`\`\`

Has anyone automated something similar? I have Power Automate and Power Query but no admin rights.`,
  `Quick question: the error message says

> Access denied. Contact your administrator (code 0x80070005)

and I *am* in the right group according to the portal. Restarting did not help. Anyone seen this?`,
  `We're starting a new initiative on this topic and would like to learn from teams who already tried.

- What worked well?
- What would you do differently?
- Any metrics you tracked?

Links to previous presentations are very welcome.`,
  `Let's share good practices here. I'll start: in our team we keep a **one-page summary** at the top of every project folder, with owner, status, next milestone and open risks. It takes five minutes a week and saves a lot of meetings.

What are your habits?`,
  `I'm new in the company (three weeks!) and still discovering how things work. Who should I ask for this, and is there a standard lead time? I don't want to bother the wrong person.`,
  `Context: two sites, three teams, one shared budget. Each team uses its own spreadsheet and we spend the first hour of every steering meeting reconciling numbers.

I'm looking for a lightweight setup that everybody can edit without breaking formulas. SharePoint lists? A proper tool? Experience welcome.`,
  `Hello, I'm trying to understand the policy. The HR portal says one thing, my contract says another, and my colleague in Toulouse was told something else again. Which document is the reference?`,
  `Idée pour la pause déjeuner : qui serait partant pour se retrouver une fois par semaine ? On peut commencer petit, dans la salle du 2e étage, et voir si ça prend.

Dites-moi vos disponibilités en réponse !`,
  `The query below takes about 40 seconds on the reporting database:

\`\`\`sql
select c.name, sum(o.amount)
from orders o join customers c on c.id = o.customer_id
where o.created_at >= date '2024-01-01'
group by c.name
order by 2 desc;
\`\`\`

There is an index on \`orders(customer_id)\`. What am I missing?`,
  `Sharing a lessons-learned from our last launch, hoping it helps others:

1. **Freeze the scope** two weeks before, for real
2. Book the test users early, they are always busy
3. Write the support FAQ *before* go-live

Questions and additions welcome.`,
];

/** Bodies of answers and replies. */
export const answerTemplates = [
  `Yes, there is one. Go to **Intranet > Processes > Templates** and pick the latest version (v4). The older ones are still online but no longer accepted.`,
  `We had the same issue last month. What fixed it for us was to clear the cached credentials:

1. Open *Credential Manager*
2. Remove every entry starting with \`MicrosoftOffice\`
3. Sign out and back in

If it still fails, open a ticket and mention the error code, it goes straight to level 2.`,
  `Bonjour, la procédure a changé en début d'année. Il faut maintenant passer par le portail RH et joindre le justificatif ; le délai est d'environ **5 jours ouvrés**.`,
  `I'd recommend Power Query for this. Load both exports as queries, merge on the order number, and keep the refresh button as the only manual step. Happy to show you in a 15-minute call.`,
  `+1, we need this too. In the meantime we use a shared checklist in Teams, not perfect but it works.`,
  `The root cause is usually the missing index on the filter column. Try:

\`\`\`sql
create index concurrently orders_created_at_idx on orders (created_at);
\`\`\`

Then check the plan with \`explain analyze\`; you should see an index scan instead of a sequential scan.`,
  `We did this at the Lyon site last year. Key points:

- involve the operators from day one
- keep the first version **very** small
- measure before and after, otherwise nobody believes the gains

I can share our slide deck, send me a message.`,
  `Check with your local HR partner: the rule depends on your contract type. For most of us it's the collective agreement that applies, not the portal page.`,
  `Not an answer, but a warning: don't copy the old template, it still references the 2019 policy and the auditors flagged it.`,
  `Ça marche aussi sur Mac, mais il faut installer le client depuis le **Self Service** et pas depuis le site de l'éditeur.`,
  `Here is the template we use, feel free to adapt it:

| Step | Owner | Due |
|------|-------|-----|
| Kick-off | Project lead | D-30 |
| Review | Quality | D-10 |
| Go/no-go | Sponsor | D-2 |

The important part is the go/no-go meeting, never skip it.`,
  `Great question. In our team the answer was to automate only the export and keep the commentary manual: the numbers are refreshed by a scheduled flow, and we spend our time on the analysis instead.`,
  `I asked the service desk: the lead time is two weeks for standard requests, but you can flag it as urgent if a customer commitment depends on it.`,
  `Merci pour le partage, très utile. Je rajouterais : prévoir un plan B si le fournisseur ne livre pas à temps.`,
  `Try the self-service portal first, most of these requests are approved automatically within the hour. If it's stuck, ping the #it-support channel with your ticket number.`,
  `The official reference is the **group policy**, published in the compliance section. Local notes can add details but never override it. When in doubt, the legal team answers within a couple of days.`,
];
