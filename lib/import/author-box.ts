/**
 * An author box: the few lines about the writer that sites print under an article ("Evan
 * Halper writes about a broad range of policy issues out of Washington D.C.", "Philipp Sarasin
 * lehrt Geschichte der Neuzeit an der Universität Zürich."). It reads as a sentence, so shape
 * and cues keep it; what gives it away is that it opens with a person's name and what that
 * person does for a living, and that it comes at the end of the article.
 */

/** A name: two to four capitalised words (initials and particles allowed). */
const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+|von|van|de|der|da|di|del|la|le)){1,3}`;

/** What an author box says the person is or does, in the languages of ./cues. */
const ROLE = [
  // English
  String.raw`(?:is|was)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,6}?(?:writer|journalist|reporter|editor|correspondent|columnist|author|contributor|producer|blogger|photographer|analyst|researcher|professor|lecturer|consultant|founder|co-founder|cofounder|developer|engineer|fellow)\b`,
  String.raw`writes\s+(?:about|for|on)\b`,
  String.raw`has\s+(?:been\s+)?(?:worked|written|writing|covered|covering|reported|reporting)\b`,
  String.raw`covers\s`,
  String.raw`reports\s+on\b`,
  // German
  String.raw`ist\s+(?:[\p{L}-]+\s+){0,3}?(?:Journalist|Redakteur|Autor|Reporter|Korrespondent|Kolumnist|Professor|Volontär|Blogger|Fotograf|Politologe|Historiker|Wissenschaftler|Berater|Gründer|Mitgründer|Chefredakteur|Herausgeber)(?:in)?\b`,
  String.raw`schreibt\s+(?:seit|für|über|als)\b`,
  String.raw`arbeitet\s+(?:seit|als)\b`,
  String.raw`leitet\s+(?:das|die|den|seit)\b`,
  String.raw`lehrt\s`,
  String.raw`beschäftigt\s+sich\s+(?:mit|seit)\b`,
  String.raw`studierte\s`,
  // French, Spanish
  String.raw`est\s+(?:[\p{L}-]+\s+){0,3}?(?:journaliste|rédact(?:eur|rice)|auteur|autrice|correspondant|chroniqueu(?:r|se)|professeur|chercheu(?:r|se)|historien(?:ne)?|fondat(?:eur|rice))\b`,
  String.raw`écrit\s+(?:pour|sur)\b`,
  String.raw`es\s+(?:[\p{L}-]+\s+){0,3}?(?:periodista|redact(?:or|ora)|autora?|corresponsal|columnista|profesora?|investigadora?|fundadora?)\b`,
  String.raw`escribe\s+(?:sobre|para)\b`,
].join('|');

const AUTHOR_BOX = new RegExp(String.raw`^(?:${NAME})(?:\s*\([^)]{0,40}\))?,?\s+(?:${ROLE})`, 'u');
/** "Der Autor ist …", "Die Autorin ist …", "The author is …". */
const THE_AUTHOR = /^(?:der|die|the)\s+(?:autor(?:in)?|author)\s+(?:ist|is)\s/iu;
/**
 * A writer introducing themselves by name, as blogs close their posts: "Ich bin Eleonore,
 * Betreiberin von …", "Hej! 👋 Ich bin Christoph, leidenschaftlicher Angler …", "Hi, I'm
 * Sarah. …"; a greeting may come first. The name is one capitalised word followed by a comma,
 * a full stop or "!" ("Ich bin einverstanden." is no name).
 */
const SELF_INTRODUCTION = new RegExp(
  String.raw`^(?:\P{L}*(?:[Hh]allo|[Hh]ej|[Hh]ey|[Hh]i|[Hh]ello|[Hh]ola|[Ss]alut|[Cc]iao)\P{L}+)?(?:[Ii]ch bin|[Ii]ch heiße|[Mm]ein Name ist|I'm|I’m|I am|[Mm]y name is|[Jj]e suis|[Jj]e m['’]appelle|[Mm]e llamo|[Ss]oy|[Mm]i chiamo|[Ss]ono)\s+\p{Lu}[\p{L}-]+\s*[,.!]`,
  'u',
);
/**
 * Words a name does not start with: articles and prepositions ("Der Bürgermeister ist
 * Mitgründer …", "Zu Martin Göhrung hat …"), whatever their case.
 */
const NOT_A_NAME = new Set(
  'der die das den dem des ein eine zu zum zur im am the a an in on at el la los las le les un une il lo di de du'.split(
    ' ',
  ),
);

/**
 * A line that heads a box about the writer or the site: "About the author", "Über Kathrin",
 * "ABOUT US", "Über das Presse- und Medienportal …", "À propos de …", "Acerca de …".
 */
const ABOUT_LINE =
  /^(?:About|ABOUT|Über|ÜBER|À propos d(?:e|u|es|’|')|A propos d(?:e|u|es|’|')|Acerca de|Sobre|SOBRE|Informazioni su)(?:\s|$)/u;
/** "About us": the site speaks of itself. */
const ABOUT_US =
  /^(?:about us|über uns|à propos de nous|acerca de nosotros|sobre nosotros|chi siamo)\b/iu;
/** A heading line is short. */
export const ABOUT_LINE_MAX_WORDS = 6;

/**
 * Whether a short line heads a box about the writer ('author') or the site ('boilerplate'),
 * or null.
 */
export function aboutLine(text: string, words: number): 'author' | 'boilerplate' | null {
  // A quoted name is a work the article discusses ("Über „Compassion in Action“").
  if (words > ABOUT_LINE_MAX_WORDS || !ABOUT_LINE.test(text) || /["„“”«»]/u.test(text)) {
    return null;
  }
  return ABOUT_US.test(text) ? 'boilerplate' : 'author';
}

/** An author box is short: a longer paragraph is the article's own. */
export const AUTHOR_BOX_MAX_WORDS = 90;

/** Whether a paragraph reads as an author box (position aside: see classify-blocks). */
export function isAuthorBox(text: string, words: number): boolean {
  if (words > AUTHOR_BOX_MAX_WORDS) return false;
  if (THE_AUTHOR.test(text) || SELF_INTRODUCTION.test(text)) return true;
  const first = /^\S+/u.exec(text)?.[0].toLowerCase() ?? '';
  return !NOT_A_NAME.has(first) && AUTHOR_BOX.test(text);
}
