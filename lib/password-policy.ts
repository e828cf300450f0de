/**
 * What makes a password acceptable (issue #11): at least 12 characters, at most 200, and not
 * guessable by a cracker's first tries, as judged by zxcvbn-ts (a maintained port of Dropbox's
 * estimator) with its common-password, name and word dictionaries, all shipped in the npm
 * packages: nothing is fetched. Used by the admin API, the admin page (through the API's
 * answer) and `npm run user:create`.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-length';

export { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH };
/**
 * zxcvbn's score runs 0-4; 3 means "safely unguessable: moderate protection from an offline
 * slow-hash attack" (about 10^8 guesses and more). Argon2id makes each guess slow, so 3 is
 * enough; 4 would refuse many memorable passphrases.
 */
export const MIN_STRENGTH_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/** Built on first use: loading the dictionaries takes most of a second. */
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

/**
 * Why `password` is refused, as a sentence to show the person choosing it, or null when it is
 * acceptable. `userInputs` (email, name) count as known words: a password built on them is weak.
 */
export function passwordProblem(
  password: string,
  userInputs: readonly string[] = [],
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  }
  const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@._\s-]+/)]);
  const result = getEstimator().check(
    password,
    inputs.filter((s) => s.length >= 3),
  );
  if (result.score >= MIN_STRENGTH_SCORE) return null;
  const why = result.feedback.warning ?? 'This password is too easy to guess.';
  const how = result.feedback.suggestions[0] ?? 'Add more words that are less common.';
  return `${why.replace(/\.?$/, '.')} ${how.replace(/\.?$/, '.')}`;
}
