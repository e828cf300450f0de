/**
 * Decides, block by block, what is article and what is page furniture.
 *
 * 1. Each block gets a SHAPE score from measurable features (sentence-likeness vs. menu/headline
 *    likeness, `scoreShape`) and EVIDENCE per family from weak cues, HTML landmarks and link/
 *    separator layout (`scoreFamilies`).
 * 2. Prose ANCHORS (long sentence-shaped blocks with no furniture evidence) delimit the article
 *    body; a "Comments" section start after the body ends it.
 * 3. Zones: blocks before the title are chrome; between title and body, and after the body,
 *    any block whose shape + evidence reaches NOISE_THRESHOLD goes; inside the body only blocks
 *    with cue evidence, or runs of list-shaped blocks (link lists dropped mid-sentence), go.
 * 4. Context: a heading over a removed run goes with it; generic chrome after the body becomes
 *    "footer".
 */
import { aboutLine, AUTHOR_BOX_MAX_WORDS, isAuthorBox } from './author-box';
import { siteNotice } from './site-notice';
import { COMMENT_COUNT_WORDS, COMMENT_HEADER_WORDS, scoreCues } from './cues';
import { extractBlockFeatures, type BlockFeatures } from './features';
import { matchMetadataLine, type MetadataLine } from './metadata-lines';
import type { DateOptions } from './parse-date';
import { toProperCase } from './text-utils';
import { findTitle, pageIndex } from './find-title';
import {
  CUE_SKIP_SHAPE,
  MIN_FAMILY_EVIDENCE,
  NOISE_THRESHOLD,
  scoreFamilies,
  scoreShape,
  strongest,
  type EvidenceFamily,
} from './score-blocks';
import type { RemovalReason, SourceBlock } from './types';

/** A prose anchor has at least this many words... */
export const ANCHOR_MIN_WORDS = 10;
/** ...ends a sentence, has shape below this, and evidence below MIN_FAMILY_EVIDENCE + 0.5. */
export const ANCHOR_MAX_SHAPE = 0;
/**
 * Inside the body, list-shaped blocks are removed only in runs of this many: one title-case
 * line between paragraphs is usually a subheading, three or more are a link list.
 */
export const MIN_LIST_RUN = 3;
/** A list whose items average at least this many words lists headlines (related stories). */
export const HEADLINE_MIN_WORDS = 4;
/** Blocks of at most this many words in a run of 3+ at the top are a menu. */
export const MENU_ITEM_MAX_WORDS = 3;
/** A masthead naming the site has at most this many words ("Ministry of ... of Kazakhstan"). */
export const SITE_NAME_MAX_WORDS = 12;
/**
 * A repeated site name is looked for in furniture-shaped blocks (shape >= 0) and in blocks of at
 * most this many words, never in running prose.
 */
export const REPEAT_CONTEXT_MAX_WORDS = 8;
/** Cue families that remove a prose-shaped block after the article's last prose block. */
const AFTER_BODY_FAMILIES = new Set<EvidenceFamily>(['subscribe', 'comments', 'footer']);
/**
 * An author box comes at the end of the article: at most this share of the page's prose
 * (words of prose anchors) follows it. Earlier, "X is a professor at Y" is the article's own.
 */
export const AUTHOR_BOX_MAX_PROSE_AFTER = 0.25;
/** An author card's name line: a name alone ("Philipp Sarasin"), at most this many words. */
export const AUTHOR_NAME_MAX_WORDS = 4;
/**
 * Words of prose (anchors) that must come before a comment section starts: "Comments (32)"
 * or "Kommentare" in the share bar under a one-sentence standfirst is a link to the thread,
 * and the article follows it.
 */
export const COMMENTS_MIN_PROSE_BEFORE = 25;
/** A "Comments" section header is short. */
export const COMMENT_HEADER_MAX_WORDS = 8;

