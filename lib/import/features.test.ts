import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractBlockFeatures, extractFeatures } from './features';
import { anyCueHit, CUE_FAMILIES, CUES, scoreCues } from './cues';
import { FURNITURE_CUE_CASES, NOT_A_CUE, PROSE_CASES } from './multilingual-cases';
import { scoreShape } from './score-blocks';

const PROSE =
  'Abdykalikova noted that this round of talks included higher level representatives than previous discussions.';
const HEADLINE = 'Kazakhstan Advances Trade Growth and Export Diversification';
const MENU = 'All Stories Nation International Business Central Asia Tourism Opinions';

describe('extractFeatures', () => {
  it('measures length, words and sentences', () => {
    const f = extractFeatures('First sentence here. Second one follows! And a third?');
    assert.equal(f.words, 9);
    assert.equal(f.sentences, 3);
    assert.equal(f.chars, 53);
    assert.equal(f.endsWithTerminal, true);
  });

  it('counts Chinese and Japanese by characters and reads their sentences (xinhuanet.com)', () => {
    const f = extractFeatures(
      '即便日常已改变了模样，但生活依然要继续。纵然已有焦虑煎熬，但内心仍需要坚强。居家一日游、前后楼隔空喊话、躺平就是做贡献，这些带有几分调侃意味的举动，却是众多武汉市民近一个月来真实的经历。',
    );
    assert.ok(f.words >= 40, `words ${f.words}`);
    assert.equal(f.sentences, 3);
    assert.equal(f.endsWithTerminal, true);
    assert.ok(f.functionWordRatio > 0.1, `function words ${f.functionWordRatio}`);
    assert.ok(scoreShape(f) < 0, 'reads as prose');
    // A menu of two-character nouns stays a menu: one word each, no particles.
    const menu = extractFeatures('时政 地方 法治 高层 人事 理论 国际 军事 访谈 港澳 台湾 华人');
    assert.equal(menu.words, 12);
    assert.equal(menu.functionWordRatio, 0);
    assert.equal(extractFeatures('微信').words, 1);
  });

  it('does not read scripts without case as capitals (assabah.com.tn, xinhuanet.com)', () => {
    const arabic = extractFeatures(
      'خالد عبد الكريم ماسا تحدث الينا عن المشهد السوداني بشخصية مكشوفة رافضا التخفي برغم كل ما يمكن ان يتعرض اليه لاحقا من ضغوطات امنية او اعتقال بعد عودته الى السودان.',
    );
    assert.equal(arabic.allCapsRatio, 0);
    assert.equal(
      extractFeatures('在抗击新冠肺炎疫情的日子里，封在武汉的父母们总要万般无奈。').allCapsRatio,
      0,
    );
    assert.equal(extractFeatures('NEWS AND SPORT').allCapsRatio, 1);
  });

  it('sees terminal punctuation behind closing quotes', () => {
    assert.equal(extractFeatures('He said “no.”').endsWithTerminal, true);
    assert.equal(extractFeatures('He said “no').endsWithTerminal, false);
  });

  it('detects a lower-case start after opening quotes but not after digits', () => {
    assert.equal(extractFeatures('talks between the parties').startsLowercase, true);
    assert.equal(extractFeatures('“we want peace”').startsLowercase, true);
    assert.equal(extractFeatures('The talks').startsLowercase, false);
    assert.equal(extractFeatures('2 comments').startsLowercase, false);
  });

  it('gives prose few capitals and many lower-case function words', () => {
    const f = extractFeatures(PROSE);
    assert.equal(f.titleCaseRatio, 0);
    assert.equal(f.functionWordRatio, 4 / 14);
  });

  it('gives headlines a title-case ratio of 1 (lower-case "and" ignored)', () => {
    const f = extractFeatures(HEADLINE);
    assert.equal(f.titleCaseRatio, 1);
    assert.equal(f.functionWordRatio, 1 / 7);
    assert.equal(f.endsWithTerminal, false);
  });

  it('counts capitalised function words in headlines as title case', () => {
    const f = extractFeatures('Kazakhstan’s Constitution at 30: What Has Been Achieved?');
    assert.equal(f.titleCaseRatio, 1);
    assert.equal(f.functionWordRatio, 1 / 8);
  });

  it('measures all caps', () => {
    assert.equal(extractFeatures('BRINGING KAZAKHSTAN TO THE WORLD').allCapsRatio, 1);
    // Six words of 2+ letters ("U.S." has two), two of them in capitals.
    assert.equal(extractFeatures('The UN and the U.S. agreed').allCapsRatio, 2 / 6);
  });

  it('judges a one-word line by its own casing', () => {
    assert.equal(extractFeatures('Sustainability').titleCaseRatio, 1);
    assert.equal(extractFeatures('reply').titleCaseRatio, 0);
  });

  it('counts stand-alone separators, not dashes in prose', () => {
    assert.equal(extractFeatures('Home › World › Europe').separators, 2);
    assert.equal(extractFeatures('Home | World | Sport | Opinion').separators, 3);
    assert.equal(extractFeatures('ASTANA – Representatives met.').separators, 0);
    assert.equal(extractFeatures('News – Sport – Weather').separators, 2);
    // A parenthesis set off by dashes in a sentence (pagesix.com, held-out page 197).
    const sentence =
      'Dee Dee Myers — a White House press secretary for Bill Clinton — is exiting her role as communications head at studio Warner Bros., Variety reported.';
    assert.equal(extractFeatures(sentence).separators, 0);
  });

  it('takes link density, gaps, emphasis and landmark from the block', () => {
    const f = extractFeatures({
      text: 'Home World',
      linkChars: 9,
      linkCount: 2,
      gapCount: 1,
      emphasized: true,
      landmark: 'nav',
    });
    assert.equal(f.linkDensity, 0.9);
    assert.equal(f.linkCount, 2);
    assert.equal(f.gaps, 1);
    assert.equal(f.emphasized, true);
    assert.equal(f.landmark, 'nav');
  });

  it('handles empty text', () => {
    const f = extractFeatures('');
    assert.equal(f.words, 0);
    assert.equal(f.sentences, 0);
    assert.equal(f.linkDensity, 0);
    assert.equal(f.titleCaseRatio, 0);
  });

  it('separates menus from prose on the ratios alone', () => {
    const menu = extractFeatures(MENU);
    const prose = extractFeatures(PROSE);
    assert.ok(menu.titleCaseRatio > 0.9 && prose.titleCaseRatio < 0.2);
    assert.ok(menu.functionWordRatio === 0 && prose.functionWordRatio > 0.25);
  });
});

