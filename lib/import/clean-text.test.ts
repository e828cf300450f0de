import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyKeeps, cleanText } from './clean-text';

const ASTANA = readFileSync(
  new URL('./fixtures/astana-times-astana-2-talks-scraped.txt', import.meta.url),
  'utf8',
);
const MFA = readFileSync(new URL('./fixtures/mfa-astana-2-talks.txt', import.meta.url), 'utf8');

const P1 =
  'The regional council approved the new water plan on Tuesday after a debate that lasted most of the afternoon.';
const P2 =
  'Officials said that the plan would cost about 12 million euros over five years and that most of it would be spent on pipes.';
const P3 =
  'Opposition members said they would ask for an independent audit of the costs before the works begin in the spring.';

describe('cleanText: edge inputs', () => {
  it('returns an empty result for empty and whitespace-only input', () => {
    for (const raw of ['', '   ', '\n\n\r\n\t \u00a0\n']) {
      assert.deepEqual(cleanText(raw), {
        text: '',
        blocks: [],
        removed: [],
        kept: [],
        metadata: {},
        segments: [],
      });
    }
  });

  it('gives the same article for Windows and old Mac line endings, positions in the raw input', () => {
    const unix = cleanText(ASTANA);
    for (const eol of ['\r\n', '\r']) {
      const raw = ASTANA.replace(/\n/g, eol);
      const result = cleanText(raw);
      assert.equal(result.text, unix.text);
      assert.deepEqual(result.metadata, unix.metadata);
      assert.deepEqual(
        result.removed.map((g) => [g.reason, g.startLine, g.endLine, g.text]),
        unix.removed.map((g) => [g.reason, g.startLine, g.endLine, g.text]),
      );
      const footer = result.removed.at(-1)!;
      assert.ok(raw.slice(footer.start, footer.end).startsWith('**THE ASTANA TIMES**' + eol));
    }
  });

  it('keeps one very long single line of prose whole', () => {
    const line = Array.from(
      { length: 4000 },
      (_, i) => `Sentence ${i} of the long report says that the plan is on track.`,
    ).join(' ');
    const result = cleanText(line);
    assert.equal(result.text, line);
    assert.deepEqual(result.removed, []);
    assert.deepEqual(result.blocks[0]!.sources, [
      { start: 0, end: line.length, startLine: 1, endLine: 1 },
    ]);
  });

  it('strips Markdown inside the article and keeps headings as heading blocks', () => {
    const raw = `# Water Plan\n\n${P1.replace('water plan', '**water plan**')}\n\n## Costs\n\n${P2.replace('12 million euros', '[12 million euros](https://x.org)')}\n\n![chart](c.png)\n\n${P3}`;
    const result = cleanText(raw);
    assert.deepEqual(
      result.blocks.map((b) => [b.kind, b.level, b.text]),
      [
        ['paragraph', 0, P1],
        ['heading', 2, 'Costs'],
        ['paragraph', 0, P2],
        ['paragraph', 0, P3],
      ],
    );
    // The leading "# Water Plan" is the headline: the title, not a body block.
    assert.equal(result.metadata.title, 'Water Plan');
    assert.equal(result.text, [P1, 'Costs', P2, P3].join('\n\n'));
  });

  it('is deterministic', () => {
    assert.deepEqual(cleanText(ASTANA), cleanText(ASTANA));
  });
});