const COMMENT_SECTION_START = new RegExp(
  `^(?:[^\\p{L}\\d]*\\d+\\s+(?:${COMMENT_COUNT_WORDS}|thoughts? on)(?![\\p{L}\\p{N}])|(?:${COMMENT_HEADER_WORDS}|reader comments|discussion|conversation)\\s*(?:\\(\\d+\\))?:?$|leave a (?:reply|comment)\\b|join the (?:discussion|conversation)\\b|add (?:a )?comment\\b|(?:schreibe|hinterlasse) einen kommentar|laisser un commentaire|deja un comentario|lascia un commento)`,
  'iu',
);

/**
 * A comment policy's header ("HOUSE RULES", "Comment policy", "Netiquette"): it opens the
 * comment section when the block after it speaks of comments (a "House rules" subheading of
 * an article about tenants does not).
 */
const COMMENT_POLICY_HEADER =
  /^(?:house rules|comment(?:ing|s)? (?:policy|guidelines|rules)|community (?:guidelines|standards|rules)|netiquette|kommentarregeln|charte de (?:modération|commentaires))\s*:?$/iu;
const MENTIONS_COMMENTS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${COMMENT_HEADER_WORDS}|commenting|kommentieren|commenter)(?![\\p{L}\\p{N}])`,
  'iu',
);

/** A comment counter at zero: "0 Comments", "No comments", "Comments (0)". */
const NO_COMMENTS = new RegExp(
  `^[^\\p{L}\\d]*(?:0|no|keine|aucun|sin|nessun)\\s+(?:${COMMENT_COUNT_WORDS}|commentaire|comentario|commento)(?![\\p{L}\\p{N}])|\\(0\\)\\s*:?$`,
  'iu',
);

/**
 * A figure's caption, numbered or not: "Abbildung 4: Die grösste Lawine …", "Fig. 2: …",
 * "Figura 1:", "Grafik:". (Photo credits, "Foto: …", are cues of their own.)
 */
const FIGURE_CAPTION =
  /^(?:abbildung|abb\.|figure|fig\.|figura|gráfico|grafik|schaubild)\s*\d{0,3}[a-z]?\s*:\s*\S/iu;
/** A caption is short; a longer paragraph that opens so is the article's own. */
export const CAPTION_MAX_WORDS = 60;

/** Verdict on one block. */
export interface BlockVerdict {
  /** Why the block is removed, or null when it is article content. */
  reason: RemovalReason | null;
  /** Shape score (see SHAPE_WEIGHTS). */
  shape: number;
  /** Strongest evidence family and its score. */
  family: EvidenceFamily | null;
  evidence: number;
  /** Set when the block is a metadata line. */
  metadata: MetadataLine | null;
}

/** The classification of a page. */
export interface PageAnalysis {
  blocks: SourceBlock[];
  features: BlockFeatures[];
  verdicts: BlockVerdict[];
  /** Index of the title block, -1 when none was found. */
  titleIndex: number;
  /** First and last prose anchors, -1 when the page has none. */
  firstAnchor: number;
  lastAnchor: number;
  /** Index where the comment section starts, blocks.length when there is none. */
  commentsStart: number;
  /** The site's name from its masthead, in proper case. */
  siteName: string | null;
}

/** Classifies every block of a page. */
export function classifyBlocks(blocks: SourceBlock[], options: DateOptions = {}): PageAnalysis {
  const n = blocks.length;
  const features = extractBlockFeatures(blocks, { cues: false });
  // A page repeats lines (table cells, "Reply" under every comment): each text is scanned for
  // cues once. The scores are only read, so blocks of the same text share them.
  const cuesByText = new Map<string, BlockFeatures['cues']>();
  const cuesOf = (text: string) => {
    let cues = cuesByText.get(text);
    if (!cues) cuesByText.set(text, (cues = scoreCues(text)));
    return cues;
  };
  const verdicts: BlockVerdict[] = features.map((f, i) => {
    const shape = scoreShape(f);
    // Cues cannot lift a block this prose-like over the threshold: skip scanning for them.
    if (shape >= CUE_SKIP_SHAPE) f.cues = cuesOf(blocks[i]!.text);
    const [family, evidence] = strongest(scoreFamilies(f));
    return { reason: null, shape, family, evidence, metadata: null };
  });
  const feature = (i: number) => features[i]!;
  const verdict = (i: number) => verdicts[i]!;
  const block = (i: number) => blocks[i]!;
  const total = (i: number) => verdict(i).shape + verdict(i).evidence;
  const cued = (i: number) => verdict(i).evidence >= MIN_FAMILY_EVIDENCE;
  const remove = (i: number, reason: RemovalReason) => {
    verdict(i).reason = reason;
  };

  // Anchors and the comment section.
  const isAnchor = (i: number) =>
    !block(i).landmark && proseShaped(block(i), feature(i), verdict(i));
  let firstAnchor = -1;
  for (let i = 0; i < n && firstAnchor < 0; i++) if (isAnchor(i)) firstAnchor = i;
  // A share bar's comment counter ("0 Comments" beside "Share", "Tweet") is not a section:
  // a zero count has no thread after it, and a counter among share buttons is one of them.
  const inShareBar = (i: number) =>
    [i - 1, i + 1].some((k) => k >= 0 && k < n && verdict(k).family === 'social' && cued(k));
  let commentsStart = n;
  if (firstAnchor >= 0) {
    let proseBefore = 0;
    for (let i = firstAnchor + 1; i < n; i++) {
      if (isAnchor(i - 1)) proseBefore += feature(i - 1).words;
      // A comment counter beside the title and standfirst links to the thread below the
      // article; the section itself comes after some of the article.
      if (proseBefore < COMMENTS_MIN_PROSE_BEFORE) continue;
      const policy =
        COMMENT_POLICY_HEADER.test(block(i).text) &&
        i + 1 < n &&
        MENTIONS_COMMENTS.test(block(i + 1).text);
      if (
        policy ||
        (feature(i).words <= COMMENT_HEADER_MAX_WORDS &&
          COMMENT_SECTION_START.test(block(i).text) &&
          !NO_COMMENTS.test(block(i).text) &&
          !inShareBar(i))
      ) {
        commentsStart = i;
        break;
      }
    }
  }
  let lastAnchor = -1;
  for (let i = commentsStart - 1; i >= 0 && lastAnchor < 0; i--) if (isAnchor(i)) lastAnchor = i;
  const inBody = (i: number) => firstAnchor >= 0 && i >= firstAnchor && i <= lastAnchor;

  // Metadata lines, outside the body. A page repeats lines (a date under every teaser, table
  // cells): each line is matched once, and each block gets its own copy of the match.
  const linesSeen = new Map<string, Map<string | undefined, MetadataLine | null>>();
  for (let i = 0; i < commentsStart; i++) {
    if (inBody(i)) continue;
    const { text, source } = block(i);
    let bySource = linesSeen.get(text);
    if (!bySource) linesSeen.set(text, (bySource = new Map()));
    let match = bySource.get(source);
    if (match === undefined)
      bySource.set(source, (match = matchMetadataLine(text, source, options)));
    if (match) {
      verdict(i).metadata = { ...match };
      remove(i, 'metadata');
    }
  }

  const page = pageIndex(
    blocks,
    (i) => verdict(i).shape >= 0 || feature(i).words <= REPEAT_CONTEXT_MAX_WORDS,
  );
  const repeated = (i: number) => page.count(block(i).text) >= 2;
  const titleIndex = findTitle(blocks, features, verdicts, firstAnchor, repeated);

  // Leading zone: chrome before the title, noise between title and body.
  const leadingEnd = firstAnchor >= 0 ? firstAnchor : n;
  const shortRun = markShortRuns(blocks, features, verdicts, leadingEnd);
  const leadingDefault = (i: number): RemovalReason => {
    const f = feature(i);
    if (block(i).kind === 'heading' || f.allCapsRatio >= 0.6) return 'site-header';
    if (
      f.linkCount >= 2 ||
      f.separators + f.gaps >= 2 ||
      (f.words >= 4 && f.functionWordRatio < 0.15) ||
      shortRun.has(i)
    ) {
      return 'navigation';
    }
    return 'site-header';
  };
  const cuedReason = (i: number): RemovalReason => verdict(i).family ?? 'boilerplate';
  for (let i = 0; i < leadingEnd; i++) {
    if (verdict(i).reason || i === titleIndex) continue;
    const beforeTitle = i < titleIndex;
    if (firstAnchor < 0 && !beforeTitle) break; // no body found: keep the rest.
    // After the title, an uncued heading is a subtitle or section heading: kept.
    if (!beforeTitle && block(i).kind === 'heading' && !cued(i)) continue;
    if (beforeTitle || total(i) >= NOISE_THRESHOLD) {
      remove(i, cued(i) ? cuedReason(i) : leadingDefault(i));
    }
  }
  if (firstAnchor < 0) {
    // Without prose anchors only clearly cued blocks go.
    for (let i = Math.max(titleIndex + 1, 0); i < n; i++) {
      if (!verdict(i).reason && cued(i) && total(i) >= NOISE_THRESHOLD) remove(i, cuedReason(i));
    }
    return finish();
  }

  // Body and trailing zone.
  const candidate = new Set<number>();
  for (let i = firstAnchor; i < commentsStart; i++) {
    if (verdict(i).reason) continue;
    const b = block(i);
    if (b.kind === 'heading') {
      if (verdict(i).evidence >= NOISE_THRESHOLD) remove(i, cuedReason(i));
      continue;
    }
    if (total(i) >= NOISE_THRESHOLD && cued(i)) remove(i, cuedReason(i));
    else if (verdict(i).shape >= NOISE_THRESHOLD) candidate.add(i);
  }
  // Runs of list-shaped paragraphs (cued or not) are link lists. An uncued line ending with a
  // colon introduces what follows; it is not a list item.
  const listShaped = (k: number) =>
    block(k).kind === 'paragraph' &&
    verdict(k).reason !== 'metadata' &&
    !(verdict(k).reason === null && /:$/.test(block(k).text)) &&
    (candidate.has(k) || (verdict(k).reason !== null && verdict(k).shape >= NOISE_THRESHOLD));
  for (let i = firstAnchor; i < commentsStart;) {
    if (!listShaped(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < commentsStart && listShaped(j)) j++;
    const before = i - 1;
    const underRemovedHeading =
      before >= 0 &&
      (verdict(before).reason === 'related' || verdict(before).reason === 'navigation');
    const introduced =
      before >= 0 && !verdict(before).reason && /:$/.test(block(before).text.trim());
    if ((j - i >= MIN_LIST_RUN || underRemovedHeading) && !introduced) {
      // Headline list or menu, judged on the members that have no cued reason of their own.
      let words = 0;
      let menuLike = 0;
      let open = 0;
      for (let k = i; k < j; k++) {
        if (verdict(k).reason) continue;
        open++;
        words += feature(k).words;
        if (
          feature(k).separators + feature(k).gaps > 0 ||
          feature(k).words <= MENU_ITEM_MAX_WORDS
        ) {
          menuLike++;
        }
      }
      const headlines = open > 0 && words / open >= HEADLINE_MIN_WORDS && menuLike * 2 < open;
      // Enough open members make a list of their own; one or two stragglers between cued
      // blocks take the reason most of their neighbours have.
      const reason: RemovalReason =
        open >= MIN_LIST_RUN || underRemovedHeading
          ? headlines
            ? 'related'
            : 'navigation'
          : dominantReason(verdicts.slice(i, j));
      for (let k = i; k < j; k++) {
        if (!verdict(k).reason) remove(k, reason);
        candidate.delete(k);
      }
    }
    i = j;
  }
  // A byline or a date between the body's first two prose blocks, under a standfirst ("von
  // Annette Henkel", "Aktualisiert: 11.04.2020, 10:27") is metadata too. Not a URL there: an
  // article gives addresses as text.
  let secondAnchor = lastAnchor;
  for (let i = firstAnchor + 1; i < lastAnchor; i++) {
    if (isAnchor(i)) {
      secondAnchor = i;
      break;
    }
  }
  for (let i = firstAnchor + 1; i < secondAnchor; i++) {
    if (verdict(i).reason || block(i).kind !== 'paragraph') continue;
    const match = matchMetadataLine(block(i).text, block(i).source, options);
    if (match && match.kind !== 'source-url') {
      verdict(i).metadata = match;
      remove(i, 'metadata');
    }
  }
  for (let i = lastAnchor + 1; i < commentsStart; i++) {
    if (verdict(i).reason || block(i).kind !== 'paragraph') continue;
    if (total(i) >= NOISE_THRESHOLD) remove(i, cued(i) ? cuedReason(i) : 'footer');
    // After the last prose block there is no article left to protect: a sentence that asks
    // to subscribe or comment, or carries the site's legal lines, is furniture whatever its
    // shape. Not social or cookie words: articles end on sentences that name Facebook or
    // "informed consent" too.
    else if (cued(i) && AFTER_BODY_FAMILIES.has(verdict(i).family!)) remove(i, cuedReason(i));
  }

  // The site's notices about itself (affiliate links, licence, consent), wherever they stand.
  for (let i = 0; i < commentsStart; i++) {
    if (verdict(i).reason || block(i).kind !== 'paragraph' || i === titleIndex) continue;
    const notice = siteNotice(block(i).text, feature(i).words);
    if (notice) remove(i, notice);
    else if (feature(i).words <= CAPTION_MAX_WORDS && FIGURE_CAPTION.test(block(i).text)) {
      remove(i, 'caption');
    }
  }

  // Author boxes at the end of the article (the prose after them is at most a quarter), or
  // anywhere as a card: the person's name on a line of its own, then the box naming them.
  const underItsName = (i: number) => {
    if (i < 1 || feature(i - 1).words > AUTHOR_NAME_MAX_WORDS) return false;
    const name = block(i - 1).text.trim();
    return name.length > 0 && block(i).text.startsWith(name) && /^\p{Lu}/u.test(name);
  };
  let proseWords = 0;
  for (let i = 0; i < n; i++) if (isAnchor(i)) proseWords += feature(i).words;
  let proseAfter = 0;
  for (let i = commentsStart - 1; i > firstAnchor; i--) {
    if (isAnchor(i)) proseAfter += feature(i).words;
    if (verdict(i).reason || block(i).kind !== 'paragraph') continue;
    const ownWords = isAnchor(i) ? feature(i).words : 0;
    const nearEnd = proseAfter - ownWords <= proseWords * AUTHOR_BOX_MAX_PROSE_AFTER;
    if ((nearEnd || underItsName(i)) && isAuthorBox(block(i).text, feature(i).words)) {
      remove(i, 'author');
      // The card's name line above it goes with it.
      if (underItsName(i) && !verdict(i - 1).reason) remove(i - 1, 'author');
      continue;
    }
    // A paragraph under "About the author" / "Über uns" near the end: the box, with its line.
    const about = i >= 1 ? aboutLine(block(i - 1).text, feature(i - 1).words) : null;
    if (nearEnd && about && feature(i).words <= AUTHOR_BOX_MAX_WORDS) {
      remove(i, about);
      if (!verdict(i - 1).reason) remove(i - 1, about);
    }
  }

  // Comment section: everything up to a footer.
  let afterComments = false;
  for (let i = commentsStart; i < n; i++) {
    const footerLike = block(i).landmark === 'footer' || verdict(i).family === 'footer';
    if (!afterComments && footerLike && cued(i)) afterComments = true;
    if (!afterComments) remove(i, 'comments');
    else if (!verdict(i).reason) remove(i, cued(i) ? cuedReason(i) : 'footer');
  }

  // A kept heading directly over removed blocks belongs to them; a trailing one to the footer.
  for (let i = n - 1; i >= 0; i--) {
    if (verdict(i).reason || block(i).kind !== 'heading' || i === titleIndex) continue;
    const next = i + 1 < n ? verdict(i + 1).reason : null;
    if (next && next !== 'metadata' && next !== 'duplicate') remove(i, next);
    else if (i === n - 1 && i > lastAnchor) remove(i, 'footer');
  }
  // Generic chrome after the article is the footer.
  for (let i = lastAnchor + 1; i < n; i++) {
    const reason = verdict(i).reason;
    if (reason === 'navigation' || reason === 'site-header' || reason === 'boilerplate') {
      remove(i, 'footer');
    }
  }
  return finish();

  function finish(): PageAnalysis {
    let siteName: string | null = null;
    const leadingLimit = firstAnchor >= 0 ? firstAnchor : n;
    for (let i = 0; i < leadingLimit && !siteName; i++) {
      if (verdict(i).reason !== 'site-header') continue;
      const f = feature(i);
      const nameShaped =
        f.words >= 1 &&
        f.words <= SITE_NAME_MAX_WORDS &&
        !f.endsWithTerminal &&
        !/\d/.test(block(i).text) &&
        f.linkCount <= 1;
      if (nameShaped && (i === 0 || repeated(i))) siteName = toProperCase(block(i).text);
    }
    return {
      blocks,
      features,
      verdicts,
      titleIndex,
      firstAnchor,
      lastAnchor,
      commentsStart,
      siteName,
    };
  }
}

/** A long sentence-shaped paragraph with (almost) no furniture evidence. */
function proseShaped(block: SourceBlock, feature: BlockFeatures, verdict: BlockVerdict): boolean {
  return (
    block.kind === 'paragraph' &&
    feature.words >= ANCHOR_MIN_WORDS &&
    feature.endsWithTerminal &&
    verdict.shape < ANCHOR_MAX_SHAPE &&
    verdict.evidence < MIN_FAMILY_EVIDENCE + 0.5
  );
}

/** Whether block `i` of an analysed page is prose-shaped like the anchors (landmarks aside). */
export function isProseAnchor(analysis: PageAnalysis, i: number): boolean {
  return proseShaped(analysis.blocks[i]!, analysis.features[i]!, analysis.verdicts[i]!);
}

/** The most frequent reason among verdicts (the earliest on ties); 'boilerplate' if none. */
function dominantReason(verdicts: readonly BlockVerdict[]): RemovalReason {
  const counts = new Map<RemovalReason, number>();
  let best: RemovalReason = 'boilerplate';
  let bestCount = 0;
  for (const { reason } of verdicts) {
    if (!reason || reason === 'metadata') continue;
    const count = (counts.get(reason) ?? 0) + 1;
    counts.set(reason, count);
    if (count > bestCount) {
      best = reason;
      bestCount = count;
    }
  }
  return best;
}

/** Blocks in runs of MIN_LIST_RUN+ consecutive short lines before `end` (menus at the top). */
function markShortRuns(
  blocks: SourceBlock[],
  features: BlockFeatures[],
  verdicts: BlockVerdict[],
  end: number,
): Set<number> {
  const marked = new Set<number>();
  const short = (i: number) =>
    blocks[i]!.kind === 'paragraph' &&
    verdicts[i]!.reason !== 'metadata' &&
    features[i]!.words <= MENU_ITEM_MAX_WORDS;
  for (let i = 0; i < end;) {
    let j = i;
    while (j < end && short(j)) j++;
    if (j - i >= MIN_LIST_RUN) for (let k = i; k < j; k++) marked.add(k);
    i = Math.max(j, i + 1);
  }
  return marked;
}
