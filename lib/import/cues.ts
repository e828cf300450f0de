/**
 * Lexical cues: generic page-furniture phrases ("subscribe", "©", "share on", "accept all",
 * "reporting by"...). They are WEAK evidence: the classifier adds them to the block's shape score,
 * so a sentence that merely mentions Facebook stays content while a short link line full of
 * network names goes. Nothing here names a particular site.
 */

/** Families of cues; each maps to the removal reason of the same name. */
export const CUE_FAMILIES = [
  'navigation',
  'related',
  'subscribe',
  'social',
  'cookie',
  'comments',
  'footer',
  'credits',
  'boilerplate',
] as const;
export type CueFamily = (typeof CUE_FAMILIES)[number];

/** One cue: a pattern, the evidence each hit adds, and how many hits count at most. */
export interface Cue {
  /** Lower-case pattern, global flag. */
  pattern: RegExp;
  weight: number;
  maxHits: number;
  /** A literal the text must contain for the pattern to be tried (a cheap pre-filter). */
  needle?: string;
}

const cue = (pattern: RegExp, weight: number, maxHits = 3, needle?: string): Cue => ({
  pattern,
  weight,
  maxHits,
  ...(needle ? { needle } : {}),
});

// Weights: 1.5 for phrases that are almost never prose ("all rights reserved", "sign up");
// 1.0 for words that are common in prose too ("home", a network name); credits get 3 because
// "Reporting by X; Editing by Y" is unambiguous but otherwise looks like a sentence fragment.
// Network names count at most twice so a newsletter line listing six networks stays "subscribe".
export const CUES: Record<CueFamily, readonly Cue[]> = {
  navigation: [
    cue(/\bskip to (?:the )?(?:main )?(?:content|navigation|search)\b/g, 1.5),
    cue(/^(?:home|menu|search|sections|topics)\b/g, 1.0, 1),
    cue(/\b(?:log ?in|sign in|register|back to top|main menu|my account)\b/g, 1.0),
  ],
  related: [
    cue(/\brelated (?:articles?|stories|posts|news|coverage|content|topics|reading|links)\b/g, 1.5),
    cue(/\b(?:read|see) (?:more|also|next)\b/g, 1.5),
    cue(/\bmore (?:stories|news|from|on this|in|like this|articles)\b/g, 1.5),
    cue(/\bmost (?:read|popular|recent|viewed|shared|commented)\b/g, 1.5),
    cue(
      /\b(?:recent|latest|top|trending|popular) (?:stories|posts|news|articles|headlines)\b/g,
      1.5,
    ),
    cue(/\byou (?:may|might) (?:also )?(?:like|enjoy|be interested)\b/g, 1.5),
    cue(/\b(?:recommended|trending|view (?:more|all))\b/g, 1.5),
  ],
  subscribe: [
    cue(/\bsubscribe\b/g, 1.5),
    cue(/\bnewsletters?\b/g, 1.5),
    cue(/\bsign(?:ing)? up\b/g, 1.5),
    cue(/\b(?:in|to) your inbox\b/g, 1.5),
    cue(/\b(?:sent|delivered) (?:directly |straight )?to you\b/g, 1.5),
    cue(/\b(?:mailing list|enter your e-?mail|daily briefing|daily digest)\b/g, 1.5),
  ],
  social: [
    cue(/\bshare (?:this|on|via|the|article|story|to)\b|^share\b/g, 2.0),
    cue(/\b(?:tweet|copy link|follow us|email this|print this)\b/g, 2.0),
    cue(
      /\b(?:facebook|twitter|instagram|telegram|youtube|tiktok|linkedin|whatsapp|pinterest|reddit|threads|mastodon|bluesky|vkontakte|weibo|wechat)\b/g,
      1.0,
      2,
    ),
  ],
  cookie: [
    cue(/\bcookies?\b/g, 1.5),
    cue(/\bconsent\b/g, 1.5),
    cue(/\b(?:accept|reject|decline|allow) (?:all|cookies|necessary)\b/g, 1.5),
    cue(/\bmanage (?:preferences|cookies|settings|options|consent)\b/g, 1.5),
    cue(/\b(?:cookie|privacy) (?:settings|preferences)\b|\bwe value your privacy\b/g, 1.5),
  ],
  comments: [
    cue(/^[^\p{L}\d]*\d+\s+(?:comments?|responses?|replies|thoughts? on)\b/gu, 1.5),
    cue(/^(?:comments?|reader comments|discussion)\s*(?:\(\d+\))?:?$/g, 1.5),
    cue(
      /\b(?:leave a (?:reply|comment)|join the (?:discussion|conversation)|post (?:a )?comment)\b/g,
      1.5,
    ),
    cue(/\bsays:$|^reply$|^log in to (?:reply|comment)\b/g, 1.5),
    cue(/\byour email address will not be published\b/g, 1.5),
  ],
  footer: [
    cue(/©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b/g, 1.5),
    cue(
      /\bprivacy (?:policy|notice)\b|\bterms (?:of (?:use|service)|(?:and|&) conditions)\b/g,
      1.5,
    ),
    cue(/\b(?:contact us|about us|powered by|sitemap|advertise with us|careers)\b/g, 1.5),
    cue(/^(?:contacts?|press contacts?|media (?:contacts?|enquiries|inquiries))\b:?/g, 1.5),
    cue(/^(?:tel|phone|fax|e-?mail|address)\.?\s*:/g, 1.5),
    cue(/(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+/g, 0.75, 3, '@'),
  ],
  credits: [
    cue(
      /(?:^|[;.]\s*)(?:additional )?(?:reporting|writing|editing|compiled|translated|fact-checked)(?: and \w+)? by\b/g,
      3.0,
    ),
  ],
  boilerplate: [
    cue(/^(?:advertisement|sponsored(?: content)?|print|loading\W*)$/g, 1.5),
    cue(/\b\d+\s*min(?:ute)?s? read\b|\blisten to (?:this )?article\b/g, 1.5),
    cue(/\b(?:photo|image|picture)(?: credit)?\s*:|\bgetty images\b|\bclick here\b/g, 1.0),
    cue(/\bplease enable javascript\b/g, 1.5),
  ],
};

/** Total cue evidence of each family for a text (hits x weight, hits capped per cue). */
export function scoreCues(text: string): Record<CueFamily, number> {
  // Patterns are written in lower case and matched against the lower-cased text: faster than
  // case-insensitive matching on long paragraphs.
  const lower = text.toLowerCase();
  const scores = {} as Record<CueFamily, number>;
  for (const family of CUE_FAMILIES) {
    let score = 0;
    for (const { pattern, weight, maxHits, needle } of CUES[family]) {
      if (needle && !lower.includes(needle)) continue;
      pattern.lastIndex = 0;
      let hits = 0;
      while (hits < maxHits && pattern.exec(lower)) hits++;
      score += hits * weight;
    }
    scores[family] = score;
  }
  return scores;
}
