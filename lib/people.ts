/**
 * The people filters' contract (issue #17): who may be picked as a claim's author or reviewer,
 * found by name as the user types, so a page never sends the whole staff list.
 */
import { z } from 'zod';
import { ROLE_LABELS, type Role } from './domain';

/**
 * Which people a filter picks from:
 * - `all`: every account (the Claims page's Author filter);
 * - `reviewers`: reviewers and admins, and anyone who has approved a claim (its Reviewer filter);
 * - `queue-authors`: the authors of claims waiting for review (the review queue's Author filter).
 */
export const PEOPLE_GROUPS = ['all', 'reviewers', 'queue-authors'] as const;
export type PeopleGroup = (typeof PEOPLE_GROUPS)[number];

/** How many people one answer lists: typing more narrows the rest. */
export const PEOPLE_LIMIT = 20;

export const peopleQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'Type part of a name.')
    .max(100, 'Search for at most 100 characters.'),
  among: z.enum(PEOPLE_GROUPS).default('all'),
});
export type PeopleQuery = z.infer<typeof peopleQuerySchema>;

export interface Person {
  id: string;
  name: string;
  /**
   * Set only when another account has the same name (any case), so a filter can tell them
   * apart without showing emails: the role and the day the account was made, e.g.
   * "Reviewer, joined 3 Mar 2026".
   */
  detail?: string;
}

const JOINED = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The detail of an account whose name another account shares: "Reviewer, joined 3 Mar 2026". */
export function namesakeDetail(role: Role, createdAt: Date): string {
  return `${ROLE_LABELS[role]}, joined ${JOINED.format(createdAt)}`;
}

/** What a people filter shows for a person: the name, and the detail when a name is shared. */
export function personLabel(person: Person): string {
  return person.detail ? `${person.name} (${person.detail})` : person.name;
}

/** GET /api/people?q=&among=: the matching people, best match first. */
export interface PeopleResults {
  people: Person[];
}
