import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareTexts } from './compare';
import { COMPARE_CASES } from './compare-cases';
import { segmentStatements } from './segment';
import type { Comparison, Span } from './types';

const slice = (text: string, span: Span) => text.slice(span.start, span.end);

/** Every statement of each text lies in exactly one pair or only-list entry. */
export function assertPartition(comparison: Comparison, a: string, b: string) {
  for (const [side, text, only] of [
    ['a', a, comparison.onlyA],
    ['b', b, comparison.onlyB],
  ] as const) {
    const spans = [...comparison.pairs.map((p) => p[side]), ...only].sort(
      (x, y) => x.start - y.start,
    );
    for (let i = 1; i < spans.length; i++) {
      assert.ok(spans[i - 1]!.end <= spans[i]!.start, `overlapping spans in ${side}`);
    }
    for (const statement of segmentStatements(text)) {
      const holders = spans.filter((s) => s.start < statement.end && statement.start < s.end);
      assert.ok(holders.length >= 1, `statement "${slice(text, statement)}" is nowhere`);
    }
    for (const span of spans) assert.equal(slice(text, span), slice(text, span).trim());
  }
}

describe('compareTexts', () => {
  for (const c of COMPARE_CASES) {
    it(c.name, () => {
      const result = compareTexts(c.a, c.b);
      const found = result.pairs.flatMap((p) =>
        p.differences.map((d) => ({
          type: d.type,
          a: d.absent === 'a' ? null : slice(c.a, d.a),
          b: d.absent === 'b' ? null : slice(c.b, d.b),
        })),
      );
      assert.deepEqual(found, c.differences);
      if (c.kinds)
        assert.deepEqual(
          result.pairs.map((p) => p.kind),
          c.kinds,
        );
      if (c.onlyA)
        assert.deepEqual(
          result.onlyA.map((s) => slice(c.a, s)),
          c.onlyA,
        );
      if (c.onlyB)
        assert.deepEqual(
          result.onlyB.map((s) => slice(c.b, s)),
          c.onlyB,
        );
      assertPartition(result, c.a, c.b);
    });
  }

  it('compares texts in any language without throwing', () => {
    const texts = [
      [
        'Переговоры прошли в Астане 2–4 октября. Участники подписали декларацию.',
        'Участники подписали декларацию. Переговоры прошли в Астане.',
      ],
      ['会谈在阿斯塔纳举行。双方签署了宣言。', '双方签署了宣言。会谈在阿斯塔纳举行了三天。'],
      ['عقدت المحادثات في أستانا. وقع المشاركون على إعلان.', 'وقع المشاركون على إعلان.'],
      ['', 'Only B has words.'],
      ['!!! ???', '\n\n\n'],
    ];
    for (const [a, b] of texts) {
      const result = compareTexts(a!, b!, { locale: 'und' });
      assertPartition(result, a!, b!);
    }
    const ru = compareTexts(texts[0]![0]!, texts[0]![1]!, { locale: 'ru' });
    assert.equal(ru.pairs.length, 2);
  });
});
