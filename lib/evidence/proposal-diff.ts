/**
 * What a revision proposal changes, for the editor to review before accepting it: the word
 * diff of the article's text against the source's new text, with long unchanged stretches cut
 * to a few words of context on each side (an article is long; the changes are what matter).
 * Pure: no I/O.
 */
import { wordDiff, type DiffPart } from './quote';

/** Words of unchanged text kept on each side of a change. */
export const PROPOSAL_CONTEXT_WORDS = 12;

export interface ProposalDiff {
  parts: DiffPart[];
  /** Words added and removed. */
  added: number;
  removed: number;
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * The word diff from `before` to `after`, unchanged stretches longer than twice `context`
 * words cut to "…" between their kept ends.
 */
export function diffProposal(
  before: string,
  after: string,
  { context = PROPOSAL_CONTEXT_WORDS } = {},
): ProposalDiff {
  const parts = wordDiff(before, after);
  let added = 0;
  let removed = 0;
  const cut: DiffPart[] = parts.map((part, index) => {
    if (part.added) added += countWords(part.value);
    if (part.removed) removed += countWords(part.value);
    if (part.added || part.removed) return part;
    const lead = /^\s*/.exec(part.value)![0];
    const trail = part.value.trim() ? /\s*$/.exec(part.value)![0] : '';
    const list = part.value.trim().split(/\s+/);
    const keepBefore = index === 0 ? 0 : context;
    const keepAfter = index === parts.length - 1 ? 0 : context;
    if (list.length <= keepBefore + keepAfter + 1) return part;
    // Keep `keepBefore` words after the previous change and `keepAfter` before the next one.
    const head = list.slice(0, keepBefore).join(' ');
    const tail = list.slice(list.length - keepAfter).join(' ');
    return { value: `${lead}${[head, '…', tail].filter(Boolean).join(' ')}${trail}` };
  });
  return { parts: cut, added, removed };
}