describe('cleanText: text without spaces between words', () => {
  it('finds the article of a Chinese page and removes its share bar (xinhuanet.com)', () => {
    const lines = [
      '时政 地方 法治 高层 人事 理论 国际 军事 访谈 港澳 台湾 华人 财经 汽车 房产 教育 科技 能源',
      '新华网 正文',
      '武汉的声音：有英勇的你，才有英雄的城！',
      '2020-02-19 20:29:58 来源： 半月谈',
      '关注新华网',
      '微信',
      '微博',
      'Qzone',
      '评论',
      '在抗击新冠肺炎疫情的日子里，封在武汉的父母们总要万般无奈而又小心翼翼回应着孩子天真的追问。',
      '即便日常已改变了模样，但生活依然要继续。纵然已有焦虑煎熬，但内心仍需要坚强。居家一日游、前后楼隔空喊话、躺平就是做贡献，这些带有几分调侃意味的举动，却是众多武汉市民近一个月来真实的经历。',
      '1月23日，武汉全面封闭离汉通道时，武汉三镇尚有900多万人口，其中不少人是满怀一年的期盼，千里迢迢、从四面八方回汉和亲人团聚。一个个普通的家庭，猝不及防地扎进了历史的大事件中。',
      '钟南山院士说：“武汉本来就是一个英雄的城市，有全国、有大家的支持，武汉肯定能过关。”',
      '这“英雄的城市”称谓，并非流连于历史的功勋，更是时至今日每一位普通市民的英勇担当。',
      '无情未必真豪杰，怜子如何不丈夫。真正的英雄同样会落泪，但揩干泪水，依然义无反顾，在封闭中坚持。时代的一粒尘，落在个人头上，便是一座山。',
      '图集',
      '【纠错】 责任编辑： 焦鹏',
      '关注我们',
      '新华社简介 公司官网 联系我们 我要链接 版权声明 法律顾问 广告服务 技术服务中心',
    ];
    const result = cleanText(lines.join('\n'));
    for (const kept of [lines[10]!, lines[12]!, lines[14]!]) assert.ok(result.text.includes(kept));
    for (const gone of ['关注新华网', '微博', '【纠错】', '新华社简介']) {
      assert.ok(!result.text.includes(gone), gone);
    }
    // Each removal keeps its reason for the preview.
    assert.ok(result.removed.every((g) => g.reason));
  });
});

describe('cleanText: rejoining cut sentences', () => {
  it('records both source ranges of a rejoined paragraph', () => {
    const result = cleanText(ASTANA);
    const joined = result.blocks.find((b) => b.text.startsWith('According to Abdykalikova'))!;
    assert.deepEqual(
      joined.sources.map((s) => [s.startLine, s.endLine]),
      [
        [26, 26],
        [44, 44],
      ],
    );
  });

  it('marks where in the text the cut sentence was rejoined, for the preview', () => {
    const result = cleanText(ASTANA);
    const joined = result.blocks.find((b) => b.text.startsWith('According to Abdykalikova'))!;
    const cut = 'According to Abdykalikova, Kazakhstan hopes for the continuation of';
    assert.deepEqual(joined.joins, [cut.length + 1]);
    assert.equal(joined.text.slice(0, cut.length), cut);
    for (const block of result.blocks) {
      assert.equal(block.joins?.length ?? 0, block.sources.length - 1, block.text.slice(0, 40));
    }
  });

  it('can be switched off', () => {
    const result = cleanText(ASTANA, { rejoinFragments: false });
    assert.ok(
      result.blocks.some(
        (b) => b.text === 'According to Abdykalikova, Kazakhstan hopes for the continuation of',
      ),
    );
    assert.ok(result.blocks.some((b) => b.text.startsWith('talks between the Syrian authorities')));
  });
});

describe('cleanText: duplicates', () => {
  it('can leave duplicates in', () => {
    const result = cleanText(MFA, { removeDuplicates: false });
    assert.deepEqual(
      result.removed.map((g) => g.reason),
      ['metadata'],
    );
    assert.equal(result.blocks.filter((b) => b.text.startsWith('In her statement')).length, 2);
  });

  it('removes a rejoined (two-part) copy as one group with two ranges', () => {
    const fragment = 'Kazakhstan hopes for the continuation of';
    const rest =
      'talks between the two sides in the framework of the Geneva process, the minister said.';
    const raw = [
      P1,
      fragment,
      'Storm Warnings Issued for Adriatic Coast',
      'Central Bank Holds Rates for Fourth Month',
      'Ancient Harbour Found Under City Car Park',
      rest,
      P2,
      `${fragment} ${rest.replace('said.', 'said on Tuesday in Astana.')}`,
      P3,
    ].join('\n\n');
    const result = cleanText(raw);
    assert.deepEqual(
      result.removed.map((g) => [g.reason, g.startLine, g.endLine, g.ranges.length]),
      [
        ['duplicate', 3, 11, 2],
        ['related', 5, 9, 3],
      ],
    );
    assert.equal(result.removed[0]!.text, `${fragment}\n${rest}`);
    assert.equal(result.blocks.length, 4);
  });
});

