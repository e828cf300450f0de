import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cleanBlocks, cleanText, MIN_INSIDE_SHARE } from './clean-text';
import { splitBlocks } from './split-blocks';
import { toSourceBlocks, type StructuredBlock } from './structured';

const P1 =
  'The regional council approved the new water plan on Tuesday after a debate that lasted most of the afternoon.';
const P2 =
  'Officials said that the plan would cost about 12 million euros over five years and that most of it would be spent on pipes.';
const P3 =
  'Opposition members said they would ask for an independent audit of the costs before the works begin in the spring.';

const paragraph = (text: string, extra: Partial<StructuredBlock> = {}): StructuredBlock => ({
  kind: 'paragraph',
  text,
  ...extra,
});

describe('toSourceBlocks', () => {
  it('lays blocks out one a line, collapsing whitespace and dropping empty ones', () => {
    const layout = toSourceBlocks([
      { kind: 'heading', level: 9, text: '  Water\n plan ' },
      paragraph('   '),
      paragraph(P1, { linkChars: 999, linkCount: 1, landmark: 'aside', outsideArticle: true }),
    ]);
    assert.equal(layout.text, `Water plan\n${P1}`);
    assert.deepEqual(
      layout.blocks.map((b) => [b.index, b.kind, b.level, b.start, b.end, b.startLine]),
      [
        [0, 'heading', 6, 0, 10, 1],
        [1, 'paragraph', 0, 11, 11 + P1.length, 2],
      ],
    );
    assert.equal(layout.blocks[1]!.linkChars, P1.length);
    assert.equal(layout.blocks[1]!.landmark, 'aside');
    assert.equal(layout.blocks[1]!.outsideArticle, true);
    assert.equal(layout.blocks[0]!.outsideArticle, undefined);
    for (const b of layout.blocks) assert.equal(layout.text.slice(b.start, b.end), b.text);
  });

  it('cleans structured blocks as the text cleaner cleans the same lines', () => {
    const raw = readFileSync(
      new URL('./fixtures/astana-times-astana-2-talks-scraped.txt', import.meta.url),
      'utf8',
    );
    const structured = splitBlocks(raw).map((b): StructuredBlock => ({
      kind: b.kind,
      level: b.level,
      listItem: b.listItem,
      text: b.text,
      linkChars: b.linkChars,
      linkCount: b.linkCount,
      emphasized: b.emphasized,
      gapCount: b.gapCount,
      landmark: b.landmark,
    }));
    const viaBlocks = cleanBlocks(toSourceBlocks(structured).blocks);
    const viaText = cleanText(raw);
    assert.equal(viaBlocks.text, viaText.text);
    assert.deepEqual(viaBlocks.metadata, viaText.metadata);
    assert.deepEqual(
      viaBlocks.removed.map((g) => [g.reason, g.text]),
      viaText.removed.map((g) => [g.reason, g.text]),
    );
  });
});

