/**
 * Real material from non-English pages of trafilatura's evaluation corpus
 * (fixtures/trafilatura-eval): article paragraphs that must read as prose, and furniture lines
 * (the corpus's "must not appear" passages and their neighbours) with the cue family that must
 * name them. Short quotations for testing only.
 */

/** [language, paragraph]: running prose of an article. */
export const PROSE_CASES: readonly (readonly [string, string])[] = [
  [
    'de',
    'Den größten Absatz im Wärmemarkt konnte die Heizungsindustrie im Bereich der Wärmepumpen-Heizsysteme verzeichnen. Der BDH führt das unter anderem auf steigende Kosten bei fossilen Energieträgern und die unsichere Versorgungssituation zurück.',
  ],
  [
    'de',
    'Zum Vergleich: Es gab bei den Wärmeerzeugern mit Öl einen Zuwachs von 18 Prozent und bei den holzbasierten Bio-Heizsystemen von 21 Prozent. Bei den Wärmeerzeugern Gas hingegen sank der Absatz um 9 Prozent gegenüber dem Vorjahr.',
  ],
  [
    'fr',
    'Soona, elle, n’a pas changé. Arrivée au crépuscule de sa vie, elle écrit ses Mémoires, qu’elle destine à son ancien amoureux.',
  ],
  [
    'es',
    'El reconocido artista de la música típica, Ulpiano Vergara presentó este jueves una solicitud para el registro de su marca, en la Ventanilla de la Dirección General de Registro de Propiedad Industrial (DIGERPI) del Ministerio de Comercio e Industrias (MICI).',
  ],
  [
    'es',
    'El Mandatario se reunirá, en Punta Arenas, con las autoridades locales, y luego se trasladará hasta Puerto Natales.',
  ],
];

/** [line, cue family]: furniture of non-English pages. */
export const FURNITURE_CUE_CASES: readonly (readonly [string, string])[] = [
  ['Zum Hauptinhalt springen', 'navigation'],
  ['Sie befinden sich hier:', 'navigation'],
  ['Mehr zum Thema', 'related'],
  ['Noch mehr Infos für dich', 'related'],
  ['Lea también: Impiden ingreso a Nicaragua a reportero y camarógrafo estadounidense', 'related'],
  ['VEA TAMBIÉN: Entre heces y guaricha: Estrella de la educación no brilla', 'related'],
  ['Mire: El cantante Juan Luis Guerra da positivo a COVID-19', 'related'],
  ['Beliebte Artikel', 'related'],
  ['Mehr lesen über:', 'related'],
  ['Weitere Beiträge aus der Kolumne:', 'related'],
  ['Vorschau auf den nächsten Artikel', 'related'],
  ['Article suivant', 'related'],
  ['Kommentar verfassen', 'comments'],
  ['Jetzt abonnieren', 'subscribe'],
  ['Möchten Sie den Artikel teilen?', 'social'],
  ['Alle akzeptieren', 'cookie'],
  ['Du musst angemeldet sein, um einen Kommentar abzugeben.', 'comments'],
  ['142 Antworten zu „Würde des Lebens“', 'comments'],
  ['Impressum', 'footer'],
  ['Tous droits réservés', 'footer'],
  ['- Anzeige-', 'boilerplate'],
  ['War der Artikel nützlich?', 'boilerplate'],
  ['Wie gefällt Ihnen unsere Internetseite?', 'boilerplate'],
  ['Foto: Sascha Klahn', 'boilerplate'],
];

/** Words that contain a cue word, which must not count ("Autokredit:" is not "dit:"). */
export const NOT_A_CUE: readonly string[] = [
  'Vorteile bei der Finanzierung über einen Autokredit:',
  'Übersichtlichkeit',
  'Abonnentenzahlen',
];
