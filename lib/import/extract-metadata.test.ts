import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractMetadata } from './extract-metadata';

const BODY = [
  'The regional council approved the new water plan on Tuesday after a debate that lasted most of the afternoon.',
  'Officials said that the plan would cost about 12 million euros over five years and that most of it would go on pipes.',
].join('\n\n');

const page = (...head: string[]) => [...head, BODY].join('\n\n');

describe('extractMetadata', () => {
  it('returns nothing for empty input', () => {
    assert.deepEqual(extractMetadata(''), {});
    assert.deepEqual(extractMetadata('   \n\n  '), {});
  });

  it('reads the date formats news pages use', () => {
    const cases: [string, string][] = [
      ['By Ann Lee in WORLD on 6 OCTOBER 2015', '2015-10-06'],
      ['By Ann Lee | October 6, 2015', '2015-10-06'],
      ['Published: 09/10/2015', '2015-10-09'],
      ['Published 2015-10-06T08:00:00Z', '2015-10-06'],
      ['Oct. 6, 2015 — 10:42 AM', '2015-10-06'],
    ];
    for (const [line, iso] of cases) {
      assert.equal(extractMetadata(page('# Water Plan Approved', line)).publishedAt, iso, line);
    }
  });

  it('reads numeric dates month first when asked', () => {
    const raw = page('# Water Plan Approved', 'Published: 09/10/2015');
    assert.equal(extractMetadata(raw, { dayFirst: false }).publishedAt, '2015-09-10');
  });

  it('takes the article heading as title, not the masthead', () => {
    const raw =
      page('# THE EXAMPLE TIMES', 'BRINGING NEWS TO YOU', '## Water Plan Approved') +
      '\n\n© THE EXAMPLE TIMES';
    assert.deepEqual(extractMetadata(raw), {
      title: 'Water Plan Approved',
      sourceName: 'The Example Times',
    });
  });

  it('falls back to a plain title line when the page has no headings', () => {
    assert.deepEqual(extractMetadata(page('Water Plan Approved After Long Debate', 'By Ann Lee')), {
      title: 'Water Plan Approved After Long Debate',
      byline: 'Ann Lee',
    });
  });

  it('prefers a source header over a dateline agency over the masthead', () => {
    const wire =
      'PARIS, Nov 3 (Reuters) - The regional council approved the new water plan after a long debate.';
    assert.equal(
      extractMetadata(['# Example Times', '## Plan', wire].join('\n\n')).sourceName,
      'Reuters',
    );
    const header = 'Ministry Press Office\u00a0\u00a0\u00a0\u00a012/03/2024';
    assert.deepEqual(extractMetadata([header, '# Example Times', '## Plan', wire].join('\n\n')), {
      title: 'Plan',
      sourceName: 'Ministry Press Office',
      publishedAt: '2024-03-12',
    });
  });

  it('takes the date from a dateline when no metadata line has one', () => {
    const lead =
      'ASTANA, 12 March 2024 — The regional council approved the new water plan after a long debate.';
    assert.equal(extractMetadata([lead, BODY].join('\n\n')).publishedAt, '2024-03-12');
  });

  it('finds a source URL line before or after the article', () => {
    assert.equal(
      extractMetadata(page('Source: https://example.org/a')).sourceUrl,
      'https://example.org/a',
    );
    assert.equal(
      extractMetadata(`${BODY}\n\nhttps://example.org/b`).sourceUrl,
      'https://example.org/b',
    );
  });

  it('uses the first byline and date before the article', () => {
    const raw = page('## Plan', 'By Ann Lee', 'Published 1 March 2024', 'Updated 2 March 2024');
    assert.deepEqual(extractMetadata(raw), {
      title: 'Plan',
      byline: 'Ann Lee',
      publishedAt: '2024-03-01',
    });
  });

  it('works with Windows line endings', () => {
    const raw = page('# Water Plan Approved', 'By Ann Lee | October 6, 2015').replace(
      /\n/g,
      '\r\n',
    );
    assert.deepEqual(extractMetadata(raw), {
      title: 'Water Plan Approved',
      byline: 'Ann Lee',
      publishedAt: '2015-10-06',
    });
  });
});
