import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyBlocks } from './classify-blocks';
import { cleanText } from './clean-text';
import { applyLineModel, judgedByLineModel, LINE_FEATURES, lineFeatures } from './line-model';
import { LINE_MODEL } from './line-model-weights';
import { splitBlocks } from './split-blocks';

const P1 =
  'The regional council approved the new water plan on Tuesday after a debate that lasted most of the afternoon.';
const P2 =
  'Officials said that the plan would cost about 12 million euros over five years and that most of it would be spent on pipes.';

const analyse = (lines: string[]) => {
  const analysis = classifyBlocks(splitBlocks(lines.join('\n\n')));
  return { analysis, reasons: analysis.verdicts.map((v) => v.reason) };
};

describe('line model', () => {
  it('has one weight per feature (refit with bench/fit-line-model.ts after adding one)', () => {
    const { analysis, reasons } = analyse([P1, P2]);
    for (const row of lineFeatures(analysis, reasons)) {
      assert.equal(row.length, LINE_FEATURES.length);
    }
    assert.equal(LINE_MODEL.weights.length, LINE_FEATURES.length);
    assert.ok(LINE_MODEL.threshold > 0 && LINE_MODEL.threshold < 1);
  });

  it('never judges a heading or the rest of a sentence cut in two', () => {
    const { analysis, reasons } = analyse([
      P1,
      '## What the plan costs',
      'According to the council, the works will start with',
      'the oldest pipes in the north of the city, which leak the most.',
      P2,
    ]);
    const judged = analysis.blocks.map((_, i) => judgedByLineModel(analysis, reasons, i));
    assert.deepEqual(judged, [true, false, true, false, true]);
  });

  it('judges a short cued line in lower case even after an open line', () => {
    // libero.pe (held-out 628): "lo más visto" under a teaser without closing punctuation;
    // peptalks.de (225): "loading..." under a rating widget. A widget, not half a sentence.
    const { analysis, reasons } = analyse([
      P1,
      P2,
      'Reto visual: Encuentra al dueño del camello en menos de 15 segundos',
      'lo más visto',
      'GD Star Rating',
      'loading...',
      'Erfahren Sie mehr über das Unternehmen LUMITOS und unser Team',
      'mehr erfahren >',
    ]);
    const judged = analysis.blocks.map((_, i) => judgedByLineModel(analysis, reasons, i));
    assert.equal(judged[3], true);
    assert.equal(judged[5], true);
    // A link's arrow closes "mehr erfahren >" (chemie.de, held-out 564).
    assert.equal(judged[7], true);
  });

  it('judges a line in lower case that follows a finished sentence', () => {
    // Rails under articles of the held-out pages of trafilatura's corpus (not the evaluation
    // corpus): radio.cz "articles les plus lus" (454), larepublica "lo más visto" (628). After
    // an ellipsis the sentence is still open: "Menschen, die ..." / "offen und neugierig sind"
    // (changenow.de, 190).
    const { analysis, reasons } = analyse([
      P1,
      'articles les plus lus',
      P2,
      'Inspiration und Anregungen bekomme ich von Menschen, die ...',
      'offen und neugierig sind',
    ]);
    const judged = analysis.blocks.map((_, i) => judgedByLineModel(analysis, reasons, i));
    assert.deepEqual(judged, [true, true, true, true, false]);
  });

  it('keeps a numbered list whole when the model would drop some of its items', () => {
    // A listicle pasted from a page (held-out page 748 of trafilatura's corpus): each item's
    // name on its own line, then a paragraph about the person; some items scored as
    // furniture (short, title case, "Twitter" under them) while the ones around them stayed.
    const lines = [
      'Top 10 Women Talking Sports',
      'January 22, 2014',
      'A generally accepted myth: Men talk about sports, women don’t.',
      'Truth: 45% of NFL fans are female, 46% of MLB fans are female, 47% of MLS fans are female',
      'So the reality is WOMEN CAN TALK SPORTS, and lots of them do! In February, WCTS will begin a series highlighting the amazing women I encounter daily who are talking sports in their personal and professional lives. My hope is that by spotlighting this varied and vast group of women, you will also be encouraged to join in the conversation. Below is a list of my current favorite women talking sports on TV, twitter, online, and in their everyday lives.',
      'My Top 10 Women Talking Sports',
      '1. Christie Leigh Mueller',
      'Author of Gridiron Belles: A guide to Saturdays in Dixie Christie Leigh shares my passion for empowering women through sports knowledge. She is a world-changer, and it only took 1/2 a cup of coffee for me to become her biggest fan. Twitter: @gridironbelles',
      '2. Sam Ponder',
      'Sports broadcaster for ESPN and ABC Sports. She is married to NFL quarterback Christian Ponder. Her first post on her blog (ProThrityOne.com) Examining Truth and Twitter is a must read…like right now! Twitter: @sam_ponder',
      '3.Charlotte Jones Anderson',
      'Executive Vice President and Chief Brand Officer of the Dallas Cowboys. I had the opportunity to meet her this summer, and she is advocating for female fans at the highest levels within the NFL. She is a rockstar businesswoman, speaker, and sports fan. Twitter: @cjonesanderson',
      '4. Nicki Case Haulman',
      'Amazing wife, mother, professional businesswoman, and one of main reasons WCTS became a reality. Nicki knows, loves, and talks sports in her personal and professional life. She is the most authentic fan I know. We worked side-by-side for 5 years, and she continues to inspire me every day with her passion for sports and people.',
      '5. Kristi Dosh',
      'The Sports Biz Miss. Attorney, Sports Business Analyst, Author. You can find her work on ESPN and Forbes. Her newest book Saturday Millionaires is a fascinating look at the business of college football. Twitter: @SportsBizMiss',
      '6. Michelle Beadle',
      'Funny. Real. Does sports her way, and destroys haters on Twitter. She went to NBC to host Crossover and Access Hollywood, but soon you will see her back on ESPN. Twitter: @MichelleDBeadle',
      '7. Erin Andrews',
      'Who doesn’t know Erin Andrews? She makes the list simply because of her impact in advancing the credibility of female sports fans. 2.1 million twitter followers! Twitter: @ErinAndrews',
      '8.Lori Kelly',
      'Fellow Nashvillian. Bullpin Editor for Outkick The Coverage She is gorgeous, talks sports, and somehow manages the outrageous and entertaining sports stories flooding into Clay Travis’ OKTC. Twitter: @loriOKTC',
      '9. The Sports Brat',
      'Jessica Ceresino founded The Sports Brat and writes for the female fans too. I just found this site, and I really love what she is doing. Check it out! Twitter: @_TheSportsBrat',
      '10. YOU!!!!!!!',
      'Keep Talking Sports!',
      'Category: Blog Popular',
      '« Previous Next »',
      'Submit your sports question below and the WCTS team will break down the answer in upcoming blog posts!',
      'Twitter Talk',
      'Tweets by @Taryn_WCTS',
      'Popular Posts',
    ];
    const { text } = cleanText(lines.join('\n'));
    for (const item of lines.filter((l) => /^[1-9][.]/.test(l))) {
      assert.ok(text.includes(item), item);
    }
    // Dates are not list items: "31. Oktober 2023" over "30. Oktober 2023" is no sequence.
    assert.ok(
      !/^31[.] Oktober 2023$/m.test(cleanText(['31. Oktober 2023', P1, P2].join('\n')).text),
    );
  });

  it('leaves a page without prose as the rules left it', () => {
    // Title-case lines the model reads as furniture; with no prose there is no article to
    // set them apart from.
    const { analysis, reasons } = analyse([
      'Council Approves Water Plan',
      'Opposition Calls For Audit',
      'Works Start In Spring',
    ]);
    const before = [...reasons];
    applyLineModel(analysis, reasons);
    assert.deepEqual(reasons, before);
  });
});
