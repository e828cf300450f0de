import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareArticles,
  comparePrepared,
  prepareComparison,
  estimateSimilarity,
  minHashSignature,
  textFingerprint,
  textSimilarity,
} from './fingerprint';

const ARTICLE = [
  'The regional council approved the new water plan on Tuesday after a debate that lasted most of the afternoon.',
  'Officials said that the plan would cost about 12 million euros over five years and that most of it would be spent on pipes.',
  'Opposition members said they would ask for an independent audit of the costs before the works begin in the spring.',
  'Farmers in the north of the region welcomed the plan but asked for metering to be paid by the state.',
].join('\n\n');

describe('textFingerprint', () => {
  it('ignores case, punctuation, markup and spacing', () => {
    const reformatted = `  ${ARTICLE.toUpperCase().replace(/\n\n/g, '\n').replace(/,/g, '')}  `;
    assert.equal(textFingerprint(reformatted), textFingerprint(ARTICLE));
    assert.match(textFingerprint(ARTICLE), /^[0-9a-f]{16}$/);
  });

  it('changes when a word changes', () => {
    assert.notEqual(
      textFingerprint(ARTICLE),
      textFingerprint(ARTICLE.replace('Tuesday', 'Monday')),
    );
  });
});

describe('textSimilarity and compareArticles', () => {
  it('is 1 for the same text and 0 for unrelated texts', () => {
    assert.deepEqual(textSimilarity(ARTICLE, ARTICLE), { jaccard: 1, containment: 1 });
    assert.deepEqual(textSimilarity(ARTICLE, 'Completely different words about football scores.'), {
      jaccard: 0,
      containment: 0,
    });
  });

  it('classifies identical, near-duplicate, contained and distinct articles', () => {
    assert.equal(compareArticles(ARTICLE, ARTICLE.toLowerCase()).relation, 'identical');
    assert.equal(
      compareArticles(ARTICLE, ARTICLE.replace('Tuesday', 'Monday')).relation,
      'near-duplicate',
    );
    const firstHalf = ARTICLE.split('\n\n').slice(0, 2).join('\n\n');
    assert.equal(compareArticles(firstHalf, ARTICLE).relation, 'contains');
    assert.equal(
      compareArticles(ARTICLE, 'Football scores from the weekend.').relation,
      'distinct',
    );
  });
});

describe('minHashSignature', () => {
  it('is deterministic and of the requested size', () => {
    assert.deepEqual(minHashSignature(ARTICLE), minHashSignature(ARTICLE));
    assert.equal(minHashSignature(ARTICLE).length, 64);
    assert.equal(minHashSignature(ARTICLE, 16).length, 16);
  });

  it('estimates the Jaccard similarity', () => {
    const edited = ARTICLE.replace('Tuesday', 'Monday').replace('pipes', 'new pipes and pumps');
    const exact = textSimilarity(ARTICLE, edited).jaccard;
    const estimate = estimateSimilarity(
      minHashSignature(ARTICLE, 256),
      minHashSignature(edited, 256),
    );
    assert.ok(Math.abs(estimate - exact) < 0.1, `estimate ${estimate} vs ${exact}`);
    assert.equal(estimateSimilarity(minHashSignature(ARTICLE), minHashSignature(ARTICLE)), 1);
  });

  it('gives empty texts no similarity and rejects mismatched sizes', () => {
    assert.equal(estimateSimilarity(minHashSignature(''), minHashSignature('')), 0);
    assert.throws(() => estimateSimilarity([1, 2], [1]), /differ in size/);
  });
});

describe('prepared comparisons', () => {
  it('give exactly what compareArticles gives, preparing each text once', () => {
    const texts = [
      ARTICLE,
      `${ARTICLE} One more sentence at the end of it.`,
      'Something else entirely.',
    ];
    const prepared = texts.map(prepareComparison);
    for (let i = 0; i < texts.length; i++) {
      for (let j = 0; j < texts.length; j++) {
        assert.deepEqual(
          comparePrepared(prepared[i]!, prepared[j]!),
          compareArticles(texts[i]!, texts[j]!),
        );
      }
    }
  });
});