describe('cleanBlocks: hints from an article extractor', () => {
  it('removes blocks left outside the article, by landmark or as "outside the main article"', () => {
    const result = cleanBlocks(
      toSourceBlocks([
        { kind: 'heading', level: 1, text: 'Water Plan Approved', outsideArticle: true },
        paragraph(P1),
        paragraph('Photo gallery: the council chamber on Tuesday evening.', {
          outsideArticle: true,
        }),
        paragraph(P2),
        paragraph('Weather for the weekend.', { outsideArticle: true, landmark: 'aside' }),
        paragraph(P3),
      ]).blocks,
    );
    // The heading Readability lifted out is kept as the headline (the title), not removed.
    assert.equal(result.text, [P1, P2, P3].join('\n\n'));
    assert.equal(result.metadata.title, 'Water Plan Approved');
    assert.deepEqual(
      result.removed.map((g) => [g.reason, g.label]),
      [
        ['headline', 'Headline (used as the title)'],
        ['outside-article', 'Outside the main article'],
        ['related', 'Related-stories list'],
      ],
    );
  });

  it('ignores the hints when the extractor left out most of what the classifier keeps', () => {
    const blocks = [P1, P2, P3].map((text, i) => paragraph(text, { outsideArticle: i > 0 }));
    assert.ok(MIN_INSIDE_SHARE > 1 / 3);
    assert.equal(cleanBlocks(toSourceBlocks(blocks).blocks).text, [P1, P2, P3].join('\n\n'));
  });

  // From rosalux.de's interview page (trafilatura-eval 081): the first question sits between
  // the title and the first long paragraph, where the classifier removes short uncued lines;
  // Readability holds it inside the article.
  const INTERVIEW = [
    'Wir waren fast 40 Tage in Quarantäne',
    'Nikolai Huke: Wo sind Sie in die Europäische Union eingereist?',
    'Tareq Salem: Ich bin über das Mittelmeer nach Italien gekommen. Das war sehr gefährlich. Wir haben 35 Stunden gebraucht. Ich war auf einem Holzboot mit 29 Personen, mit vier Familien, Kindern und Frauen, es war schwierig.',
    'In Italien waren wir fast 40 Tage in Quarantäne. Am Anfang waren wir neun Tage lang auf Lampedusa. Dann verlegten sie uns zur Quarantäne nach Sizilien.',
  ];
  const interview = (hints: boolean, question: Partial<StructuredBlock> = {}) =>
    cleanBlocks(
      toSourceBlocks([
        { kind: 'heading', level: 1, text: INTERVIEW[0]!, outsideArticle: hints },
        paragraph(INTERVIEW[1]!, { emphasized: true, ...question }),
        paragraph(INTERVIEW[2]!),
        paragraph(INTERVIEW[3]!),
        paragraph('Impressum', { outsideArticle: hints, landmark: 'footer' }),
      ]).blocks,
    );

  it('restores a block removed on its shape alone when the extractor keeps it', () => {
    assert.ok(!interview(false).text.includes(INTERVIEW[1]!));
    assert.equal(interview(true).text, INTERVIEW.slice(1).join('\n\n'));
  });

  it('does not restore cued furniture or link headlines inside the extracted article', () => {
    const shareQuestion = interview(true, { text: 'Möchten Sie den Artikel teilen?' });
    assert.ok(!shareQuestion.text.includes('teilen'));
    const headline = 'Wo Flüchtlinge in Europa ankommen: eine Reportage aus Lampedusa';
    const linked = interview(true, { text: headline, linkChars: headline.length, linkCount: 1 });
    assert.ok(!linked.text.includes(headline));
  });

  it('keeps the lead paragraph between the title and the extracted article', () => {
    // zfk.de (trafilatura-eval 031): Readability's article starts after the standfirst.
    const lead =
      'Wärmepumpen boomen - auch weil das Heizen mit fossilen Energieträgern teuer geworden ist. Aber viele Deutsche können von Gas und Öl nicht lassen.';
    const result = cleanBlocks(
      toSourceBlocks([
        paragraph('Zur Startseite', { outsideArticle: true, linkChars: 14, linkCount: 1 }),
        {
          kind: 'heading',
          level: 1,
          text: 'Wärmepumpenmarkt wächst um 42 Prozent gegenüber dem Vorjahr',
          outsideArticle: true,
        },
        paragraph(lead, { outsideArticle: true }),
        paragraph('Bild: © BillionPhotos.com/Adobestock', { outsideArticle: true }),
        paragraph(INTERVIEW[2]!),
        paragraph(INTERVIEW[3]!),
        paragraph('Mehr zum Thema', { outsideArticle: true, landmark: 'aside' }),
        paragraph(P1, { outsideArticle: true, landmark: 'aside' }),
      ]).blocks,
    );
    assert.equal(result.text, [lead, INTERVIEW[2], INTERVIEW[3]].join('\n\n'));
  });

  it('takes a first heading as the headline only when it is the title the page declares', () => {
    // 2gewinnt.at (trafilatura held-out page): the page's title is "Über uns"; the first kept
    // block is a section heading of the text, which must stay in it.
    const blocks = toSourceBlocks([
      { kind: 'heading', level: 1, text: 'Über uns', outsideArticle: true },
      { kind: 'heading', level: 1, text: 'Künstlerischer Lebenslauf' },
      paragraph(
        'Soviel mal vorweg: Wir sind zu zweit. Einer heißt Homajon. Der andere David. Nur damit das gleich geklärt ist.',
      ),
      paragraph(INTERVIEW[2]!),
      paragraph(INTERVIEW[3]!),
    ]).blocks;
    const declared = cleanBlocks(blocks, { knownTitles: ['Über uns'] });
    assert.ok(declared.text.startsWith('Künstlerischer Lebenslauf\n\nSoviel mal vorweg'));
    const undeclared = cleanBlocks(blocks);
    assert.ok(undeclared.text.startsWith('Soviel mal vorweg'));
  });

  it('rejoins a sentence around a block removed only by the hint', () => {
    const result = cleanBlocks(
      toSourceBlocks([
        paragraph(P1),
        paragraph('Kazakhstan hopes for the continuation of'),
        paragraph('Advertisement — Scroll to continue', { outsideArticle: true }),
        paragraph('talks between the two sides in the framework of the Geneva process, he said.'),
        paragraph(P2),
      ]).blocks,
    );
    assert.ok(
      result.text.includes(
        'Kazakhstan hopes for the continuation of talks between the two sides in the framework',
      ),
    );
  });
});

describe('duplicates name the copy that stays', () => {
  it('gives the longer copy in duplicateOf', () => {
    const longer = `${P2.slice(0, -1)} and on pumps.`;
    const result = cleanText([P1, P2, P3, longer].join('\n\n'));
    const duplicate = result.removed.find((g) => g.reason === 'duplicate')!;
    assert.equal(duplicate.text, P2);
    assert.equal(duplicate.duplicateOf, longer);
  });
});
