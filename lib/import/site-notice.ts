/**
 * A site's notice about itself inside the page: affiliate disclosures ("Für Links auf dieser
 * Seite erhält CHIP ggf. eine Provision vom Händler"), the site's licence ("Diese Website ist
 * lizenziert als Creative Commons …"), cookie and privacy consent, registration terms ("Mit der
 * Registrierung akzeptieren Sie unsere Datenschutz- und Nutzungsbedingungen"). They read as
 * sentences, so shape keeps them, and cue words alone ("cookies", "Lizenz") are common in
 * articles; what gives them away is that they speak of THIS site (or its forms) and its terms.
 */

/** The site speaking of itself: "this site", "diese Website", "auf dieser Seite", "ce site". */
const SITE = String.raw`(?:(?:this|our)\s+(?:web)?(?:site|blog|page)|(?:diese[rsm]?|unsere[rnm]?)\s+(?:web)?(?:seite|site|website|webseite|blogs?|homepage|internetseite|portals?)|auf\s+dieser\s+seite|(?:ce|notre)\s+site|(?:este|nuestro)\s+sitio|esta\s+p[aá]gina)(?![\p{L}\p{N}])`;
/** What such a notice is about. */
const TERMS = String.raw`(?:provision|commission|affiliate|partnerprogramm|lizenz|licen[cs]e|lizenziert|cookies?|datenschutz|privacy|nutzungsbedingungen|terms\s+of)`;

/** The post speaking of itself, with what only a disclosure says about a post. */
const POST = String.raw`(?:this|the\s+following)\s+(?:post|article|review)|(?:dieser|der\s+folgende)\s+(?:beitrag|artikel|post)|cet\s+article|este\s+(?:artículo|post)`;
const DISCLOSED = String.raw`(?:affiliate|commission|advertisers?|sponsored|provision|werbung|anzeige|gesponsert|sponsoris[ée]|patrocinado)`;

/** Any piece of writing naming itself ("this text", "dieser Beitrag", "cet article"). */
const THIS_TEXT = String.raw`(?:this|dieser|diese|dieses|cet|ce|este|esta)\s+(?:post|article|story|text|entry|beitrag|artikel|eintrag|texte|billet|artículo|texto)`;
/** A licence named the way licences are. */
const LICENCE = String.raw`(?:lizenz|licen[cs]e|creative\s+commons|cc[-\s]by)`;

const SITE_NOTICE = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}])(?:${POST})\s+(?:contains|includes|enthält|beinhaltet|contient|contiene|is|ist|est|es)\s+[^!?]{0,60}?${DISCLOSED}`,
    String.raw`(?<![\p{L}\p{N}])${THIS_TEXT}(?![\p{L}\p{N}])[^!?]{0,60}?${LICENCE}`,
    String.raw`advertising\s+disclos(?:ure|ed)`,
    String.raw`we\s+(?:may\s+)?(?:earn|receive)\s+(?:a\s+)?(?:small\s+)?(?:commission|compensation)`,
    String.raw`(?:consider\s+)?support(?:ing)?\s+our\s+(?:work|journalism|reporting)`,
    String.raw`${SITE}[^!?]{0,80}?${TERMS}`,
    String.raw`${TERMS}[^!?]{0,80}?${SITE}`,
    String.raw`as\s+an\s+amazon\s+associate`,
    String.raw`we\s+may\s+earn\s+(?:a\s+)?(?:small\s+)?commission`,
    String.raw`mit\s+der\s+registrierung\s+akzeptieren`,
    String.raw`ich\s+akzeptiere\s+die\s+datenschutz`,
    String.raw`i\s+agree\s+to\s+the\s+(?:terms|privacy)`,
  ].join('|'),
  'iu',
);

/**
 * A blog's filing line under a post: "This entry was posted in Allgemein. Bookmark the
 * permalink.", "Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit …",
 * "Erstellt am … und abgelegt unter Linux, Tutorials".
 */
const FILING = new RegExp(
  [
    String.raw`this\s+entry\s+was\s+posted`,
    String.raw`bookmark\s+the\s+permalink`,
    String.raw`(?:eintrag|beitrag)\s+wurde\s+[^!?]{0,60}?veröffentlicht`,
    String.raw`abgelegt\s+unter`,
    String.raw`verschlagwortet\s+mit`,
    String.raw`filed\s+under`,
    String.raw`suggested\s+citation`,
    String.raw`zitiervorschlag`,
  ].join('|'),
  'iu',
);

/** A notice is a few sentences: a longer paragraph is an article's own (about privacy, say). */
export const SITE_NOTICE_MAX_WORDS = 60;

/**
 * Whether a paragraph is the site's notice about itself ('cookie' for consent banners,
 * 'boilerplate' otherwise) or a post's filing line ('metadata').
 */
export function siteNotice(
  text: string,
  words: number,
): 'cookie' | 'boilerplate' | 'metadata' | null {
  if (words > SITE_NOTICE_MAX_WORDS) return null;
  if (FILING.test(text)) return 'metadata';
  if (!SITE_NOTICE.test(text)) return null;
  return /cookie/i.test(text) ? 'cookie' : 'boilerplate';
}
