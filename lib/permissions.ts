/** What each role may do, as plain predicates the server and the UI both ask. */
import type { Role } from './domain';

/** ADMIN only: list users, create them, reset passwords, change roles. */
export function canManageUsers(role: Role): boolean {
  return role === 'ADMIN';
}

/** Every role annotates: EDITOR by definition, REVIEWER and ADMIN as well. */
export function canAnnotate(role: Role): boolean {
  return role === 'EDITOR' || role === 'REVIEWER' || role === 'ADMIN';
}

/** REVIEWER and ADMIN approve or send back claims (never their own: see lib/review). */
export function canReview(role: Role): boolean {
  return role === 'REVIEWER' || role === 'ADMIN';
}