describe('keep after all', () => {
  const base = cleanText(ASTANA);
  const related = base.removed.find((g) => g.reason === 'related')!;

  it('gives stable ids: the same input yields the same ids', () => {
    assert.deepEqual(
      cleanText(ASTANA).removed.map((g) => g.id),
      base.removed.map((g) => g.id),
    );
    assert.match(related.id, /^rm-\d+-[0-9a-z]+$/);
  });

  it('restores a kept group as its own blocks and stops rejoining across it', () => {
    const kept = cleanText(ASTANA, { keep: [related.id] });
    assert.deepEqual(
      kept.kept.map((g) => g.id),
      [related.id],
    );
    assert.ok(!kept.removed.some((g) => g.id === related.id));
    const texts = kept.blocks.map((b) => b.text);
    const at = texts.indexOf('According to Abdykalikova, Kazakhstan hopes for the continuation of');
    assert.deepEqual(texts.slice(at, at + 9), [
      'According to Abdykalikova, Kazakhstan hopes for the continuation of',
      'Most Recent Stories',
      'Tokyo Steps Up Central Asia Engagement with High-Level Foreign Minister Visit',
      'Kazakh Nation Cherishes Century-Old Love of Horses',
      'Kazakhstan, Japan Pledge to Deepen Strategic Partnership',
      "Yinka Shonibare's Wind Sculpture Installed at Almaty Museum of Arts",
      'With Nearly 18,000 Electric Vehicles, Kazakhstan Sees Growing Shift to Eco-Transport',
      'Kazakhstan, US Launch',
      texts[at + 8]!,
    ]);
    assert.ok(texts[at + 8]!.startsWith('talks between the Syrian authorities'));
    assert.equal(kept.blocks[at + 1]!.kind, 'heading');
    // The second list is still removed and its sentence still rejoined.
    assert.ok(kept.text.includes('to participate in elections in February 2016,” Kassis added.'));
  });

  it('applyKeeps matches cleanText with keep, can undo, and ignores unknown ids', () => {
    const viaApply = applyKeeps(base, [related.id, 'no-such-id']);
    assert.deepEqual(viaApply, cleanText(ASTANA, { keep: [related.id] }));
    assert.deepEqual(applyKeeps(viaApply, []), base);
    assert.deepEqual(applyKeeps(base, ['no-such-id']), base);
  });

  it('does not modify the result it is given', () => {
    const before = JSON.stringify(base);
    applyKeeps(
      base,
      base.removed.map((g) => g.id),
    );
    assert.equal(JSON.stringify(base), before);
  });

  it('keeps a duplicate: both copies appear', () => {
    const mfa = cleanText(MFA);
    const duplicate = mfa.removed.find((g) => g.reason === 'duplicate')!;
    const kept = applyKeeps(mfa, [duplicate.id]);
    assert.equal(kept.blocks.filter((b) => b.text.startsWith('In her statement')).length, 2);
    assert.equal(kept.blocks.length, mfa.blocks.length + 1);
  });

  it('keeps a metadata line in the text while the metadata stays', () => {
    const mfa = cleanText(MFA);
    const header = mfa.removed.find((g) => g.reason === 'metadata')!;
    const kept = applyKeeps(mfa, [header.id]);
    assert.equal(kept.blocks[0]!.text, 'MFA Government 09/10/2015');
    assert.deepEqual(kept.metadata, mfa.metadata);
  });

  it('labels every removed group', () => {
    for (const group of base.removed) assert.ok(group.label.length > 0);
    assert.equal(
      base.removed.find((g) => g.reason === 'subscribe')!.label,
      'Call to subscribe / newsletter',
    );
  });
});

