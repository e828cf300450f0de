/**
 * Cases for exportFileName.
 */

import type { ExportFileNameInput } from './file-name';

const DATE = new Date('2026-11-24T10:00:00Z');

export const FILE_NAME_CASES: readonly {
  readonly input: ExportFileNameInput;
  readonly name: string;
}[] = [
  {
    input: { kind: 'annotated', articleTitle: 'Astana 2 talks', date: DATE, ext: 'html' },
    name: 'astana-2-talks-annotated-2026-11-24.html',
  },
  {
    input: {
      kind: 'annotated',
      articleTitle: 'Astana 2 talks',
      filter: 'all',
      date: DATE,
      ext: 'md',
    },
    name: 'astana-2-talks-annotated-all-2026-11-24.md',
  },
  {
    input: {
      kind: 'annotated',
      articleTitle: 'Astana 2 talks',
      filter: 'approved',
      date: DATE,
      ext: '.JSON',
    },
    name: 'astana-2-talks-annotated-2026-11-24.json',
  },
  {
    input: { kind: 'web-annotations', articleTitle: 'Astana 2 talks', date: DATE, ext: 'jsonld' },
    name: 'astana-2-talks-annotations-2026-11-24.jsonld',
  },
  { input: { kind: 'claims', date: DATE, ext: 'csv' }, name: 'factmark-claims-2026-11-24.csv' },
  {
    input: { kind: 'claims', filter: 'all', date: DATE, ext: 'json' },
    name: 'factmark-claims-all-2026-11-24.json',
  },
  {
    input: { kind: 'claim-review', date: DATE, ext: 'jsonld' },
    name: 'factmark-claimreview-2026-11-24.jsonld',
  },
  {
    input: {
      kind: 'annotated',
      articleTitle: '  "Café" déjà vu: ÉTÉ 2026!? ',
      date: DATE,
      ext: 'html',
    },
    name: 'cafe-deja-vu-ete-2026-annotated-2026-11-24.html',
  },
  {
    input: { kind: 'annotated', articleTitle: 'Переговоры в Астане', date: DATE, ext: 'html' },
    name: 'переговоры-в-астане-annotated-2026-11-24.html',
  },
  {
    input: {
      kind: 'annotated',
      articleTitle: '../../etc/passwd\u0000<script>',
      date: DATE,
      ext: 'html',
    },
    name: 'etc-passwd-script-annotated-2026-11-24.html',
  },
  {
    input: { kind: 'annotated', articleTitle: '😀 !!! 😀', date: DATE, ext: 'html' },
    name: 'factmark-annotated-2026-11-24.html',
  },
  {
    input: { kind: 'annotated', articleTitle: null, date: DATE, ext: 'html' },
    name: 'factmark-annotated-2026-11-24.html',
  },
  {
    input: {
      kind: 'annotated',
      articleTitle:
        'The minister said the economy grew by five percent in the last quarter of the year',
      date: DATE,
      ext: 'html',
    },
    name: 'the-minister-said-the-economy-grew-by-five-percent-in-the-annotated-2026-11-24.html',
  },
  {
    input: { kind: 'claims', date: new Date('2026-11-24T23:59:59+05:00'), ext: 'csv' },
    name: 'factmark-claims-2026-11-24.csv',
  },
];
