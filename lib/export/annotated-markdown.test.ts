import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toAnnotatedMarkdown } from './annotated-markdown';
import { MARKDOWN_ESCAPE_CASES } from './markdown-cases';
import { CONFIG, NOW, annotationAt, annotationOf, makeAnnotated, makeClaim } from './test-fixtures';

const SPECIAL = new Set(['*', '_', '[', ']', '<', '>', '`', '~', '|', '&']);

/** The body paragraphs: between the first and second `---` rule. */
function bodyParagraphs(markdown: string): string[] {
  const parts = markdown.split('\n\n---\n\n');
  return (parts[1] ?? '').trimEnd().split('\n\n');
}

/** Removes the exporter's own markup (`**` runs and `[^n]` references). */
function stripMarkup(paragraph: string): string {
  return paragraph.replace(/\[\^\d+\]/g, '').replace(/(?<!\\)\*\*/g, '');
}

/** Asserts no special character is left unescaped once our markup is removed. */
function assertAllEscaped(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '\\') {
      i++;
      continue;
    }
    const entity = /^&(?:lt|gt|amp);/.exec(text.slice(i));
    if (entity) {
      i += entity[0].length - 1;
      continue;
    }
    assert.ok(!SPECIAL.has(char), `unescaped ${char} at ${i} in ${JSON.stringify(text)}`);
  }
}

