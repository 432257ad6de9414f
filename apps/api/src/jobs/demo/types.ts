// The shape of the demo company's fixed content (people, groups, threads), kept apart from the
// code that writes it through the services.
export type DemoRole = 'admin' | 'moderator' | 'community_lead';

export interface DemoPerson {
  /** Also the start of the email: `<handle>@boreal.example`. */
  handle: string;
  displayName: string;
  jobTitle: string;
  department: string;
  site: string;
  /** 1 = general management … 6 = operators, technicians, apprentices. */
  hierarchyLevel: number;
  hierarchyVisible: boolean;
  role?: DemoRole;
  bio: string;
  skills: string[];
  interests: string[];
  /** Minutes a week this person offers to answer colleagues; 0 = not open to questions. */
  weeklyHelpMinutes: number;
}

export interface DemoGroup {
  slug: string;
  name: string;
  description: string;
  kind: 'professional' | 'hobby';
  visibility: 'public' | 'private';
  owner: string;
  /** Handles; they join (public) or the owner adds them (private). */
  members: string[];
  /** Members the owner makes moderators of the group. */
  moderators?: string[];
}

export interface DemoAnswer {
  author: string;
  body: string;
}

export interface DemoThread {
  group: string;
  author: string;
  kind: 'question' | 'discussion';
  title: string;
  body: string;
  tags: string[];
  anonymous?: boolean;
  answers: DemoAnswer[];
  /** Index in `answers` of the answer the asker accepts. */
  accepted?: number;
  /** The asker's "this helped me", given to the accepted answer's author. */
  thanks?: { rating: number; message: string };
}
