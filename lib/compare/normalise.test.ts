import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractDates } from './dates';
import { extractNumbers, findQuotes, keyOf, tokenize } from './normalise';

const whole = (text: string) => ({ start: 0, end: text.length });
const numbers = (text: string) =>
  extractNumbers(text, whole(text)).map((n) => [text.slice(n.start, n.end), n.value]);

describe('keyOf', () => {
  const SAME: [string, string][] = [
    ['twelve', '12'],
    ['Said', 'stated'],
    ['added', 'said'],
    ['Kazakhstan’s', "Kazakhstan's"],
    ['talks', 'talk'],
    ['envisages', 'envisaging'],
    ['organisation', 'organization'],
    ['1,200', '1200'],
    ['Gen', 'General'],
    ['Co', 'Company'],
    ['Sgt', 'sergeant'],
    ['Oct', 'October'],
    ['cautioned', 'warns'],
    ['killings', 'killed'],
  ];
  for (const [x, y] of SAME)
    it(`folds "${x}" and "${y}" to one key`, () => assert.equal(keyOf(x), keyOf(y)));

  const DIFFERENT: [string, string][] = [
    ['announced', 'added'],
    ['claimed', 'said'],
    ['cautions', 'said'],
    ['12', '13'],
    ['Russia', 'Georgia'],
    ['co', 'company'],
  ];
  for (const [x, y] of DIFFERENT)
    it(`keeps "${x}" and "${y}" apart`, () => assert.notEqual(keyOf(x), keyOf(y)));
});

describe('tokenize', () => {
  it('marks no names in a title-case heading, and keeps them in a sentence of names', () => {
    const names = (text: string) =>
      tokenize(text, whole(text))
        .filter((t) => t.capitalised)
        .map((t) => text.slice(t.start, t.end));
    assert.deepEqual(names('Band Aid Video Gets Cross-Channel Screening'), []);
    assert.deepEqual(names('Fran Healy, Will Young and Ms Dynamite are on board.'), [
      'Healy',
      'Young',
      'Ms',
      'Dynamite',
    ]);
  });

  it('marks capitalised words after the first as likely names, not function words', () => {
    const text = 'The talks in Astana were mediated by Askar Mussinov.';
    const names = tokenize(text, whole(text))
      .filter((t) => t.capitalised)
      .map((t) => text.slice(t.start, t.end));
    assert.deepEqual(names, ['Astana', 'Askar', 'Mussinov']);
  });

  it('splits unspaced scripts into words', () => {
    const text = '双方签署了宣言';
    assert.ok(tokenize(text, whole(text), 'zh').length > 1);
  });
});

describe('extractNumbers', () => {
  it('reads "29 of the 37" as one proportion', () =>
    assert.deepEqual(numbers('signed by 29 of the 37 participants'), [['29 of the 37', '29/37']]));
  it('leaves a number that is part of a designation to the name', () =>
    assert.deepEqual(numbers('asteroid 2004 MN4 passes 30 km away'), [['30', '30']]));
  it('reads a capitalised number word inside a sentence (after a dateline)', () =>
    assert.deepEqual(numbers('BAGHDAD, Iraq (CNN) -- Two car bombs killed sixteen people'), [
      ['Two', '2'],
      ['sixteen', '16'],
    ]));
  it('reads number words through compromise', () =>
    assert.deepEqual(numbers('twelve ministers and thirty-five advisers'), [
      ['twelve', '12'],
      ['thirty-five', '35'],
    ]));
  it('reads percentages and amounts', () =>
    assert.deepEqual(numbers('up 5 per cent to $3 million, or 5%'), [
      ['5 per cent', '5%'],
      ['$3 million', '$3000000'],
      ['5%', '5%'],
    ]));
  it('gives one value to the same amount written differently', () => {
    const value = (text: string) => extractNumbers(text, whole(text)).map((n) => n.value);
    assert.deepEqual(value('$3m'), value('$3 million'));
    assert.deepEqual(value('3.5 million'), value('3,500,000'));
    assert.deepEqual(value('$1,200'), value('$1200'));
    assert.deepEqual(value('2.1bn'), value('2.1 billion'));
    assert.deepEqual(value('4.50'), value('4.5'));
    assert.notDeepEqual(value('5m'), value('5 million'));
  });
  it('leaves out numbers inside excluded spans (dates)', () => {
    const text = 'On May 28, 37 people came.';
    assert.deepEqual(
      extractNumbers(text, whole(text), [{ start: 3, end: 9 }]).map((n) => n.value),
      ['37'],
    );
  });
  it('does not read "one" or "a second" as counts', () =>
    assert.deepEqual(numbers('one of the first to call for a second round'), []));
});

describe('extractDates', () => {
  const value = (text: string) => extractDates(text).map((d) => d.value);
  it('gives "Oct. 2" and "October 2" the same value', () =>
    assert.deepEqual(value('on Oct. 2'), value('on October 2')));
  it('tells May 28 from May 29', () => assert.notDeepEqual(value('on May 28'), value('on May 29')));
  it('keeps only the stated parts (no invented year)', () =>
    assert.deepEqual(value('in February 2016'), ['year=2016,month=2']));
  it('gives "May 25 – 27" and "May 25–27" the same value', () =>
    assert.deepEqual(value('May 25 – 27'), value('May 25–27')));
  it('reads a range', () => assert.deepEqual(value('Oct. 2–4'), ['month=10,day=2..day=4']));
  it('reads a bare year after a preposition of time', () =>
    assert.deepEqual(value('ruled from 1973 until 1990, bankrupt in 2002'), [
      'year=1973',
      'year=1990',
      'year=2002',
    ]));
  it('leaves a four-digit count or code alone', () =>
    assert.deepEqual(value('for 2004 MN4, with 1990 seats'), []));
});

describe('findQuotes', () => {
  it('finds curly and straight quotations', () => {
    const text = '“We agree,” she said, and "we act".';
    assert.deepEqual(
      findQuotes(text, whole(text)).map((q) => text.slice(q.start, q.end)),
      ['We agree,', 'we act'],
    );
  });
  it('reads two apostrophes as a double quotation mark, and one as an apostrophe', () => {
    const text = "''It had been our hope,'' the general's aide said.";
    assert.deepEqual(
      findQuotes(text, whole(text)).map((q) => text.slice(q.start, q.end)),
      ['It had been our hope,'],
    );
  });
});
