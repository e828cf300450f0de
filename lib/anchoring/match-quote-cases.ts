/**
 * Cases for `matchTextQuote`: a phrase annotated on `oldText`, searched in `text`, and where the
 * best match must be. Most use the sample article.
 */
import {
  ARTICLE,
  anchorPhrase,
  createRandom,
  createTextGenerator,
  locate,
  replacePhrase,
} from './fixtures/index';
import type { TextAnchor } from './selectors';

export interface MatchCase {
  /** The behaviour, used as the test's title. */
  name: string;
  /** The annotation's stored selectors. */
  anchor: TextAnchor;
  /** The text searched. */
  text: string;
  /** Position hint passed to the matcher, if any. */
  hint?: number;
  /** Where the best match must be: the `occurrence`-th `phrase` in `text`. */
  best: { phrase: string; occurrence?: number };
  /** Bounds on the best match's score. */
  minScore: number;
  maxScore?: number;
}

const SECOND_ROUND_TALKS = anchorPhrase(ARTICLE, 'second round', 2);
const DOUBLED = 'Nazarbayev proposed a Global Strategic Initiative';
const SECRETARY =
  'The secretary of state noted that this round of talks involved representatives of a ' +
  'higher level than previous discussions.\n';
const FILLER = 'Earlier coverage is archived on the ministry website. '.repeat(150);
const MOVED_WITH_TYPO =
  ARTICLE.replace(SECRETARY, '') +
  `\n${FILLER}\n${SECRETARY.replace('higher level', 'higher levell')}`;

// A long generated article (beyond the length scanned in full), with its 40th paragraph moved to
// the end and one letter of the annotated phrase changed on the way.
const LONG = createTextGenerator(createRandom(11)).article(6000);
const LONG_PARAGRAPHS = LONG.split('\n');
const PARAGRAPH = LONG_PARAGRAPHS[40]!;
const LONG_PHRASE = PARAGRAPH.slice(60, 110);
const EDITED_PHRASE = `${LONG_PHRASE.slice(0, 20)}#${LONG_PHRASE.slice(21)}`;
const LONG_MOVED = [
  ...LONG_PARAGRAPHS.slice(0, 40),
  ...LONG_PARAGRAPHS.slice(41),
  PARAGRAPH.replace(LONG_PHRASE, EDITED_PHRASE),
].join('\n');

export const MATCH_CASES: MatchCase[] = [
  {
    name: 'finds an unchanged quote at its place with a perfect score',
    anchor: anchorPhrase(ARTICLE, 'joint declaration signed by 29 of the 37 participants'),
    text: ARTICLE,
    hint: locate(ARTICLE, 'joint declaration'),
    best: { phrase: 'joint declaration signed by 29 of the 37 participants' },
    minScore: 1,
  },
  {
    name: 'prefers the repeat whose prefix and suffix match over one nearer the hint',
    anchor: SECOND_ROUND_TALKS,
    text: ARTICLE,
    hint: locate(ARTICLE, 'second round', 1),
    best: { phrase: 'second round', occurrence: 2 },
    minScore: 0.99,
  },
  {
    name: 'chooses between repeats with identical context by proximity (second copy)',
    anchor: anchorPhrase(ARTICLE, DOUBLED, 1),
    text: ARTICLE,
    hint: locate(ARTICLE, DOUBLED, 1) + 40,
    best: { phrase: DOUBLED, occurrence: 1 },
    minScore: 0.99,
  },
  {
    name: 'chooses between repeats with identical context by proximity (first copy)',
    anchor: anchorPhrase(ARTICLE, DOUBLED, 1),
    text: ARTICLE,
    hint: locate(ARTICLE, DOUBLED, 0) + 40,
    best: { phrase: DOUBLED, occurrence: 0 },
    minScore: 0.99,
  },
  {
    name: 'finds a quote whose typo was fixed, spanning the corrected text',
    anchor: anchorPhrase(ARTICLE, 'or be reforming clauses of the constitution'),
    text: replacePhrase(ARTICLE, 'or be reforming', 'or by reforming'),
    hint: locate(ARTICLE, 'or be reforming'),
    best: { phrase: 'or by reforming clauses of the constitution' },
    minScore: 0.97,
    maxScore: 0.999,
  },
  {
    name: 'finds a quote whose curly apostrophe became straight',
    anchor: anchorPhrase(ARTICLE, 'thanked Kazakhstan’s government'),
    text: replacePhrase(ARTICLE, 'Kazakhstan’s government', "Kazakhstan's government"),
    hint: locate(ARTICLE, 'thanked Kazakhstan’s'),
    best: { phrase: "thanked Kazakhstan's government" },
    minScore: 0.95,
    maxScore: 0.999,
  },
  {
    name: 'finds a quote whose en dash became a hyphen, without a hint',
    anchor: anchorPhrase(ARTICLE, 'in Astana Oct. 2–4, resulting'),
    text: replacePhrase(ARTICLE, 'Oct. 2–4', 'Oct. 2-4'),
    best: { phrase: 'in Astana Oct. 2-4, resulting' },
    minScore: 0.95,
  },
  {
    name: 'finds a quote across a line break that replaced a space',
    anchor: anchorPhrase(ARTICLE, 'envisaging further possible measures for resolving'),
    text: replacePhrase(ARTICLE, 'possible measures', 'possible\nmeasures'),
    hint: locate(ARTICLE, 'envisaging'),
    best: { phrase: 'envisaging further possible\nmeasures for resolving' },
    minScore: 0.97,
  },
  {
    name: 'finds a quote whose double space was collapsed',
    anchor: anchorPhrase(
      replacePhrase(ARTICLE, 'the electoral process', 'the  electoral  process'),
      'attention to the  electoral  process in Syria',
    ),
    text: ARTICLE,
    hint: locate(ARTICLE, 'attention to the electoral'),
    best: { phrase: 'attention to the electoral process in Syria' },
    minScore: 0.95,
  },
  {
    name: 'searches the whole text when the paragraph moved far away and was edited',
    anchor: anchorPhrase(ARTICLE, 'involved representatives of a higher level than'),
    text: MOVED_WITH_TYPO,
    hint: locate(ARTICLE, 'involved representatives'),
    best: { phrase: 'involved representatives of a higher levell than' },
    // The suffix now runs into the end of the text, so it only partly agrees.
    minScore: 0.9,
  },
  {
    name: 'searches the whole text when no hint is given',
    anchor: anchorPhrase(ARTICLE, 'involved representatives of a higher level than'),
    text: MOVED_WITH_TYPO,
    best: { phrase: 'involved representatives of a higher levell than' },
    // The suffix now runs into the end of the text, so it only partly agrees.
    minScore: 0.9,
  },
  {
    name: 'finds an edited paragraph moved far away in a long text through verbatim pieces',
    anchor: anchorPhrase(LONG, LONG_PHRASE),
    text: LONG_MOVED,
    hint: locate(LONG, LONG_PHRASE),
    best: { phrase: EDITED_PHRASE },
    minScore: 0.97,
  },
];