describe('extractBlockFeatures', () => {
  it("gives each block extractFeatures' answer, its own object even where texts repeat", () => {
    const blocks = [
      { text: MENU, linkChars: MENU.length, linkCount: 8, landmark: 'nav' as const },
      { text: PROSE, emphasized: true },
      { text: MENU, linkChars: 5, linkCount: 1, gapCount: 2, landmark: null },
      { text: '' },
      { text: PROSE },
    ];
    for (const options of [{}, { cues: false }]) {
      const features = extractBlockFeatures(blocks, options);
      assert.deepEqual(
        features,
        blocks.map((b) => extractFeatures(b, options)),
      );
      assert.notEqual(features[0], features[2]);
      assert.deepEqual(Object.keys(features[0]!), Object.keys(extractFeatures(MENU)));
    }
  });
});

describe('scoreCues', () => {
  it('finds each family', () => {
    const cases: [string, string][] = [
      ['Skip to main content', 'navigation'],
      ['Most Recent Stories', 'related'],
      ['Sign up for our newsletter', 'subscribe'],
      ['Share on Facebook', 'social'],
      ['We use cookies. Accept all', 'cookie'],
      ['12 comments', 'comments'],
      ['© 2024 Example. All rights reserved.', 'footer'],
      ['Reporting by A; Editing by B', 'credits'],
      ['Advertisement', 'boilerplate'],
    ];
    for (const [text, family] of cases) {
      const scores = scoreCues(text);
      const best = Object.entries(scores).sort((a, b) => b[1] - a[1])[0]!;
      assert.equal(best[0], family, text);
    }
  });

  it('caps network names so a list of six counts twice', () => {
    assert.equal(scoreCues('X, Facebook, Instagram, Telegram, YouTube and Tiktok').social, 2);
  });

  it('gives nothing for plain prose', () => {
    const scores = scoreCues(PROSE);
    assert.ok(Object.values(scores).every((v) => v === 0));
  });

  it('does not match words inside other words', () => {
    assert.equal(scoreCues('subscribers grew').subscribe, 0);
    assert.equal(scoreCues('homeless shelters').navigation, 0);
  });

  it('counts a phrase only where no letter or digit, of any script, comes before it', () => {
    assert.equal(scoreCues('Impressum').footer, 1.5);
    // Right after a letter or digit: inside a word (an astral letter is one code point).
    for (const before of ['x', 'é', '1', '\u{1d400}', '\u0661']) {
      assert.equal(scoreCues(`${before}Impressum`).footer, 0, before);
    }
    // After a symbol (an emoji), punctuation, a space or a lone surrogate it counts; a miss
    // right before a hit does not hide the hit.
    for (const before of ['\u{1f642}', '·', ' ', '\ud800']) {
      assert.equal(scoreCues(`${before}Impressum`).footer, 1.5, before);
    }
    assert.equal(scoreCues('xImpressum Impressum').footer, 1.5);
    assert.equal(scoreCues('Impressum Impressum Impressum Impressum').footer, 4.5);
  });

  it('tells a text with no cue at all in one search, as trying every cue tells it', () => {
    const cues = CUE_FAMILIES.flatMap((family) => CUES[family]);
    // What lets the cues be alternatives of one expression: no flag but `g` and `u` (the
    // expression matches where one of them does), no back-reference or named group.
    for (const { pattern } of cues) {
      assert.match(pattern.flags, /^gu?$/, pattern.source);
      assert.doesNotMatch(pattern.source.replace(/\\\\/g, ''), /\\[1-9k]|\(\?<[^!=]/);
    }
    const texts = [
      PROSE,
      HEADLINE,
      MENU,
      'Impressum',
      'xImpressum',
      '\u{1f642}Impressum',
      'Share on Facebook',
      '12 comments',
      'Reply',
      ...PROSE_CASES.map(([, text]) => text),
      ...FURNITURE_CUE_CASES.map(([text]) => text),
      ...NOT_A_CUE,
    ];
    let hits = 0;
    for (const text of texts) {
      const lower = text.toLowerCase();
      const some = cues.some(({ pattern }) => {
        pattern.lastIndex = 0;
        return pattern.test(lower);
      });
      if (some) hits++;
      assert.equal(anyCueHit(lower), some, text);
      // No hit: no evidence in any family.
      if (!some)
        assert.ok(
          Object.values(scoreCues(text)).every((v) => v === 0),
          text,
        );
    }
    assert.ok(hits > 20 && hits < texts.length, `hits ${hits}`);
  });

  it('scans the long phrase lists without a look-behind at every position', () => {
    // The engine cannot skip ahead to a possible start past a look-behind: those cues keep it
    // as a check on each hit instead (about half the cleaner's time on long paragraphs).
    const phraseCues = CUE_FAMILIES.flatMap((family) => CUES[family]).filter((c) =>
      c.pattern.source.includes('impressum|datenschutz|'),
    );
    assert.equal(phraseCues.length, 1);
    assert.ok(phraseCues[0]!.notAfterWord);
    assert.ok(!phraseCues[0]!.pattern.source.startsWith('(?<!'));
  });
});

describe('other languages', () => {
  it('reads German, French and Spanish paragraphs as prose (their function words count)', () => {
    for (const [language, text] of PROSE_CASES) {
      const f = extractFeatures(text);
      assert.ok(f.functionWordRatio >= 0.2, `${language}: ${f.functionWordRatio} ${text}`);
      assert.ok(scoreShape(f) < 0, `${language}: shape ${scoreShape(f)} ${text}`);
    }
  });

  it('names the furniture of non-English pages by its family', () => {
    for (const [text, family] of FURNITURE_CUE_CASES) {
      const scores = scoreCues(text);
      const best = Object.entries(scores).sort((a, b) => b[1] - a[1])[0]!;
      assert.equal(best[0], family, text);
      assert.ok(best[1] >= 1, text);
    }
  });

  it('does not find a cue inside a longer word', () => {
    for (const text of NOT_A_CUE) {
      assert.ok(
        Object.values(scoreCues(text)).every((v) => v === 0),
        text,
      );
    }
  });
});
