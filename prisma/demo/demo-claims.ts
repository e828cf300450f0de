/**
 * Demo claims on the two sample reports of the Astana-2 talks, so a newcomer sees the editor at
 * work: several verdicts, evidence, one claim found in both articles, one pair of overlapping
 * highlights, some already reviewed. Spans are found by their passage in the article text.
 */
import type { ReviewState, Verdict } from '../../lib/domain';

export interface DemoSpan {
  /** seedKey of the demo article. */
  article: 'demo:mfa-astana-2-talks' | 'demo:astana-times-astana-2-talks';
  passage: string;
}

export interface DemoClaim {
  text: string;
  claimant: string;
  verdict: Verdict;
  rationale: string;
  reviewState: ReviewState;
  evidence: { url: string; title: string; quote: string | null; accessedAt: string }[];
  spans: DemoSpan[];
}

const MFA = 'demo:mfa-astana-2-talks' as const;
const TIMES = 'demo:astana-times-astana-2-talks' as const;

export const DEMO_CLAIMS: readonly DemoClaim[] = [
  {
    text: 'President Nazarbayev accepted the Syrian opposition’s request to host talks in Astana.',
    claimant: 'Kazakhstan’s Ministry of Foreign Affairs; The Astana Times',
    verdict: 'TRUE',
    rationale:
      'Both reports say so, and the first round of talks (25–27 May 2015) and the joint “Astana Declaration” of 28 May did take place in Astana.',
    reviewState: 'APPROVED',
    evidence: [
      {
        url: 'https://astanatimes.com/',
        title:
          'The Astana Times: Representatives of Syrian Opposition Meet in Astana (6 October 2015)',
        quote:
          'Nazarbayev accepted their proposal to help in hosting talks on the civil war in Syria.',
        accessedAt: '2026-11-20',
      },
    ],
    spans: [
      { article: MFA, passage: 'Nazarbayev accepted their proposal' },
      {
        article: TIMES,
        passage:
          'Nazarbayev accepted their proposal to help in hosting talks on the civil war in Syria',
      },
    ],
  },
  {
    text: '29 of the 37 participants signed the joint declaration.',
    claimant: 'Kazakhstan’s Ministry of Foreign Affairs',
    verdict: 'UNPROVEN',
    rationale:
      'The Astana Times confirms 37 attendees but says only that “the parties signed a declaration”; no list of signatories was found.',
    reviewState: 'SUBMITTED',
    evidence: [],
    spans: [{ article: MFA, passage: 'a joint declaration signed by 29 of the 37 participants' }],
  },
  {
    text: 'Nazarbayev proposed a Global Strategic Initiative at the UN General Assembly days before the talks.',
    claimant: 'Gulshara Abdykalikova, Secretary of State',
    verdict: 'TRUE',
    rationale:
      'Nazarbayev addressed the 70th UN General Assembly in late September 2015 and presented the initiative there.',
    reviewState: 'APPROVED',
    // A definitive verdict is submitted only with a source.
    evidence: [
      {
        url: 'https://gadebate.un.org/en/70/kazakhstan',
        title: 'General Debate of the 70th Session: Kazakhstan (28 September 2015)',
        quote: null,
        accessedAt: '2026-11-20',
      },
    ],
    spans: [
      {
        article: MFA,
        passage:
          'Addressing the United Nations General Assembly a few days prior to the talks, Nazarbayev proposed a Global Strategic Initiative',
      },
    ],
  },
  {
    text: 'The Global Strategic Initiative sets a 2045 horizon for a new trend in global development.',
    claimant: 'Gulshara Abdykalikova, Secretary of State',
    verdict: 'MOSTLY_TRUE',
    rationale:
      'The initiative is named “Global Strategic Initiative 2045”; the “new trend” wording is the ministry’s paraphrase.',
    reviewState: 'DRAFT',
    evidence: [],
    // Overlaps the claim above on “a Global Strategic Initiative”.
    spans: [
      {
        article: MFA,
        passage:
          'a Global Strategic Initiative to create by 2045 a new trend in global development',
      },
    ],
  },
  {
    text: 'The second round was attended by 37 people.',
    claimant: 'The Astana Times',
    verdict: 'TRUE',
    rationale: 'Matches the ministry’s figure of 37 participants.',
    reviewState: 'DRAFT',
    evidence: [],
    spans: [{ article: TIMES, passage: 'The second round was attended by 37 people' }],
  },
  {
    text: 'Randa Kassis was one of the first to call for talks in Astana.',
    claimant: 'Kazakhstan’s Ministry of Foreign Affairs',
    verdict: 'UNVERIFIED',
    rationale: '',
    reviewState: 'DRAFT',
    evidence: [],
    spans: [
      {
        article: MFA,
        passage: 'Randa Kassis, who was one of the first to call for talks in Astana',
      },
    ],
  },
];
