/**
 * Alignment and difference cases: two short texts, the differences expected (type and the
 * words on each side, `null` where a side lacks the detail) and the statements only one has.
 */
import type { DifferenceType, PairKind } from './types';

export interface CompareCase {
  name: string;
  a: string;
  b: string;
  differences: { type: DifferenceType; a: string | null; b: string | null }[];
  /** Kinds of the pairs in A's order (checked when given). */
  kinds?: PairKind[];
  onlyA?: string[];
  onlyB?: string[];
}

const P1 = 'The council voted on Monday to keep the central library open on Sundays.';
const P2 = 'Mayor Ruth Adams said the decision would cost the town about 40,000 euros a year.';
const P3 = 'Opponents argued that the money should go to road repairs instead.';

export const COMPARE_CASES: CompareCase[] = [
  {
    name: 'identical texts have only same pairs',
    a: `${P1} ${P2}`,
    b: `${P1} ${P2}`,
    differences: [],
    kinds: ['same', 'same'],
  },
  {
    name: 'a moved paragraph is not a difference',
    a: `${P1}\n${P2}\n${P3}`,
    b: `${P3}\n${P1}\n${P2}`,
    differences: [],
    kinds: ['same', 'same', 'same'],
  },
  {
    name: '"said" to "stated" and straight to curly quotes are rewording',
    a: 'Adams said: "We keep the library open."',
    b: 'Adams stated: “We keep the library open.”',
    differences: [],
  },
  {
    name: '"twelve" against "12" is the same number',
    a: 'The council has twelve members who voted on the plan.',
    b: 'The council has 12 members who voted on the plan.',
    differences: [],
  },
  {
    name: 'a changed count is a number difference',
    a: 'The council voted 9 to 4 on Monday to keep the library open.',
    b: 'The council voted 8 to 4 on Monday to keep the library open.',
    differences: [{ type: 'number', a: '9', b: '8' }],
  },
  {
    name: '"29 of the 37" against "37" is a number difference',
    a: 'The declaration was signed by 29 of the 37 participants at the talks.',
    b: 'The declaration was signed by the 37 participants at the talks.',
    differences: [{ type: 'number', a: '29 of the 37', b: '37' }],
  },
  {
    name: '"about 40" against "41" is within the hedge: no difference',
    a: 'About 40 people were hurt when the stand collapsed at the stadium.',
    b: 'Forty-one people were hurt when the stand collapsed at the stadium.',
    differences: [],
  },
  {
    name: '"about 40" against "55" is beyond the hedge: a number difference',
    a: 'About 40 people were hurt when the stand collapsed at the stadium.',
    b: '55 people were hurt when the stand collapsed at the stadium.',
    differences: [{ type: 'number', a: 'About 40', b: '55' }],
  },
  {
    name: '"nearly half" against "48%" is one share: no difference',
    a: 'Nearly half of the voters backed the plan in the referendum.',
    b: 'Some 48% of the voters backed the plan in the referendum.',
    differences: [],
  },
  {
    name: '"more than 12,000" against "12,000" is one number difference: the hedge leaves the figure out',
    a: 'In its first 18 hours, more than 12,000 donors gave to the appeal.',
    b: 'In its first hours, 12,000 donors gave to the appeal.',
    differences: [
      { type: 'number', a: '18', b: null },
      { type: 'number', a: 'more than 12,000', b: '12,000' },
    ],
  },
  {
    name: '"more than 100,000" against "90,000" is a number difference',
    a: 'More than 100,000 people gave to the appeal within a day.',
    b: '90,000 people gave to the appeal within a day.',
    differences: [{ type: 'number', a: 'More than 100,000', b: '90,000' }],
  },
  {
    name: 'a range holds a figure inside it, not one above it',
    a: 'The group has planted 20-30 million trees across the region.\nIt employs 300 to 400 nurses in the city hospitals.',
    b: 'The group has planted 25 million trees across the region.\nIt employs more than 400 nurses in the city hospitals.',
    differences: [{ type: 'number', a: '300 to 400', b: 'more than 400' }],
  },
  {
    name: 'a range in an amount takes the scale of its second figure',
    a: 'The new stadium will cost $20-30 million to build, the council said.',
    b: 'The new stadium will cost about $25 million to build, the council said.',
    differences: [],
  },
  {
    name: 'a changed date is a date difference',
    a: 'The participants issued a joint statement on May 28 in Astana.',
    b: 'The participants issued a joint statement on May 29 in Astana.',
    differences: [{ type: 'date', a: 'May 28', b: 'May 29' }],
  },
  {
    name: '"Oct." against "October" is the same date',
    a: 'Talks were held in Astana on Oct. 2 with the opposition.',
    b: 'Talks were held in Astana on October 2 with the opposition.',
    differences: [],
  },
  {
    name: 'a changed name is a name difference',
    a: 'The talks were mediated by Askar Mussinov and Fabien Baussart.',
    b: 'The talks were mediated by Askar Mussinov and Pierre Baussart.',
    differences: [{ type: 'name', a: 'Fabien', b: 'Pierre' }],
  },
  {
    name: '"announced" against "added" is an attribution difference',
    a: '“We agreed to take part in the elections,” Kassis announced.',
    b: '“We agreed to take part in the elections,” Kassis added.',
    differences: [{ type: 'attribution', a: 'announced', b: 'added' }],
  },
  {
    name: 'changed words inside quotation marks are a quote difference',
    a: '“We once again ask for the release of prisoners,” Kassis said.',
    b: '“We once again demand the release of prisoners,” Kassis said.',
    differences: [{ type: 'quote', a: 'ask for', b: 'demand' }],
  },
  {
    name: 'a detail only one side gives is another difference',
    a: 'Randa Kassis, who was one of the first to call for talks in Astana, spoke.',
    b: 'Randa Kassis spoke.',
    differences: [
      { type: 'other', a: 'who was one of the first to call for talks in Astana', b: null },
    ],
  },
  {
    name: 'a dropped sentence is only in A, an inserted one only in B',
    a: `${P1} ${P2}`,
    b: `${P1} The vote followed a petition signed by residents of the old town.`,
    differences: [],
    onlyA: [P2],
    onlyB: ['The vote followed a petition signed by residents of the old town.'],
  },
  {
    name: 'one long sentence can pair with two short ones',
    a: 'The council voted on Monday to keep the library open on Sundays, and the mayor promised new funding for its staff.',
    b: 'The council voted on Monday to keep the library open on Sundays. The mayor promised new funding for its staff.',
    differences: [],
    kinds: ['reworded'],
  },
  {
    name: 'one sentence stating two one-sentence paragraphs pairs with both',
    a: 'The bridge will close on Friday for repairs.\nIt will reopen to traffic in the spring.',
    b: 'The bridge will close on Friday for repairs and reopen to traffic in the spring.',
    differences: [],
    kinds: ['reworded'],
  },
  {
    name: 'a short statement restated inside a much longer one pairs with it',
    a: 'Two soldiers were killed on Saturday in separate attacks.\nThe harvest festival opened in the old town square.',
    b: 'Two soldiers were killed on Saturday in separate attacks near the northern border, while a fire destroyed the covered market and its warehouses.\nThe museum will stay shut all winter.',
    differences: [
      {
        type: 'other',
        a: null,
        b: 'near the northern border, while a fire destroyed the covered market and its warehouses',
      },
    ],
    onlyA: ['The harvest festival opened in the old town square.'],
    onlyB: ['The museum will stay shut all winter.'],
  },
  {
    name: 'two spellings of one place name are not a name difference',
    a: 'A roadside bomb exploded near Ghalibiya, west of Baquba, on Monday.',
    b: 'A roadside bomb exploded near Ghalabiyah, west of Baqouba, on Monday.',
    differences: [],
    kinds: ['reworded'],
  },
  {
    name: 'inside a quote, changed function words alone are not a difference',
    a: '"We are relying on the helicopters to reach the most remote areas," the coordinator said.',
    b: '"Now we rely on helicopters to reach the most remote areas," the coordinator said.',
    differences: [{ type: 'quote', a: null, b: 'Now' }],
  },
  {
    name: 'a speaker named by only one report is an attribution difference',
    a: 'Helicopters are the only way to reach the most remote villages in the north.',
    b: 'Helicopters are the only way to reach the most remote villages in the north, said Michael Elmquist.',
    differences: [{ type: 'attribution', a: null, b: 'said Michael Elmquist' }],
  },
  {
    name: '"according to" in only one report is an attribution difference',
    a: 'Some helicopters cannot land because crowds run towards them.',
    b: 'According to the World Food Programme, some helicopters cannot land because crowds run towards them.',
    differences: [{ type: 'attribution', a: null, b: 'According to the World Food Programme' }],
  },
  {
    name: 'a loose rewording between two pairs pairs in its place',
    a: `${P1}\nJan Egeland said he was more hopeful about the work.\n${P3}`,
    b: `${P1}\nThe United Nations coordinator for the tsunami region, Jan Egeland, is increasingly optimistic about deliveries to Aceh.\n${P3}`,
    differences: [
      { type: 'other', a: null, b: 'The United Nations coordinator for the tsunami region' },
    ],
    kinds: ['same', 'differs', 'same'],
  },
  {
    name: 'a date one statement leaves out but its text states elsewhere is no difference',
    a: 'Two car bombs killed seven people on Saturday near the Green Zone.\nThe police station was badly damaged.',
    b: 'Two car bombs killed seven people near the Green Zone.\nThe police station hit on Saturday was badly damaged.',
    differences: [],
    kinds: ['reworded', 'reworded'],
  },
  {
    name: 'a spelling variant beside a name the other text states elsewhere is no difference',
    a: 'A bomb exploded near Ghalibiya, west of Baquba, on Monday.\nThe road to Baghdad was closed.',
    b: 'A bomb exploded near Ghalabiyah, west of Baqouba, north of Baghdad, on Monday.\nThe road was closed.',
    differences: [],
    kinds: ['reworded', 'reworded'],
  },
  {
    name: 'a named speaker against "officials" is an attribution difference',
    a: 'A roadside bomb hit a military convoy west of the capital, officials said.',
    b: 'A roadside bomb hit a military convoy west of the capital, Major Robert Powell said.',
    differences: [{ type: 'attribution', a: 'officials', b: 'Major Robert Powell' }],
  },
  {
    name: '"U.S." and "UN" against "United States" and "United Nations" are the same names',
    a: 'The U.S. ambassador asked the UN to send aid to the region.',
    b: 'The United States ambassador asked the United Nations to send aid to the region.',
    differences: [],
  },
  {
    name: 'an initialism against another name is still a name difference',
    a: 'The US ambassador asked for aid.',
    b: 'The French ambassador asked for aid.',
    differences: [{ type: 'name', a: 'US', b: 'French' }],
  },
  {
    name: 'a demonym and its country are one name ("American" and "U.S.", "Iraqi" and "Iraq")',
    a: 'About 12 American helicopters flew supplies to the Iraqi border town.',
    b: 'About 12 U.S. helicopters flew supplies to the Iraq border town.',
    differences: [],
  },
  {
    name: 'a demonym against another country is still a name difference',
    a: 'The American ambassador asked for aid.',
    b: 'The French ambassador asked for aid.',
    differences: [{ type: 'name', a: 'American', b: 'French' }],
  },
  {
    name: "a quotation against the other report's paraphrase of it is an attribution difference",
    a: 'Helicopters are the only way to reach the remote areas.',
    b: '"Helicopters are the only means we have to reach the remote areas," the coordinator said.',
    differences: [
      {
        type: 'attribution',
        a: null,
        b: 'Helicopters are the only means we have to reach the remote areas',
      },
    ],
  },
  {
    name: 'a word changed in a quotation the other report gives word for word is a quote difference',
    a: 'We will keep the central library open for all the children of the town.',
    b: 'Adams said: "We will keep the central library open for all the families of the town."',
    differences: [{ type: 'quote', a: null, b: 'families' }],
  },
  {
    name: 'a contraction in a quotation is the words it stands for ("we\'ve", "don\'t")',
    a: 'Powell said: "I think we have accomplished a great deal, and I do not regret it."',
    b: 'Powell said: "I think we\'ve accomplished a great deal, and I don\'t regret it."',
    differences: [],
  },
  {
    name: '"the day before" counts from the date its sentence states ("Saturday … the day before" is Friday)',
    a: 'Officials said Saturday that the army had repelled attacks on four police stations the day before.',
    b: "Officials said Saturday that the army repelled Friday's attacks on four police stations.",
    differences: [],
  },
  {
    name: 'a counted day against another day is a date difference',
    a: 'Officials said Saturday that the army had repelled attacks on four police stations the day before.',
    b: "Officials said Saturday that the army repelled Thursday's attacks on four police stations.",
    differences: [{ type: 'date', a: 'the day before', b: 'Thursday' }],
  },
  {
    name: 'a sentence that states two far-apart statements splits before a conjunction ("after")',
    a:
      'Former mayor John Smith has been placed under house arrest at his home in the capital.\n' +
      'The city library stays open on Sundays for the children of the town.\n' +
      'Smith was indicted in May on two counts of fraud and one count of bribery.',
    b: 'Former mayor John Smith was placed under house arrest at his home after the court upheld his indictment on two counts of fraud and one count of bribery.',
    differences: [{ type: 'date', a: 'May', b: null }],
    onlyA: ['The city library stays open on Sundays for the children of the town.'],
  },
  {
    name: 'a fuller name of the same source ("military officials" against "the military") is no attribution difference',
    a: 'U.S. military officials said Saturday that insurgents attacked four police stations in the north.',
    b: 'The military said Saturday that insurgents attacked four police stations in the north.',
    differences: [],
  },
  {
    name: 'a pronoun against words its own report states elsewhere ("It" against "The new budget") is rewording',
    a: 'The council approved the new library budget on Monday.\nIt will keep the central library open on Sundays.',
    b: 'The council approved the new library budget on Monday.\nThe new budget will keep the central library open on Sundays.',
    differences: [],
  },
  {
    name: 'a time counted from an event ("a week before it reaches the shops") is no date',
    a: 'The single will be launched as a ringtone on Monday, a week before it reaches the shops.',
    b: 'The single will be launched as a ringtone on Monday.',
    differences: [{ type: 'other', a: 'a week before it reaches the shops', b: null }],
  },
  {
    name: 'a clause the other report states in another of its statements is no difference',
    a: 'The council approved the new library budget on Monday after a long debate.\nThe mayor said the budget keeps the library open on Sundays and holidays.',
    b: 'The council approved the new library budget, which keeps the library open on Sundays and holidays, on Monday after a long debate.\nThe mayor said the budget keeps the library open on Sundays and holidays.',
    differences: [],
  },
  {
    name: 'two sources in two sentences against one unattributed sentence are two attribution differences',
    a: 'Helicopters are the only way to reach the remote villages, but they often cannot land because crowds run towards them.',
    b: 'Helicopters are the only way to reach the remote villages, said Michael Elmquist. According to the World Food Programme, they often cannot land because crowds run towards them.',
    differences: [
      { type: 'attribution', a: null, b: 'said Michael Elmquist' },
      { type: 'attribution', a: null, b: 'According to the World Food Programme' },
    ],
  },
  {
    name: 'a time written "5.55pm" is a time, not a number',
    a: 'The video will be shown on all channels at 5.55pm on Thursday.',
    b: 'The video will be shown on all channels at 6.05pm on Thursday.',
    differences: [{ type: 'date', a: 'at 5.55pm on Thursday', b: 'at 6.05pm on Thursday' }],
  },
  {
    name: 'what one headline leaves out of the other is no difference',
    a: 'Council keeps central library open\nThe council voted on Monday to keep the central library open on Sundays.',
    b: 'Council keeps central library open despite protests by angry residents\nThe council voted on Monday to keep the central library open on Sundays.',
    differences: [],
    kinds: ['reworded', 'same'],
  },
];