/** What a CommonMark renderer shows for an escaped text. */
function unescapeMarkdown(text: string): string {
  const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };
  return text.replace(
    /\\([!-/:-@[-`{-~])|&(?:lt|gt|amp);/g,
    (match, char?: string) => char ?? entities[match] ?? match,
  );
}

describe('toAnnotatedMarkdown: escaping article text', () => {
  for (const c of MARKDOWN_ESCAPE_CASES) {
    it(c.name, () => {
      const markdown = toAnnotatedMarkdown(makeAnnotated(c.text, [], []), CONFIG, { now: NOW });
      const [paragraph] = bodyParagraphs(markdown);
      assert.equal(paragraph, c.markdown);
      assertAllEscaped(c.markdown);
      assert.equal(unescapeMarkdown(c.markdown), c.text.trim());
    });
  }

  it('escapes inside highlighted runs too, and keeps line-start escapes inside a run', () => {
    const text = '1. Prices *rose* by [50%](javascript:x) <b>today</b>';
    const markdown = toAnnotatedMarkdown(
      makeAnnotated(text, [annotationAt(text, 0, text.length, 'c1')], [makeClaim('c1')]),
      CONFIG,
      { now: NOW },
    );
    const [paragraph = ''] = bodyParagraphs(markdown);
    assert.equal(
      paragraph,
      '**1\\. Prices \\*rose\\* by \\[50%\\](javascript:x) &lt;b&gt;today&lt;/b&gt;**[^1]',
    );
    assertAllEscaped(stripMarkup(paragraph));
  });
});

describe('toAnnotatedMarkdown: footnotes and overlapping spans', () => {
  const text =
    'Alpha beta gamma delta epsilon zeta eta theta.\n\nSecond paragraph with beta again.';
  const outer = annotationOf(text, 'beta gamma delta epsilon', 'c1');
  const inner = annotationOf(text, 'gamma', 'c2');
  const crossing = annotationOf(text, 'epsilon zeta', 'c3');
  const again = annotationOf(text, 'beta', 'c1', {}, 1);
  const claims = [
    makeClaim('c1', { verdict: 'FALSE', text: 'Claim *one* <script>' }),
    makeClaim('c2', { verdict: 'TRUE' }),
    makeClaim('c3', { verdict: 'MIXED', claimant: null }),
  ];
  const markdown = toAnnotatedMarkdown(
    makeAnnotated(text, [crossing, inner, outer, again], claims),
    CONFIG,
    { now: NOW },
  );

  it('merges covered segments into one bold run with references where spans end', () => {
    assert.deepEqual(bodyParagraphs(markdown), [
      'Alpha **beta gamma[^2] delta epsilon[^1] zeta**[^3] eta theta.',
      'Second paragraph with **beta**[^1] again.',
    ]);
  });

  it('defines one footnote per claim, in number order, with the note content', () => {
    const definitions = [...markdown.matchAll(/^\[\^(\d+)\]: /gm)].map((m) => Number(m[1]));
    assert.deepEqual(definitions, [1, 2, 3]);
    assert.ok(markdown.includes('[^1]: **False:** Claim \\*one\\* &lt;script&gt;\n'));
    assert.ok(markdown.includes('    - **Claimant:** Jane Minister\n'));
    assert.ok(markdown.includes('    - **Verdict:** False\n'));
    assert.ok(markdown.includes('    - **Rationale:** Official statistics show otherwise.\n'));
    assert.ok(
      markdown.includes(
        '      - [Table 1](<https://stats.example/table-1>) (https://stats.example/table-1), accessed 2026-11-20: “Growth was 2%.”',
      ),
    );
    assert.ok(markdown.includes('    - **Reviewed:** approved by Rev Iewer on 2026-11-23'));
    const third = markdown.slice(markdown.indexOf('[^3]:'));
    assert.ok(!third.includes('Claimant'), 'no claimant line without a claimant');
  });

  it('keeps footnote bodies indented so they stay inside the footnote', () => {
    const notes = markdown.slice(markdown.indexOf('[^1]:'));
    for (const line of notes.split('\n')) {
      assert.ok(
        line === '' || line.startsWith('[^') || line.startsWith('    '),
        JSON.stringify(line),
      );
    }
  });

  it('leaves a run unbolded where CommonMark could not open it, keeping the reference', () => {
    const t = 'word"quoted" rest';
    const m = toAnnotatedMarkdown(
      makeAnnotated(t, [annotationOf(t, '"quoted"', 'c2')], claims),
      CONFIG,
      { now: NOW },
    );
    assert.deepEqual(bodyParagraphs(m), ['word"quoted"[^1] rest']);
  });

  it('moves whitespace at the edges of a run outside the ** delimiters', () => {
    const t = 'one two three';
    const m = toAnnotatedMarkdown(
      makeAnnotated(t, [annotationOf(t, ' two ', 'c2')], claims),
      CONFIG,
      {
        now: NOW,
      },
    );
    assert.deepEqual(bodyParagraphs(m), ['one **two**[^1] three']);
  });
});

describe('toAnnotatedMarkdown: links, filter and unplaced claims', () => {
  const text = 'One claim. Two claim.';
  const claim = makeClaim('c1', {
    rationale: '# Heading?\n\n- list?\n\nSee <b>this</b>.',
    evidence: [
      { url: 'javascript:alert(1)', title: 'Evil [link](x)', quote: null, accessedAt: null },
      { url: 'https://ok.example/a b)c', title: null, quote: 'a\nb', accessedAt: null },
    ],
  });
  const draft = makeClaim('c2', { reviewState: 'DRAFT', approvedAt: null, verdict: 'UNPROVEN' });
  const orphan = makeClaim('c3');
  const input = makeAnnotated(
    text,
    [
      annotationOf(text, 'One claim', 'c1'),
      annotationOf(text, 'Two claim', 'c2'),
      annotationAt(text, 5, 2, 'c3', { anchorState: 'ORPHANED', exact: 'lost *quote*' }),
    ],
    [claim, draft, orphan],
    { sourceUrl: 'javascript:alert(2)', sourceName: 'Source [x]' },
  );

  it('links only http(s) URLs, with safe destinations', () => {
    const markdown = toAnnotatedMarkdown(input, CONFIG, { now: NOW });
    assert.doesNotMatch(markdown, /\]\(<?javascript:/i);
    assert.ok(markdown.includes('  - Evil \\[link\\](x) (javascript:alert(1))'));
    assert.ok(markdown.includes('[https://ok.example/a b)c](<https://ok.example/a%20b)c>): “a b”'));
    assert.ok(markdown.includes('\n\nSource \\[x\\] · by A. Reporter'), 'source without link');
  });

  it('escapes block syntax in multi-paragraph rationales', () => {
    const markdown = toAnnotatedMarkdown(input, CONFIG, { now: NOW });
    assert.ok(
      markdown.includes(
        '- **Rationale:** \\# Heading?\n\n      \\- list?\n\n      See &lt;b&gt;this&lt;/b&gt;.',
      ),
    );
  });

  it('shows approved claims only by default; all with review state on request', () => {
    const approvedOnly = toAnnotatedMarkdown(input, CONFIG, { now: NOW });
    assert.deepEqual(bodyParagraphs(approvedOnly), ['**One claim**[^1]. Two claim.']);
    assert.ok(!approvedOnly.includes('Review state'));
    const all = toAnnotatedMarkdown(input, CONFIG, { now: NOW, filter: 'all' });
    assert.deepEqual(bodyParagraphs(all), ['**One claim**[^1]. **Two claim**[^2].']);
    assert.ok(all.includes('    - **Review state:** Draft'));
    assert.ok(all.includes('not approved yet (Draft'));
  });

  it('lists claims it cannot place in their own section, not as dangling footnotes', () => {
    const markdown = toAnnotatedMarkdown(input, CONFIG, { now: NOW });
    assert.ok(
      markdown.includes(
        '## Not located in this revision\n\n- **Claim 2.** **False:** Claim c3 text',
      ),
    );
    assert.ok(
      markdown.includes(
        '  - **Not located:** the quoted passage was not found in this revision: “lost \\*quote\\*”',
      ),
    );
    assert.ok(!markdown.includes('[^2]:'));
  });
});

describe('toAnnotatedMarkdown: HTML in user-supplied fields (issue #11)', () => {
  const hostile = '<img src=x onerror=alert(1)>';

  it('leaves no raw HTML in any field, and the rendered text reads as written', () => {
    const text = `Before ${hostile} after, with more words.`;
    const claim = makeClaim('c1', {
      text: hostile,
      claimant: hostile,
      rationale: `${hostile}\n\n<script>alert(2)</script>`,
      reviewState: 'SUBMITTED',
      reviewer: { id: 'u2', name: hostile },
      evidence: [
        { url: 'https://e.example/?q=<b>', title: hostile, quote: hostile, accessedAt: NOW },
      ],
    });
    const markdown = toAnnotatedMarkdown(
      makeAnnotated(text, [annotationOf(text, hostile, 'c1')], [claim], {
        title: hostile,
        byline: hostile,
        sourceName: hostile,
      }),
      CONFIG,
      { now: NOW, filter: 'all' },
    );
    assert.ok(!/<(?!https?:\/\/)[a-z/!?]/i.test(markdown), `raw HTML left in:\n${markdown}`);
    assert.ok(markdown.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.equal(unescapeMarkdown('&lt;img src=x onerror=alert(1)&gt;'), hostile);
  });
});
