import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { segmentStatements } from './segment';

const statementsOf = (text: string) =>
  segmentStatements(text).map((s) => text.slice(s.start, s.end));

const CASES: { name: string; text: string; expected: string[] }[] = [
  {
    name: 'keeps a month abbreviation before a day inside its sentence',
    text: 'Talks were held in Astana Oct. 2–4, officials said. They ended well.',
    expected: ['Talks were held in Astana Oct. 2–4, officials said.', 'They ended well.'],
  },
  {
    name: 'keeps a title before a name',
    text: 'Dr. Kassis spoke first. Mr. Mussinov and Prof. Baussart followed.',
    expected: ['Dr. Kassis spoke first.', 'Mr. Mussinov and Prof. Baussart followed.'],
  },
  {
    name: 'keeps U.S. when the sentence goes on in lower case',
    text: 'The U.S. delegation was absent. The U.S. sent a note.',
    expected: ['The U.S. delegation was absent.', 'The U.S. sent a note.'],
  },
  {
    name: 'keeps an initialism before a capitalised noun, not before a new sentence',
    text: 'It is home to the U.S. Embassy. Talks moved to the U.S. The delegates left.',
    expected: ['It is home to the U.S. Embassy.', 'Talks moved to the U.S.', 'The delegates left.'],
  },
  {
    name: 'ends a sentence before one that starts with a figure',
    text: 'The fund had raised $8 million by December 31st.  12,000 donors gave online. Talks began Oct. 12 in Astana. In 2004. 5 more joined.',
    expected: [
      'The fund had raised $8 million by December 31st.',
      '12,000 donors gave online.',
      'Talks began Oct. 12 in Astana.',
      'In 2004.',
      '5 more joined.',
    ],
  },
  {
    name: 'keeps a middle initial',
    text: 'John F. Kennedy spoke in Berlin. Crowds cheered.',
    expected: ['John F. Kennedy spoke in Berlin.', 'Crowds cheered.'],
  },
  {
    name: 'goes on after a question mark that lower-case words continue',
    text: 'Do They Know It’s Christmas? is tipped to top the chart. “Can they?” he asked. Who knows? Nobody.',
    expected: [
      'Do They Know It’s Christmas? is tipped to top the chart.',
      '“Can they?” he asked.',
      'Who knows?',
      'Nobody.',
    ],
  },
  {
    name: 'never joins statements across a line break',
    text: 'First paragraph ends here\nSecond paragraph starts here.',
    expected: ['First paragraph ends here', 'Second paragraph starts here.'],
  },
  {
    name: 'ends a sentence at a quoted full stop',
    text: '“We agreed,” she said. “Now we act.” Then she left.',
    expected: ['“We agreed,” she said.', '“Now we act.”', 'Then she left.'],
  },
  {
    name: 'leaves out stretches with no letter or digit',
    text: 'One.\n***\n—\nTwo.',
    expected: ['One.', 'Two.'],
  },
  {
    name: 'splits Chinese at its own full stops',
    text: '会谈在阿斯塔纳举行。双方签署了宣言。',
    expected: ['会谈在阿斯塔纳举行。', '双方签署了宣言。'],
  },
];

describe('segmentStatements', () => {
  for (const c of CASES) {
    it(c.name, () => assert.deepEqual(statementsOf(c.text), c.expected));
  }

  it('returns offsets that slice the text to the trimmed statement', () => {
    const text = '  Leading space. Trailing space.  \r\n\r\n  Next line.  ';
    for (const s of segmentStatements(text)) {
      const slice = text.slice(s.start, s.end);
      assert.equal(slice, slice.trim());
    }
    assert.deepEqual(statementsOf(text), ['Leading space.', 'Trailing space.', 'Next line.']);
  });
});
