/** Case table for parse-date.test.ts: text -> ISO date (null: not a date). */

export interface DateCase {
  text: string;
  iso: string | null;
  dayFirst?: boolean;
}

export const DATE_CASES: readonly DateCase[] = [
  { text: '6 OCTOBER 2015', iso: '2015-10-06' },
  { text: '6 October 2015', iso: '2015-10-06' },
  { text: '06 Oct 2015', iso: '2015-10-06' },
  { text: '6th of October, 2015', iso: '2015-10-06' },
  { text: 'October 6, 2015', iso: '2015-10-06' },
  { text: 'Oct. 6, 2015', iso: '2015-10-06' },
  { text: 'Oct 6 2015', iso: '2015-10-06' },
  { text: 'October 6th, 2015', iso: '2015-10-06' },
  { text: 'Sept. 30, 2015', iso: '2015-09-30' },
  { text: 'Tuesday, 6 October 2015', iso: '2015-10-06' },
  { text: '09/10/2015', iso: '2015-10-09' },
  { text: '09/10/2015', iso: '2015-09-10', dayFirst: false },
  { text: '9.10.2015', iso: '2015-10-09' },
  { text: '9-10-2015', iso: '2015-10-09' },
  { text: '25/10/2015', iso: '2015-10-25', dayFirst: false },
  { text: '10/25/2015', iso: '2015-10-25' },
  { text: '2015-10-06', iso: '2015-10-06' },
  { text: '2015-10-06T14:30:00Z', iso: '2015-10-06' },
  { text: '2015-10-06T14:30:00+06:00', iso: '2015-10-06' },
  { text: '2015/10/06', iso: '2015-10-06' },
  { text: '29 February 2016', iso: '2016-02-29' },
  { text: '29 February 2015', iso: null },
  { text: '31 April 2015', iso: null },
  { text: '13/13/2015', iso: null },
  { text: '2015-13-01', iso: null },
  { text: '6 October', iso: null },
  { text: '09/10/15', iso: null },
  { text: '6 October 1776', iso: null },
  { text: 'October 2015', iso: null },
  { text: 'on 6 October 2015', iso: null },
  { text: '', iso: null },
];

export interface FindDateCase {
  text: string;
  iso: string | null;
  match?: string;
}

export const FIND_DATE_CASES: readonly FindDateCase[] = [
  {
    text: 'BY MALIKA ORAZGALIYEVA in INTERNATIONAL on 6 OCTOBER 2015',
    iso: '2015-10-06',
    match: '6 OCTOBER 2015',
  },
  { text: 'MFA Government            09/10/2015', iso: '2015-10-09', match: '09/10/2015' },
  { text: 'Published: March 14, 2024 at 10:42', iso: '2024-03-14', match: 'March 14, 2024' },
  {
    text: 'Updated 2024-03-15, first published 14 March 2024',
    iso: '2024-03-15',
    match: '2024-03-15',
  },
  { text: 'talks on May 25–27 ended', iso: null },
  { text: 'build 3.1.2015.7 of the app', iso: null },
  { text: 'phone 12/10/2015/77', iso: null },
];
