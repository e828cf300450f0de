/**
 * Expected cleaning of every page fixture in ./fixtures, written by hand from reading each page:
 * the exact article text (blocks joined by a blank line), every removed group with its reason
 * and 1-based line range, and the metadata. Used by pages.test.ts.
 */
import type { ArticleMetadata, RemovalReason } from './types';

/** One expected removed group. */
export interface ExpectedRemoval {
  reason: RemovalReason;
  startLine: number;
  endLine: number;
  /** Plain text of the group's blocks, one a line. */
  text: string;
}

/** Expected result of cleaning one fixture. */
export interface PageCase {
  /** File name in ./fixtures. */
  file: string;
  description: string;
  /** The article's blocks; the cleaned text is them joined by "\n\n". */
  paragraphs: string[];
  /** Indices in `paragraphs` that are headings. */
  headings: number[];
  removed: ExpectedRemoval[];
  metadata: ArticleMetadata;
}

export const PAGE_CASES: readonly PageCase[] = [
  {
    file: 'astana-times-astana-2-talks-scraped.txt',
    description: 'scraped news page: masthead, menu, two link lists cutting sentences, footer',
    headings: [],
    paragraphs: [
      // The headline is the title (removed as 'headline'), not a body paragraph.
      `ASTANA – Representatives of the Syrian opposition held a fresh round of consultations in Astana Oct. 2–4.`,
      `Kazakh Deputy Foreign Minister Askar Mussinov and Director of the French Centre for Political and Foreign Affairs Fabien Baussart mediated the talks. Secretary of State of Kazakhstan Gulshara Abdykalikova offered opening remarks.`,
      `Abdykalikova emphasised that Kazakh President Nursultan Nazarbayev supports initiatives to restore trust in international relations and strengthen peace and security based on international law. To this end, just a few days prior, Nazarbayev proposed a 2045 Global Strategic Initiative during the United Nations General Assembly, she said.`,
      // Rejoined across the "Most Recent Stories" list.
      `According to Abdykalikova, Kazakhstan hopes for the continuation of talks between the Syrian authorities and the opposition in the framework of the Geneva process. “We want to give a hand to the Syrian people, who are experiencing great difficulties, in particular, food and medicine [shortages]. Kazakhstan supports efforts by the UN, the League of Arab States, the U.S., Russia and other stakeholders in Syria and believes the crisis must be resolved through genuine political dialogue between Syrian authorities and the opposition,” Abdykalikova said.`,
      `She noted that Kazakhstan hosted a meeting of Syrian opposition leaders, which provided an opportunity to discuss the political situation in Syria and possible solutions, such as the creation of a provisional government, on May 25–27. The negotiations were based on the following key agreements: a need to follow the Geneva principles in finding a solution, the condemnation of all forms of terrorism and a collective call to end foreign paramilitary involvement, she stressed.`,
      `Abdykalikova noted that this round of talks included higher level representatives than previous discussions.`,
      `Following the talks, the parties signed a declaration that envisages further measures of resolution for the Syrian crisis and the organisation of meetings.`,
      `The participants thanked Kazakhstan’s government, particularly President Nazarbayev, for providing a dialogue platform to address the Syrian crisis.`,
      `“During the first round of consultation, a number of documents were signed with initiatives to counter the crisis. In the second round, initiatives on the rapid solution of the Syrian crisis were added,” Syrian politician Randa Kassis said.`,
      `The participants of the second round, “Astana-2,” paid special attention to the electoral process, emphasising the fact that elections should be open to all citizens, regardless of their location in the country or abroad.`,
      `In addition, it was decided to establish new reforms or to reform some of the constitution clauses that do not currently allow for fair elections, to create a new committee of negotiators, as well as fight against terrorism.`,
      // Rejoined across the second list and its "View More" link.
      `“I want to emphasise one point, which was not discussed during Astana-1. We once again ask [for the release of] prisoners captured by terror operatives. We have agreed with initiatives to participate in elections in February 2016,” Kassis added.`,
      `The second round was attended by 37 people, including representatives of different political offices.`,
      `Earlier this spring, representatives of the Syrian opposition publicly asked Kazakhstan to host talks on the Syrian crisis. Nazarbayev accepted their proposal to help in hosting talks on the civil war in Syria. Following intense and complicated negotiations in Astana, the participants issued a joint statement in Arabic on May 28 titled “Astana Declaration for a Political Solution in Syria.”`,
    ],
    removed: [
      {
        reason: 'site-header',
        startLine: 5,
        endLine: 7,
        text: `THE ASTANA TIMES\nBRINGING KAZAKHSTAN TO THE WORLD`,
      },
      {
        reason: 'navigation',
        startLine: 9,
        endLine: 9,
        text: `All Stories Nation International Business Central Asia Tourism Opinions Kazakhstan Born Bold`,
      },
      {
        reason: 'headline',
        startLine: 13,
        endLine: 13,
        text: `Representatives of Syrian Opposition Meet in Astana`,
      },
      {
        reason: 'metadata',
        startLine: 15,
        endLine: 15,
        text: `BY MALIKA ORAZGALIYEVA in INTERNATIONAL on 6 OCTOBER 2015`,
      },
      {
        reason: 'related',
        startLine: 30,
        endLine: 42,
        text: [
          `Most Recent Stories`,
          `Tokyo Steps Up Central Asia Engagement with High-Level Foreign Minister Visit`,
          `Kazakh Nation Cherishes Century-Old Love of Horses`,
          `Kazakhstan, Japan Pledge to Deepen Strategic Partnership`,
          `Yinka Shonibare's Wind Sculpture Installed at Almaty Museum of Arts`,
          `With Nearly 18,000 Electric Vehicles, Kazakhstan Sees Growing Shift to Eco-Transport`,
          `Kazakhstan, US Launch`,
        ].join('\n'),
      },
      {
        reason: 'related',
        startLine: 62,
        endLine: 72,
        text: [
          `Rare Earth Exploration in Kostanai Region`,
          `Kazakhstan Advances Trade Growth and Export Diversification`,
          `Kazakhstan’s Constitution at 30: What Has Been Achieved?`,
          `Astana Finance Days 2025 Forum to Kick Off Next Week`,
          `Social Protection: Not Option but Necessity in Asia and Pacific`,
          `View More »`,
        ].join('\n'),
      },
      {
        reason: 'subscribe',
        startLine: 80,
        endLine: 80,
        text: `Get The Astana Times stories sent directly to you! Sign up via the website or subscribe to our X, Facebook, Instagram, Telegram, YouTube and Tiktok!`,
      },
      {
        reason: 'footer',
        startLine: 82,
        endLine: 100,
        text: [
          `THE ASTANA TIMES`,
          `Search:`,
          `All Stories Astana Business Central Asia Subscribe`,
          `Culture Dialogue of Civilisations Editorials Editor's Picks Submit`,
          `International Nation`,
          `Constitutional Referendum National Overview Official Opinions`,
          `People Society`,
          `Sports State of the Nation Tourism Kazakhstan Born Bold`,
          `© 2010-2025 THE ASTANA TIMES PRIVACY POLICY ABOUT US`,
          `CONTACT US: INFO@ASTANATIMES.COM`,
        ].join('\n'),
      },
    ],
    metadata: {
      title: 'Representatives of Syrian Opposition Meet in Astana',
      byline: 'Malika Orazgaliyeva',
      sourceName: 'The Astana Times',
      publishedAt: '2015-10-06',
    },
  },
  {
    file: 'mfa-astana-2-talks.txt',
    description:
      'plain copy, one paragraph a line: source/date header, a paragraph repeated cut short',
    headings: [],
    paragraphs: [
      `Representatives of the Syrian opposition held a second round of consultations in Astana Oct. 2–4, resulting in a joint declaration signed by 29 of the 37 participants envisaging further possible measures for resolving the crisis in Syria and calling for more meetings.`,
      `“During the first round of consultation, a number of documents were signed with initiatives to counter the crisis. In the second round, initiatives on the rapid solution of the Syrian crisis were added,” Syrian politician Randa Kassis, who was one of the first to call for talks in Astana, said.`,
      // The no-break spaces after "it." and "terrorism." become ordinary spaces.
      `At the second round of talks, “Astana-2,” participants paid particular attention to the electoral process in Syria, emphasising that elections needed to be open to all citizens, regardless of their location in the country or abroad. It was resolved to reform barriers to free elections in the country, either by establishing new legislation or be reforming clauses of the constitution that inhibit it. Participants also agreed to create a new committee of negotiators and to maintain the fight against terrorism. They also urged the release of prisoners captured by terrorists, reported The Astana Times.`,
      `“I want to emphasise one point, which was not discussed during Astana-1. We once again ask [for the release of] prisoners captured by terror operatives. We have agreed with initiatives to participate in elections in February 2016,” Kassis announced.`,
      `Among the participants in the second round of talks were representatives of different political forces. The participants thanked Kazakhstan’s government, particularly President Nazarbayev, for providing them with a dialogue platform from which to address the ongoing crisis in Syria.`,
      `The October talks were mediated by Deputy Foreign Minister of Kazakhstan Askar Mussinov and Director of the French Centre for Political and Foreign Affairs Fabien Baussart, and Secretary of State of Kazakhstan Gulshara Abdykalikova offered opening remarks.`,
      `Kazakhstan hopes talks between the Syrian authorities and the opposition in the framework of the Geneva process will continue, Abdykalikova said, addressing the participants. “We want to give a hand to the Syrian people, who are experiencing great difficulties; in particular, food and medicine [shortages]. Kazakhstan supports efforts by the UN, the League of Arab States, the U.S., Russia and other stakeholders in Syria and believes the crisis must be resolved through genuine political dialogue between Syrian authorities and the opposition,” she explained.`,
      // The longer of the two "In her statement" copies is kept.
      `In her statement, Abdykalikova emphasised President of Kazakhstan Nursultan Nazarbayev’s support for international efforts based on international law geared toward restoring trust between nations and strengthening peace and security. Addressing the United Nations General Assembly a few days prior to the talks, Nazarbayev proposed a Global Strategic Initiative to create by 2045 a new trend in global development based on fair conditions giving all nations equal access to infrastructure, resources and markets, she noted.`,
      `The May 25 – 27 round of talks among Syrian opposition leaders that Kazakhstan hosted provided an opportunity to discuss the political situation in the embattled country, Abdykalikova noted, and resulted in some possible solutions, such as the creation of a provisional government. She stressed that those negotiations were based on key agreements, including the need to follow the Geneva principles in finding a solution, the condemnation of all forms of terrorism and a collective call to end foreign paramilitary involvement.`,
      `The secretary of state noted that this round of talks involved representatives of a higher level than previous discussions.`,
      `This spring, representatives of the Syrian opposition publicly asked Kazakhstan to host talks on the crisis. Nazarbayev accepted their proposal. Following intense and complicated negotiations in Astana, the participants issued a joint statement on May 28 titled “Astana Declaration for a Political Solution in Syria.”`,
    ],
    removed: [
      { reason: 'metadata', startLine: 1, endLine: 1, text: `MFA Government 09/10/2015` },
      {
        reason: 'duplicate',
        startLine: 10,
        endLine: 10,
        text: `In her statement, Abdykalikova emphasised President of Kazakhstan Nursultan Nazarbayev’s support for international efforts based on international law geared toward restoring trust between nations and strengthening peace and security. Addressing the United Nations General Assembly a few days prior to the talks, Nazarbayev proposed a Global Strategic Initiative to create by 2045 a new trend in global development based on fair conditions giving all nations.`,
      },
    ],
    metadata: { sourceName: 'MFA Government', publishedAt: '2015-10-09' },
  },
  {
    file: 'news-site.txt',
    description:
      'news site: skip link, menu, breadcrumbs, share buttons, comment count, related and most-read lists',
    headings: [],
    paragraphs: [
      // The headline is the title (removed as 'headline'), not a body paragraph.
      `The Iron Gate road bridge over the Danube reopened to traffic on Thursday after a two-year repair programme that cost 48 million euros, the regional transport authority said.`,
      `Engineers replaced 212 steel cables and resurfaced the full 1.2-kilometre deck. The authority said heavy lorries would be allowed back from April 1, once load tests are complete.`,
      `“We have a bridge that should last another fifty years,” chief engineer Marta Ilić told reporters at the opening ceremony.`,
      `Local businesses on both banks had complained that the closure forced a detour of more than 90 kilometres. A survey by the chamber of commerce found that 38 percent of shops in the border towns lost revenue during the works.`,
      `The authority said tolls would remain unchanged until the end of the year.`,
    ],
    removed: [
      { reason: 'navigation', startLine: 1, endLine: 1, text: `Skip to main content` },
      { reason: 'site-header', startLine: 3, endLine: 3, text: `The Daily Ledger` },
      {
        reason: 'navigation',
        startLine: 5,
        endLine: 7,
        text: `Home | World | Politics | Business | Science | Opinion | Sign in\nHome › World › Europe`,
      },
      {
        reason: 'headline',
        startLine: 9,
        endLine: 9,
        text: `Danube Bridge Reopens After Two-Year Repair Programme`,
      },
      { reason: 'metadata', startLine: 11, endLine: 11, text: `By Petra Novak | March 14, 2024` },
      { reason: 'social', startLine: 13, endLine: 13, text: `Share on Facebook Share on X Email` },
      { reason: 'comments', startLine: 15, endLine: 15, text: `💬 14 comments` },
      {
        reason: 'related',
        startLine: 25,
        endLine: 29,
        text: [
          `Related coverage`,
          `Rail freight volumes hit record on Danube corridor`,
          `Why Europe's bridges are ageing faster than planned`,
          `Opinion: Fund maintenance before new megaprojects`,
        ].join('\n'),
      },
      {
        reason: 'social',
        startLine: 35,
        endLine: 35,
        text: `Share this article: Facebook · X · LinkedIn · WhatsApp`,
      },
      {
        reason: 'related',
        startLine: 37,
        endLine: 41,
        text: [
          `Most read`,
          `1. Storm warnings issued for the Adriatic coast`,
          `2. Central bank holds rates for a fourth month`,
          `3. Ancient harbour found under car park`,
        ].join('\n'),
      },
      {
        reason: 'footer',
        startLine: 43,
        endLine: 43,
        text: `© 2024 The Daily Ledger. All rights reserved. Privacy Policy | Terms of Use | Contact us`,
      },
    ],
    metadata: {
      title: 'Danube Bridge Reopens After Two-Year Repair Programme',
      byline: 'Petra Novak',
      sourceName: 'The Daily Ledger',
      publishedAt: '2024-03-14',
    },
  },
  {
    file: 'gov-press-release.txt',
    description:
      'government press release: ministry masthead, breadcrumbs, dd.mm.yyyy date, contacts footer, source URL',
    headings: [],
    paragraphs: [
      // The headline is the title (removed as 'headline'), not a body paragraph.
      `ASTANA, 12 March 2024 — The foreign ministers of Kazakhstan and Uzbekistan signed an intergovernmental agreement on the joint management of water resources in the Syr Darya basin during talks in Astana today.`,
      `Under the agreement, the parties will exchange hydrological data daily, coordinate the release schedule of the Shardara reservoir and set up a joint commission that will meet at least twice a year.`,
      `The ministers also discussed transport connectivity, including the construction of a second railway border crossing, and the preparation of the state visit planned for the autumn.`,
      `The agreement enters into force on the date of receipt of the last written notification on the completion of domestic procedures.`,
    ],
    removed: [
      {
        reason: 'site-header',
        startLine: 1,
        endLine: 2,
        text: `Ministry of Foreign Affairs of the Republic of Kazakhstan\nPress Service`,
      },
      {
        reason: 'navigation',
        startLine: 3,
        endLine: 3,
        text: `Home / Press Centre / Press Releases`,
      },
      { reason: 'site-header', startLine: 5, endLine: 5, text: `Press release` },
      { reason: 'metadata', startLine: 6, endLine: 6, text: `12.03.2024` },
      {
        reason: 'headline',
        startLine: 8,
        endLine: 8,
        text: `Kazakhstan and Uzbekistan Sign Agreement on Water Management in the Syr Darya Basin`,
      },
      {
        reason: 'footer',
        startLine: 18,
        endLine: 21,
        text: `Contacts:\nPress Service of the Ministry of Foreign Affairs\nTel.: +7 (7172) 72-05-18\nE-mail: press@mfa.kz`,
      },
      {
        reason: 'metadata',
        startLine: 23,
        endLine: 23,
        text: `Source: https://www.gov.kz/memleket/entities/mfa/press/news/details/712345`,
      },
    ],
    metadata: {
      title: 'Kazakhstan and Uzbekistan Sign Agreement on Water Management in the Syr Darya Basin',
      sourceName: 'Ministry of Foreign Affairs of the Republic of Kazakhstan',
      publishedAt: '2024-03-12',
      sourceUrl: 'https://www.gov.kz/memleket/entities/mfa/press/news/details/712345',
    },
  },
  {
    file: 'blog-comments.txt',
    description: 'blog post followed by a comment thread and a reply form',
    headings: [],
    paragraphs: [
      // The headline is the title (removed as 'headline'), not a body paragraph.
      `The city council approved a road budget of 31 million dollars last week. Most of the coverage focused on the headline figure, but the line items tell a more interesting story.`,
      `Resurfacing takes the largest share, at 14.2 million dollars, up from 11 million dollars in 2020. The council says that the increase reflects higher asphalt prices rather than more kilometres of road.`,
      `Cycling infrastructure gets 2.1 million dollars, which is less than the 3 million dollars promised in the 2019 mobility plan.`,
      `I will keep tracking how the money is spent as contracts are awarded.`,
    ],
    removed: [
      {
        reason: 'site-header',
        startLine: 1,
        endLine: 3,
        text: `Budget Watch\nNotes on how our city spends its money`,
      },
      { reason: 'navigation', startLine: 5, endLine: 5, text: `About Archive Subscribe` },
      {
        reason: 'headline',
        startLine: 7,
        endLine: 7,
        text: `What the 2021 Road Budget Actually Buys`,
      },
      { reason: 'metadata', startLine: 9, endLine: 9, text: `Posted on March 3, 2021 by Anna Lee` },
      {
        reason: 'comments',
        startLine: 19,
        endLine: 39,
        text: [
          `3 Comments`,
          `Maria K. says:`,
          `March 4, 2021 at 9:12 am`,
          `Great overview, thanks. The resurfacing numbers match what I saw in the council minutes.`,
          `Reply`,
          `Tom Becker says:`,
          `March 4, 2021 at 11:40 am`,
          `The cycling figure is misleading, because part of the money was moved to the parks budget.`,
          `Reply`,
          `Leave a Reply`,
          `Your email address will not be published. Required fields are marked *`,
          `Post Comment`,
        ].join('\n'),
      },
      {
        reason: 'footer',
        startLine: 41,
        endLine: 41,
        text: `© 2021 Budget Watch · Powered by WordPress`,
      },
    ],
    metadata: {
      title: 'What the 2021 Road Budget Actually Buys',
      byline: 'Anna Lee',
      sourceName: 'Budget Watch',
      publishedAt: '2021-03-03',
    },
  },
  {
    file: 'wire-reuters.txt',
    description: 'wire story: one-word menu lines, dateline with agency, reporting/editing credits',
    headings: [],
    paragraphs: [
      // The headline is the title (removed as 'headline'), not a body paragraph.
      `PARIS, Nov 3 (Reuters) - France and Germany agreed on Monday to pool orders for air defence systems and artillery ammunition, the two countries' defence ministers said, in a bid to cut delivery times for European armies.`,
      `The plan, which still needs the approval of both parliaments, would allow joint tenders worth up to 8 billion euros ($9.2 billion) over three years, according to a document seen by Reuters.`,
      `"We cannot afford to wait four years for each order," the French minister told a joint news conference in Paris.`,
      `German officials said other European Union members would be invited to join the scheme before the end of the year.`,
    ],
    removed: [
      {
        reason: 'navigation',
        startLine: 1,
        endLine: 10,
        text: `Skip to main content\nReuters\nWorld\nBusiness\nMarkets\nSustainability\nLegal\nTechnology\nEurope`,
      },
      {
        reason: 'headline',
        startLine: 12,
        endLine: 12,
        text: `France and Germany agree joint plan to speed up EU defence procurement`,
      },
      {
        reason: 'metadata',
        startLine: 14,
        endLine: 16,
        text: `By Julien Marchand and Katrin Vogel\nNovember 3, 2025 10:42 AM GMT+1 Updated 2 hours ago`,
      },
      {
        reason: 'credits',
        startLine: 26,
        endLine: 26,
        text: `Reporting by Julien Marchand in Paris and Katrin Vogel in Berlin; Editing by Peter Hollis`,
      },
      {
        reason: 'footer',
        startLine: 28,
        endLine: 28,
        text: `Our Standards: The Thomson Reuters Trust Principles.`,
      },
    ],
    metadata: {
      title: 'France and Germany agree joint plan to speed up EU defence procurement',
      byline: 'Julien Marchand and Katrin Vogel',
      sourceName: 'Reuters',
      publishedAt: '2025-11-03',
    },
  },
  {
    file: 'cookie-banner.txt',
    description: 'cookie consent banner and buttons above the masthead, newsletter line at the end',
    headings: [],
    paragraphs: [
      // The headline is the title (removed as 'headline'), not a body paragraph.
      `SANDPORT — The harbour authority on Tuesday approved plans for a second ferry terminal, a project that officials say will double passenger capacity by 2027.`,
      `The terminal will be built on reclaimed land north of the existing pier. The authority estimated the cost at 65 million pounds, of which 20 million pounds will come from a regional development fund.`,
      `Residents of the Old Quay district have raised concerns about traffic, and the council has promised a separate study of access roads before construction starts.`,
    ],
    removed: [
      {
        reason: 'cookie',
        startLine: 1,
        endLine: 7,
        text: [
          `We use cookies to personalise content and ads, to provide social media features and to analyse our traffic. By clicking "Accept all", you consent to our use of cookies. Cookie Policy`,
          `Accept all`,
          `Manage preferences`,
          `Reject all`,
        ].join('\n'),
      },
      { reason: 'site-header', startLine: 9, endLine: 9, text: `Coastal Times` },
      {
        reason: 'headline',
        startLine: 11,
        endLine: 11,
        text: `Harbour Authority Approves Second Ferry Terminal`,
      },
      { reason: 'metadata', startLine: 13, endLine: 13, text: `Published 12 September 2023` },
      {
        reason: 'subscribe',
        startLine: 21,
        endLine: 21,
        text: `Sign up for our morning newsletter to get the day's top stories in your inbox.`,
      },
      { reason: 'footer', startLine: 23, endLine: 23, text: `© 2023 Coastal Times Media Ltd` },
    ],
    metadata: {
      title: 'Harbour Authority Approves Second Ferry Terminal',
      sourceName: 'Coastal Times',
      publishedAt: '2023-09-12',
    },
  },
  {
    file: 'html-article.txt',
    description:
      'HTML source: header/nav/footer landmarks, entities, a script, a paragraph wrapped over two lines',
    headings: [],
    paragraphs: [
      // The headline is the title (removed as 'headline'), not a body paragraph.
      `The town council voted 9–4 on Monday to keep the central library open on Sundays, reversing a plan to cut weekend hours to save £40,000 a year.`,
      `Library staff said Sunday opening was used mainly by students and families, and a petition against the cut gathered 3,100 signatures in two weeks.`,
      `“This is a small budget line with a large effect,” councillor Hannah Price said.`,
    ],
    removed: [
      { reason: 'site-header', startLine: 1, endLine: 1, text: `Riverside Gazette` },
      { reason: 'navigation', startLine: 1, endLine: 1, text: `News | Sport | Weather` },
      {
        reason: 'headline',
        startLine: 3,
        endLine: 3,
        text: `Council Votes to Keep Library Open on Sundays`,
      },
      { reason: 'metadata', startLine: 4, endLine: 4, text: `By Oliver Grant · 2 February 2022` },
      { reason: 'footer', startLine: 11, endLine: 11, text: `© 2022 Riverside Gazette · Privacy` },
    ],
    metadata: {
      title: 'Council Votes to Keep Library Open on Sundays',
      byline: 'Oliver Grant',
      sourceName: 'Riverside Gazette',
      publishedAt: '2022-02-02',
    },
  },
];
