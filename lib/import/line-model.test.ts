import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyBlocks } from './classify-blocks';
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
