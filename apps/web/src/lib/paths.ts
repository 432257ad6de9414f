// The web app's URLs in one place (French paths), so pages link to each other consistently.
export const paths = {
  home: '/',
  signIn: '/connexion',
  register: '/inscription',
  signOut: '/deconnexion',
  groups: '/groupes',
  group: (slug: string) => `/groupes/${encodeURIComponent(slug)}`,
  ask: (slug: string) => `/groupes/${encodeURIComponent(slug)}/nouveau`,
  thread: (id: number) => `/sujets/${id}`,
  post: (threadId: number, postId: number) => `/sujets/${threadId}#post-${postId}`,
  editPost: (threadId: number, postId: number) => `/sujets/${threadId}/messages/${postId}/modifier`,
  /** The thread with the flag form open under one post. */
  flagPost: (threadId: number, postId: number) =>
    `/sujets/${threadId}?signaler=${postId}#signaler-${postId}`,
  postHistory: (threadId: number, postId: number) =>
    `/sujets/${threadId}/messages/${postId}/versions`,
  // Outside /groupes/ so that no group slug ("nouveau") is ever shadowed by it.
  newGroup: '/nouveau-groupe',
  settings: '/parametres',
  notifications: '/notifications',
  profile: '/profil',
  member: (handle: string) => `/membres/${encodeURIComponent(handle)}`,
  tag: (slug: string) => `/etiquettes/${encodeURIComponent(slug)}`,
  charter: '/charte',
  /** A member's own moderation: held or removed posts with the reasons, appeals, suspension. */
  myModeration: '/ma-moderation',
  modQueue: '/mod',
  modItem: (id: number) => `/mod/file/${id}`,
  modAppeals: '/mod/recours',
  modAudit: '/mod/journal',
  modRules: '/mod/regles',
  modCharter: '/mod/charte',
  modHealth: '/mod/sante',
  search: '/recherche',
  people: '/personnes',
  insights: '/insights',
  insightsExport: '/insights/export',
  /** The ask page of a group, addressed to one person ("ask this expert"), with a first tag. */
  askExpert: (groupSlug: string, handle: string, tag: string | null) =>
    `/groupes/${encodeURIComponent(groupSlug)}/nouveau?pour=${encodeURIComponent(handle)}` +
    (tag ? `&etiquettes=${encodeURIComponent(tag)}` : ''),
} as const;

/** API hrefs (in notifications and follows) and the web pages they mean. */
const WEB_HREFS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^\/threads\/(\d+)(#post-\d+)?$/, (m) => `/sujets/${m[1]}${m[2] ?? ''}`],
  [/^\/tags\/([^/?#]+)$/, (m) => `/etiquettes/${m[1]}`],
  [/^\/groups\/([^/?#]+)$/, (m) => `/groupes/${m[1]}`],
  [/^\/u\/([^/?#]+)$/, (m) => `/membres/${m[1]}`],
];

/** Maps an API href ("/threads/12#post-34", "/tags/agile") to the web page it means. */
export function webHrefOf(apiHref: string): string {
  for (const [pattern, toWeb] of WEB_HREFS) {
    const match = pattern.exec(apiHref);
    if (match) return toWeb(match);
  }
  return apiHref;
}

/** Where to go after signing in: only a local path, never another site ("//evil.example"). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return paths.home;
  }
  return next;
}

export function signInThenBackTo(url: URL): string {
  const here = url.pathname + url.search;
  return here === paths.home ? paths.signIn : `${paths.signIn}?suivant=${encodeURIComponent(here)}`;
}
