/**
 * The demo content a fresh Factmark starts with: one account per role and the two sample
 * reports of the Astana-2 talks, raw text exactly as it arrived (files beside this one).
 * Turned off on a real deployment with FACTMARK_DEMO=off.
 */
import type { Role } from '../../lib/domain';

export interface DemoAccount {
  role: Role;
  email: string;
  name: string;
  password: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: 'EDITOR', email: 'editor@factmark.example', name: 'Erin Editor', password: 'demo-editor-2026' },
  { role: 'REVIEWER', email: 'reviewer@factmark.example', name: 'Rafael Reviewer', password: 'demo-reviewer-2026' },
  { role: 'ADMIN', email: 'admin@factmark.example', name: 'Ada Admin', password: 'demo-admin-2026' },
];

export interface DemoArticle {
  seedKey: string;
  file: string;
  title: string;
  sourceName: string;
  byline: string | null;
  /** ISO date. */
  publishedAt: string;
}

export const DEMO_ARTICLES: readonly DemoArticle[] = [
  {
    seedKey: 'demo:mfa-astana-2-talks',
    file: 'mfa-astana-2-talks.txt',
    title: 'Syrian opposition holds second round of consultations in Astana',
    sourceName: 'MFA Government',
    byline: null,
    // The file's header says 09/10/2015, day first: the talks ended on 4 October.
    publishedAt: '2015-10-09',
  },
  {
    seedKey: 'demo:astana-times-astana-2-talks',
    file: 'astana-times-astana-2-talks-scraped.txt',
    title: 'Representatives of Syrian Opposition Meet in Astana',
    sourceName: 'The Astana Times',
    byline: 'Malika Orazgaliyeva',
    publishedAt: '2015-10-06',
  },
];
