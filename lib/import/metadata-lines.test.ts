import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matchDateline, matchMetadataLine, parseName } from './metadata-lines';

describe('matchMetadataLine', () => {
  const cases: [string, ReturnType<typeof matchMetadataLine>][] = [
    [
      'BY MALIKA ORAZGALIYEVA in INTERNATIONAL on 6 OCTOBER 2015',
      { kind: 'byline', byline: 'Malika Orazgaliyeva', publishedAt: '2015-10-06' },
    ],
    [
      'By Petra Novak | March 14, 2024',
      { kind: 'byline', byline: 'Petra Novak', publishedAt: '2024-03-14' },
    ],
    [
      'By Julien Marchand and Katrin Vogel',
      { kind: 'byline', byline: 'Julien Marchand and Katrin Vogel' },
    ],
    ['By Jane Doe, Senior Correspondent', { kind: 'byline', byline: 'Jane Doe' }],
    ['Written by Anna-Maria O’Neil', { kind: 'byline', byline: 'Anna-Maria O’Neil' }],
    ['Author: Ludwig van Dijk', { kind: 'byline', byline: 'Ludwig van Dijk' }],
    [
      'Posted on March 3, 2021 by Anna Lee',
      { kind: 'byline', byline: 'Anna Lee', publishedAt: '2021-03-03' },
    ],
    [
      'By Oliver Grant · 2 February 2022',
      { kind: 'byline', byline: 'Oliver Grant', publishedAt: '2022-02-02' },
    ],
    ['Published 12 September 2023', { kind: 'date', publishedAt: '2023-09-12' }],
    ['12.03.2024', { kind: 'date', publishedAt: '2024-03-12' }],
    ['Monday, 6 October 2015, 14:05', { kind: 'date', publishedAt: '2015-10-06' }],
    [
      'November 3, 2025 10:42 AM GMT+1 Updated 2 hours ago',
      { kind: 'date', publishedAt: '2025-11-03' },
    ],
    ['Last updated: 2015-10-06T09:00:00Z', { kind: 'date', publishedAt: '2015-10-06' }],
    [
      'Source: https://example.org/news/1',
      { kind: 'source-url', sourceUrl: 'https://example.org/news/1' },
    ],
    ['https://example.org/a?b=c', { kind: 'source-url', sourceUrl: 'https://example.org/a?b=c' }],
    [
      'Originally published at https://example.org/x.',
      { kind: 'source-url', sourceUrl: 'https://example.org/x' },
    ],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => {
      assert.deepEqual(matchMetadataLine(text), expected);
    });
  }

  it('reads a "source   date" header from the spaced source line', () => {
    const source = 'MFA Government\u00a0\u00a0\u00a0\u00a0\u00a0\u00a009/10/2015';
    assert.deepEqual(matchMetadataLine('MFA Government 09/10/2015', source), {
      kind: 'source-date',
      sourceName: 'MFA Government',
      publishedAt: '2015-10-09',
    });
    assert.deepEqual(matchMetadataLine('PRESS OFFICE | 2015-10-09'), {
      kind: 'source-date',
      sourceName: 'Press Office',
      publishedAt: '2015-10-09',
    });
  });

  it('honours month-first dates when asked', () => {
    assert.deepEqual(matchMetadataLine('09/10/2015', '09/10/2015', { dayFirst: false }), {
      kind: 'date',
      publishedAt: '2015-09-10',
    });
  });

  it('rejects sentences and other lines', () => {
    for (const text of [
      'By 2030 the plan should cover every village in the region.',
      'By the end of the year, prices had doubled.',
      'The talks ended on 6 October 2015 without an agreement being signed by the parties.',
      'MFA Government 09/10/2015', // without the layout gap it could be a sentence fragment
      'Kazakhstan hopes for the continuation of',
      'Most Recent Stories',
      '',
    ]) {
      assert.equal(matchMetadataLine(text), null, text);
    }
  });
});

describe('parseName', () => {
  it('proper-cases all-caps names and rejects non-names', () => {
    assert.equal(parseName('MALIKA ORAZGALIYEVA'), 'Malika Orazgaliyeva');
    assert.equal(parseName('Jean-Luc Picard,'), 'Jean-Luc Picard');
    assert.equal(parseName('the editors'), null);
    assert.equal(parseName('Staff 2'), null);
    assert.equal(parseName('One Two Three Four Five Six Seven Eight Nine'), null);
  });
});

describe('matchDateline', () => {
  it('reads wire and news datelines', () => {
    assert.deepEqual(matchDateline('PARIS, Nov 3 (Reuters) - France and Germany agreed'), {
      place: 'PARIS',
      agency: 'Reuters',
    });
    assert.deepEqual(matchDateline('ASTANA – Representatives of the Syrian opposition'), {
      place: 'ASTANA',
    });
    assert.deepEqual(matchDateline('ASTANA, 12 March 2024 — The foreign ministers'), {
      place: 'ASTANA',
      publishedAt: '2024-03-12',
    });
    assert.deepEqual(matchDateline('NEW YORK (AP) — Stocks fell'), {
      place: 'NEW YORK',
      agency: 'AP',
    });
  });

  it('ignores ordinary sentences', () => {
    assert.equal(matchDateline('The plan - which was late - passed.'), null);
    assert.equal(matchDateline('I - for one - agree.'), null);
  });
});