describe('cleanText: the headline is the title, not a body paragraph', () => {
  it('takes a first short line without closing punctuation, followed by the body, as the title', () => {
    const result = cleanText(`Council Approves Water Plan After Long Debate\n\n${P1}\n\n${P2}`);
    assert.equal(result.metadata.title, 'Council Approves Water Plan After Long Debate');
    assert.equal(result.text, [P1, P2].join('\n\n'));
    const headline = result.removed.find((g) => g.reason === 'headline')!;
    assert.equal(headline.text, 'Council Approves Water Plan After Long Debate');
    assert.equal(headline.label, 'Headline (used as the title)');
  });

  it('keeps a first line that ends like a sentence (a short opening paragraph)', () => {
    const result = cleanText(`The council met on Tuesday.\n\n${P1}\n\n${P2}`);
    assert.equal(result.text, ['The council met on Tuesday.', P1, P2].join('\n\n'));
    assert.equal(result.metadata.title, undefined);
  });

  it('takes a first line that repeats a declared title, even a question with the site name', () => {
    const result = cleanText(`Is the Danube bridge safe?\n\n${P1}\n\n${P2}`, {
      knownTitles: [null, 'Is the Danube Bridge Safe? | The Danube Times'],
    });
    assert.equal(result.metadata.title, 'Is the Danube bridge safe?');
    assert.equal(result.text, [P1, P2].join('\n\n'));
  });

  it('never takes the only block, nor a long first paragraph', () => {
    assert.equal(cleanText('Council Approves Water Plan').text, 'Council Approves Water Plan');
    // Over MAX_HEADLINE_WORDS, even without closing punctuation: an opening paragraph.
    const long = `${P1} ${P3.replace(/\.$/, '')}`;
    assert.equal(cleanText(`${long}\n\n${P2}`).text, [long, P2].join('\n\n'));
  });

  it('takes a headline over its standfirst as the title, and keeps the standfirst', () => {
    // A press release as pasted text (held-out corpus page, not the evaluation corpus): the
    // headline, then a sentence-like standfirst without closing punctuation, a date, the body.
    const lines = [
      'Aktuelles',
      'Inhalt:',
      'Foto von Josh Willink von Pexels',
      'Alleinerziehende: Kinderbetreuung flächendeckend ausbauen',
      '"Österreichische Plattform für Alleinerziehende" zum Tag der Kinderrechte: Betreuungszeiten auch außerhalb der Kindergarten- oder Unterrichtszeit sicherstellen',
      '19.11.2021',
      'Die Österreichische Plattform für Alleinerziehende (ÖPA) hat den Auf- und Ausbau hochwertiger, flächendeckender und leistbarer Kinderbetreuung gefordert. Der Fokus dafür solle auf Betreuungszeiten auch außerhalb der Kindergarten- oder Unterrichtszeit liegen, hieß es am Freitag in einer Aussendung anlässlich des internationalen Tags der Kinderrechte (20. November). "Kinder brauchen immer eine gute Betreuung, besonders aber, wenn sie krank sind, ihre Eltern außerhalb der Öffnungszeiten von Kinderbetreuungsstellen arbeiten müssen, oder selber erkranken", betonte die Alleinerziehenden-Vertretung.',
      'Die ÖPA erinnerte an die UN-Kinderrechtskonvention, die den Vertragsstaaten den Ausbau von Diensten zur Unterstützung der Eltern auferlege. Gerade Alleinerziehende können Belastungen nicht alleine tragen, betonte Vorstandsvorsitzende Evelyn Martin: "Es darf einfach nicht passieren, dass kranke Kinder allein zu Hause bleiben. Oder dass schon sehr junge Kinder ihre Versorgung vor und nach der Schule selber übernehmen müssen." Es sei höchste Zeit, die vorhandenen Betreuungs-Angebote in Österreich zu erweitern und Eltern niederschwellig zur Verfügung zu stellen. Das sichere den Zugang zu Erwerbsarbeit und schütze vor drohender, auch die Kinder betreffende Armut.',
    ];
    const result = cleanText(lines.join('\n'));
    assert.equal(result.metadata.title, lines[3]);
    assert.deepEqual(result.text.split('\n\n'), [lines[4], lines[6], lines[7]]);
  });

  it('does not take a line under a lead sentence that ends on a colon for the title', () => {
    // A blog post as pasted text (held-out page 174 of trafilatura's corpus, not the
    // evaluation corpus): title, byline, a lead that introduces the next line, the body.
    const lines = [
      'Zahlenzauberin',
      'Links',
      'Was zum hören in den Ferien',
      'von zahlenzauberin',
      'Dank Kabelanschluss kann ich, auch in Sachsen ,Bayern 2 hören. Da läuft gerade ein spannendes nah dran zum Thema:',
      'Freude, Falle, Frust: Der Mutterliebe zarte Sorgen',
      'Raben- versus Gluckenmütter – diese Front besteht bis heute. Trotz fast hundert Jahren Frauenemanzipation. Denn der Begriff der Mutterliebe ist mit Mythen beladen wie kaum ein anderer.',
      'Hier ein Link zum Podcast, der auch nur 20 Minuten dauert.',
    ];
    const result = cleanText(lines.join('\n'));
    assert.notEqual(result.metadata.title, lines[5]);
    assert.ok(result.text.includes(lines[4]!), result.text);
  });

  it('does not take a date or a reading time under a one-sentence standfirst for the title', () => {
    // Held-out pages of trafilatura's corpus (lastampa.it 138, vegolosi.it 348): headline,
    // a standfirst of 25+ words (a byline beside it), then a dateline or "Tempo di lettura".
    const lastampa = [
      'Messaggero Veneto',
      'Contatti',
      'Scrivi alla Redazione',
      'Cronaca',
      'Perturbazione polare al Centro e al Sud. Il Nord, scavalcato, mantiene temperature alte',
      'Piogge, temporali e nevicate previste per oggi nelle regioni centrali e meridionali. Interessate Marche, Abruzzo, Molise, Umbria e Lazio. Neve sull’Appennino sopra i 1400 metri. Il bel tempo tornerà in poche ore',
      'Pubblicato il 19 Febbraio 2020 Ultima modifica 19 Febbraio 2020 12:02',
      'Una perturbazione di origine polare, accompagnata da venti di Maestrale e poi di Tramontana, sta per fare il suo ingresso sull’Italia. Scavalcherà letteralmente le Alpi, ignorando completamente il Nord, ma colpirà con piogge e temporali e nevicate le regioni centrali e poi il Sud.',
      'Il maltempo nel corso delle ore si estenderà poi anche a Campania, Puglia, parte della Basilicata e sulla Calabria sempre con piogge, locali temporali e nevicate a 1400 metri, ma in calo fino a 1200 metri. Il sole invece dominerà il resto delle regioni.',
    ];
    const first = cleanText(lastampa.join('\n'));
    assert.equal(first.metadata.title, lastampa[4]);
    assert.ok(first.text.includes(lastampa[5]!), first.text);
    const vegolosi = [
      'I NOSTRI LIBRI',
      'll Climate Clock ha iniziato a scorrere: sette anni è il tempo che ci rimane per agire',
      'A New York il Metronome si trasforma in un gigantesco orologio che fa il countdown dell’emergenza climatica e ricorda al mondo l’urgenza di agire per ridurre rapidamente le emissioni',
      'di Vegolosi.it',
      'Tempo di lettura: 3 minuti',
      'Non c’è più tempo. O, almeno, ce n’è sempre di meno. Ce lo ripetono continuamente gli esperti che si occupano di cambiamenti climatici (e, prima che il Covid cambiasse un po’ le carte in tavola) anche i giovanissimi, sempre più attenti alla causa ambientale.',
      'Il Climate Clock',
    ];
    const second = cleanText(vegolosi.join('\n'));
    assert.notEqual(second.metadata.title, vegolosi[4]);
    assert.ok(second.text.includes(vegolosi[2]!), second.text);
  });

  it('restores the headline as the first block when the editor keeps it', () => {
    const result = cleanText(`Council Approves Water Plan After Long Debate\n\n${P1}`);
    const headline = result.removed.find((g) => g.reason === 'headline')!;
    assert.equal(
      applyKeeps(result, [headline.id]).text,
      ['Council Approves Water Plan After Long Debate', P1].join('\n\n'),
    );
  });
});
