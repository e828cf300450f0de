/**
 * Function words (articles, prepositions, pronouns, auxiliaries, conjunctions) of the languages
 * newsrooms import most. Running prose is full of them in lower case; menus, headlines and link
 * lists are not, which makes their share one of the strongest "is this a sentence" features. An
 * English-only list made every German, French or Spanish paragraph look like a menu (no function
 * words, and German capitalises its nouns), so such paragraphs were removed as navigation or
 * footer while the pages' menus, in turn, stood out less.
 *
 * Only lower-case tokens are looked up, so a capitalised menu item ("Die Zeit", "Le Monde") is
 * never a function word. Words that are also common English content words in lower case ("war",
 * "die", "hat") only make prose more prose-like: menus do not run them together in lower case.
 */
import { FUNCTION_WORDS } from './text-utils';

const words = (list: string) => list.trim().split(/\s+/);

/** Per language (ISO 639-1), the most frequent function words, lower case. */
export const FUNCTION_WORDS_BY_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  en: [...FUNCTION_WORDS],
  de: words(`
    der die das den dem des ein eine einer eines einem einen und oder aber doch sondern denn
    in im ins an am auf aus bei beim mit nach von vom zu zum zur für über unter vor hinter
    neben zwischen durch gegen ohne um bis seit während wegen ist sind war waren wird werden
    wurde wurden hat haben hatte hatten sein seine seinen seinem seiner sei kann können konnte
    muss müssen soll sollen will wollen nicht auch noch nur schon sehr so wie als wenn dass ob
    weil er sie es wir ihr ich du man sich ihre ihren ihrem ihrer diese dieser dieses diesen
    dann da hier dort wo was wer mehr einen keine kein sowie damit bereits jedoch
  `),
  fr: words(`
    le la les un une des du de et ou mais donc car ni que qui quoi dont où en dans sur sous
    par pour avec sans chez entre vers au aux ce cet cette ces son sa ses leur leurs il elle
    ils elles on nous vous je tu est sont était été être a ont avait avoir fait plus ne pas se
    comme si aussi très tout tous toute toutes
  `),
  es: words(`
    el la los las un una unos unas y o pero que de del en con por para sin sobre entre desde
    hasta al se su sus es son fue era ha han lo como más muy no también le les este esta estos
    estas ese esa cuando donde
  `),
  it: words(`
    il lo la i gli le un una uno e o ma che di del della dei delle in con per su tra fra da al
    alla nel nella è sono era ha hanno non come più anche si
  `),
  pt: words(`
    o a os as um uma e ou mas que de do da dos das em no na nos nas com por para sem é são foi
    não como mais se também ao
  `),
  nl: words(`
    de het een en of maar dat die van in op te met voor aan door bij uit naar over is zijn was
    waren wordt heeft hebben niet ook als er zich om
  `),
  pl: words(`
    i w z na do się nie że to jest o od za po jak ale czy a oraz przez dla które który która są
    być był była
  `),
};

/** Function words of every language above: what `extractFeatures` counts. */
export const PROSE_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  Object.values(FUNCTION_WORDS_BY_LANGUAGE).flat(),
);

/**
 * German function words no other language above has ("und", "der", "ist"): two or more of
 * them in lower case mark a German sentence, whose nouns are capitalised, so capitals do not
 * make it a headline.
 */
export const GERMAN_ONLY_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  FUNCTION_WORDS_BY_LANGUAGE.de!.filter((w) =>
    Object.entries(FUNCTION_WORDS_BY_LANGUAGE).every(
      ([language, list]) => language === 'de' || !list.includes(w),
    ),
  ),
);
