/**
 * Cases for `reanchor`: an annotation on a phrase of `oldText`, a revision made by `revise`, and
 * the state and place the annotation must get on the new text. `oldText` defaults to the sample
 * article.
 */
import type { AnchorState } from '../domain';
import { replacePhrase } from './fixtures/index';
import { CONFIDENCE_FLOOR } from './match-quote';

export interface ReanchorCase {
  /** The behaviour, used as the test's title. */
  name: string;
  oldText?: string;
  /** The annotated phrase, and which occurrence of it (0-based). */
  phrase: string;
  occurrence?: number;
  revise: (oldText: string) => string;
  state: AnchorState;
  /** Where the annotation must land (for anchored states): a phrase of the new text. */
  lands?: { phrase: string; occurrence?: number };
  /** Bounds on the result's score (anchored) or the top candidate's score (orphaned). */
  minScore?: number;
  maxScore?: number;
}

const SECRETARY_SENTENCE =
  'The secretary of state noted that this round of talks involved representatives of a ' +
  'higher level than previous discussions.\n';
const DOUBLED = 'Nazarbayev proposed a Global Strategic Initiative';
const DOUBLED_PARAGRAPH_END = 'based on fair conditions giving all nations.\n';

export const REANCHOR_CASES: ReanchorCase[] = [
  // EXACT: the quote did not move.
  {
    name: 'keeps a quote EXACT when the text is unchanged',
    phrase: 'joint declaration signed by 29 of the 37 participants',
    revise: (text) => text,
    state: 'EXACT',
    minScore: 1,
  },
  {
    name: 'keeps a quote EXACT when only text after it changed',
    phrase: 'Oct. 2–4',
    revise: (text) => replacePhrase(text, 'May 28', 'May 29'),
    state: 'EXACT',
    minScore: 1,
  },
  {
    name: 'keeps a quote EXACT when the word right after it changed',
    phrase: 'signed by 29 of the 37 participants',
    revise: (text) => replacePhrase(text, 'participants envisaging', 'participants, envisaging'),
    state: 'EXACT',
    minScore: 0.95,
    maxScore: 0.999,
  },
  {
    name: 'keeps a quote EXACT when a same-length edit touched its prefix',
    phrase: 'resulting in a joint declaration',
    revise: (text) => replacePhrase(text, 'Oct. 2–4', 'Oct. 3–5'),
    state: 'EXACT',
  },
  // MOVED: the same quote, elsewhere.
  {
    name: 'moves a quote when text inserted at the very start shifts everything',
    phrase: 'Kazakhstan supports efforts by the UN',
    revise: (text) => `UPDATED 10/10/2015\n${text}`,
    state: 'MOVED',
    lands: { phrase: 'Kazakhstan supports efforts by the UN' },
    minScore: 1,
  },
  {
    name: 'moves a quote when text is inserted right before it',
    phrase: 'Randa Kassis',
    revise: (text) =>
      replacePhrase(text, 'Syrian politician Randa', 'Syrian politician and activist Randa'),
    state: 'MOVED',
    lands: { phrase: 'Randa Kassis' },
    minScore: CONFIDENCE_FLOOR,
  },
  {
    name: 'moves a quote when the sentence right before it is deleted',
    phrase: 'This spring, representatives of the Syrian opposition',
    revise: (text) => text.replace(SECRETARY_SENTENCE, ''),
    state: 'MOVED',
    lands: { phrase: 'This spring, representatives of the Syrian opposition' },
    minScore: CONFIDENCE_FLOOR,
  },
  {
    name: 'moves a quote with its paragraph when the paragraph is moved to the end',
    phrase: 'involved representatives of a higher level',
    revise: (text) => `${text.replace(SECRETARY_SENTENCE, '')}\n${SECRETARY_SENTENCE.trim()}`,
    state: 'MOVED',
    lands: { phrase: 'involved representatives of a higher level' },
    minScore: 0.9,
  },
  {
    name: 'moves a quote at the very start of the text when a line is inserted before it',
    phrase: 'MFA Government',
    revise: (text) => `Press release\n${text}`,
    state: 'MOVED',
    lands: { phrase: 'MFA Government' },
    minScore: 0.99,
  },
  {
    name: 'keeps a quote at the very end EXACT when a line is appended after it',
    phrase: '“Astana Declaration for a Political Solution in Syria.”',
    revise: (text) => `${text}\nPhoto: MFA`,
    state: 'EXACT',
    minScore: 0.99,
  },
  {
    name: 'moves a quote after an emoji is inserted before it, by two code units',
    phrase: 'Among the participants',
    revise: (text) => replacePhrase(text, 'Among the participants', '😀 Among the participants'),
    state: 'MOVED',
    lands: { phrase: 'Among the participants' },
  },
  {
    name: 'moves a quote behind a flag and an astral letter inserted at the start',
    phrase: 'the Geneva process',
    revise: (text) => `🇰🇿 𝕏 ${text}`,
    state: 'MOVED',
    lands: { phrase: 'the Geneva process' },
    minScore: 1,
  },
  // Repeats of the same phrase.
  {
    name: 'keeps each repeat of a phrase on its own occurrence, by context',
    phrase: 'second round',
    occurrence: 2,
    revise: (text) => replacePhrase(text, 'MFA Government', 'MFA of Kazakhstan, Government'),
    state: 'MOVED',
    lands: { phrase: 'second round', occurrence: 2 },
    minScore: 1,
  },
  {
    name: 'keeps an annotation on the second copy of a doubled paragraph when text is inserted',
    phrase: DOUBLED,
    occurrence: 1,
    revise: (text) => `${'Background. '.repeat(100)}\n${text}`,
    state: 'MOVED',
    lands: { phrase: DOUBLED, occurrence: 1 },
  },
  {
    name: 'moves an annotation onto the surviving copy when a doubled paragraph is removed',
    phrase: 'restoring trust between nations',
    occurrence: 1,
    revise: (text) => {
      const first = text.indexOf('In her statement');
      const second = text.indexOf('In her statement', first + 1);
      return text.slice(0, first) + text.slice(second);
    },
    state: 'MOVED',
    lands: { phrase: 'restoring trust between nations' },
    minScore: 0.99,
  },
  {
    name: 'tells the copies of a doubled paragraph apart by their different endings',
    phrase: DOUBLED_PARAGRAPH_END.trim(),
    revise: (text) => `Note. ${text}`,
    state: 'MOVED',
    lands: { phrase: DOUBLED_PARAGRAPH_END.trim() },
  },
  // FUZZY: the quote changed a little.
  {
    name: 'follows a typo fix inside the quote as FUZZY, with the corrected text',
    phrase: 'either by establishing new legislation or be reforming clauses',
    revise: (text) => replacePhrase(text, 'or be reforming', 'or by reforming'),
    state: 'FUZZY',
    lands: { phrase: 'either by establishing new legislation or by reforming clauses' },
    minScore: 0.97,
    maxScore: 0.999,
  },
  {
    name: 'follows a typo fix inside the quote and an insertion before it',
    phrase: 'either by establishing new legislation or be reforming clauses',
    revise: (text) =>
      replacePhrase(
        replacePhrase(text, 'or be reforming', 'or by reforming'),
        'It was resolved',
        'After a long debate, it was resolved',
      ),
    state: 'FUZZY',
    lands: { phrase: 'either by establishing new legislation or by reforming clauses' },
    minScore: 0.97,
  },
  {
    name: 'follows an edit to the first word of the quote',
    phrase: 'Representatives of the Syrian opposition held',
    revise: (text) =>
      replacePhrase(text, 'Representatives of the Syrian', 'Representative of the Syrian'),
    state: 'FUZZY',
    lands: { phrase: 'Representative of the Syrian opposition held' },
    minScore: 0.97,
  },
  {
    name: 'follows a curly apostrophe turned straight as FUZZY',
    phrase: 'thanked Kazakhstan’s government',
    revise: (text) => replacePhrase(text, 'Kazakhstan’s government', "Kazakhstan's government"),
    state: 'FUZZY',
    lands: { phrase: "thanked Kazakhstan's government" },
    minScore: 0.97,
  },
  {
    name: 'follows curly quotes turned straight as FUZZY',
    phrase: 'talks, “Astana-2,” participants',
    revise: (text) => replacePhrase(text, '“Astana-2,”', '"Astana-2,"'),
    state: 'FUZZY',
    lands: { phrase: 'talks, "Astana-2," participants' },
    minScore: 0.9,
  },
  {
    name: 'follows an en dash turned hyphen as FUZZY',
    phrase: 'in Astana Oct. 2–4',
    revise: (text) => replacePhrase(text, 'Oct. 2–4', 'Oct. 2-4'),
    state: 'FUZZY',
    lands: { phrase: 'in Astana Oct. 2-4' },
    minScore: 0.95,
  },
  {
    name: 'follows a space replaced by a line break inside the quote as FUZZY',
    phrase: 'a dialogue platform from which to address',
    revise: (text) => replacePhrase(text, 'platform from', 'platform\nfrom'),
    state: 'FUZZY',
    lands: { phrase: 'a dialogue platform\nfrom which to address' },
    minScore: 0.97,
  },
  {
    name: 'follows double spaces typed inside the quote as FUZZY',
    phrase: 'a dialogue platform from which to address',
    revise: (text) => replacePhrase(text, 'platform from which', 'platform  from  which'),
    state: 'FUZZY',
    lands: { phrase: 'a dialogue platform  from  which to address' },
    minScore: 0.95,
  },
  {
    name: 'moves a quote, unchanged, when double spaces appear in its context only',
    phrase: 'a dialogue platform',
    revise: (text) => replacePhrase(text, 'them with a', 'them  with  a'),
    state: 'MOVED',
    lands: { phrase: 'a dialogue platform' },
    minScore: 0.9,
  },
  {
    name: 'follows non-breaking spaces in the header turned into plain spaces',
    phrase: 'MFA Government \u00a0\u00a0\u00a0',
    revise: (text) => text.replace(/\u00a0/g, ' '),
    state: 'FUZZY',
    lands: { phrase: 'MFA Government    ' },
    minScore: 0.75,
  },
  {
    name: 'follows an emoji changed inside the quote without splitting it',
    oldText: 'Reactions 😀 to the talks in Astana were mixed 👍 overall, said observers.',
    phrase: 'to the talks in Astana were mixed 👍',
    revise: (text) => text.replace('👍', '👎'),
    state: 'FUZZY',
    lands: { phrase: 'to the talks in Astana were mixed 👎' },
  },
  // ORPHANED: nothing good enough.
  {
    name: 'orphans a deleted quote and offers candidates below the floor',
    phrase: 'involved representatives of a higher level',
    revise: (text) => text.replace(SECRETARY_SENTENCE, ''),
    state: 'ORPHANED',
    maxScore: CONFIDENCE_FLOOR - 0.01,
  },
  {
    name: 'orphans a quote rewritten beyond recognition, offering the text now in its place',
    phrase: 'signed by 29 of the 37 participants',
    revise: (text) =>
      replacePhrase(
        text,
        'signed by 29 of the 37 participants',
        'welcomed by most of those present',
      ),
    state: 'ORPHANED',
    lands: { phrase: 'welcomed by most of those present' },
  },
  {
    name: 'orphans a short quote whose context is gone on both sides, offering the exact copy',
    phrase: 'Nazarbayev accepted their proposal.',
    revise: (text) =>
      text
        .replace(
          'This spring, representatives of the Syrian opposition publicly asked Kazakhstan to host talks on the crisis. ',
          'In April a request came in writing. ',
        )
        .replace(' Following intense and complicated negotiations', ' Weeks of work followed, and'),
    state: 'ORPHANED',
    lands: { phrase: 'Nazarbayev accepted their proposal.' },
    maxScore: CONFIDENCE_FLOOR - 0.01,
  },
  {
    name: 'orphans every annotation when the new text is empty, with no candidates',
    phrase: 'Astana',
    revise: () => '',
    state: 'ORPHANED',
  },
];
