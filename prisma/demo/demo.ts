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
  {
    role: 'EDITOR',
    email: 'editor@factmark.example',
    name: 'Erin Editor',
    password: 'demo-editor-2026',
  },
  {
    role: 'REVIEWER',
    email: 'reviewer@factmark.example',
    name: 'Rafael Reviewer',
    password: 'demo-reviewer-2026',
  },
  {
    role: 'ADMIN',
    email: 'admin@factmark.example',
    name: 'Ada Admin',
    password: 'demo-admin-2026',
  },
];

export interface DemoArticle {
  seedKey: string;
  file: string;
  title: string;
  sourceName: string;
  byline: string | null;
  /** ISO date. */
  publishedAt: string;
  /** sha256 of the file as it arrived, so a test notices any change to the raw text. */
  sha256: string;
}

export const DEMO_ARTICLES: readonly DemoArticle[] = [
  {
    seedKey: 'demo:mfa-astana-2-talks',
    file: 'mfa-astana-2-talks.txt',
    sha256: '16836b6a3f94825b67f511e66bdeb8ca6d47e09e931aa6fcc5da1954e79f7096',
    title: 'Syrian opposition holds second round of consultations in Astana',
    sourceName: 'MFA Government',
    byline: null,
    // The file's header says 09/10/2015, day first: the talks ended on 4 October.
    publishedAt: '2015-10-09',
  },
  {
    seedKey: 'demo:astana-times-astana-2-talks',
    file: 'astana-times-astana-2-talks-scraped.txt',
    sha256: '9e880b568faea8fe88a2cb2ada50399f6254bdbc7a5ef9a1d705c78286cd32d9',
    title: 'Representatives of Syrian Opposition Meet in Astana',
    sourceName: 'The Astana Times',
    byline: 'Malika Orazgaliyeva',
    publishedAt: '2015-10-06',
  },
];
