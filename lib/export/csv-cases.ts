/**
 * Cases for single CSV fields: the value, and exactly how it must be written.
 */

export type CsvFieldCase = {
  readonly name: string;
  readonly value: string;
  readonly field: string;
};

export const CSV_FIELD_CASES: readonly CsvFieldCase[] = [
  { name: 'plain text stays bare', value: 'GDP grew', field: 'GDP grew' },
  { name: 'empty value', value: '', field: '' },
  { name: 'comma is quoted', value: 'yes, really', field: '"yes, really"' },
  { name: 'quotes are doubled', value: 'he said "no"', field: '"he said ""no"""' },
  { name: 'LF is quoted', value: 'line 1\nline 2', field: '"line 1\nline 2"' },
  { name: 'CRLF is quoted', value: 'line 1\r\nline 2', field: '"line 1\r\nline 2"' },
  { name: 'lone CR is quoted', value: 'a\rb', field: '"a\rb"' },
  { name: 'Cyrillic passes through', value: 'Переговоры в Астане', field: 'Переговоры в Астане' },
  { name: 'Arabic passes through', value: 'محادثات أستانا', field: 'محادثات أستانا' },
  { name: 'CJK and emoji pass through', value: '阿斯塔纳会谈 😀', field: '阿斯塔纳会谈 😀' },
  { name: 'leading = is guarded', value: '=1+1', field: "'=1+1" },
  {
    name: 'formula with comma and quotes is guarded, then quoted',
    value: '=HYPERLINK("http://evil.example","click")',
    field: `"'=HYPERLINK(""http://evil.example"",""click"")"`,
  },
  { name: 'leading + is guarded', value: '+33 1 23', field: "'+33 1 23" },
  { name: 'leading - is guarded', value: '-5% growth', field: "'-5% growth" },
  { name: 'leading @ is guarded', value: '@SUM(A1:A2)', field: "'@SUM(A1:A2)" },
  { name: 'leading tab is guarded', value: '\t=cmd', field: "'\t=cmd" },
  { name: 'leading CR is guarded and quoted', value: '\r=cmd', field: `"'\r=cmd"` },
  { name: 'leading full-width = is guarded', value: '＝1+1', field: "'＝1+1" },
  { name: 'formula characters later in the text are fine', value: 'a=b+c', field: 'a=b+c' },
  { name: 'leading space is not a trigger', value: ' =1', field: ' =1' },
];
