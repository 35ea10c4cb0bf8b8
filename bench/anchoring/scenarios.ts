/**
 * Edit scenarios for the anchoring benchmark, built on the categories of docs/research anchoring.md §9.3 and
 * applied to the original articles of articles.ts.
 *
 * Each scenario is an edit script applied to an article. The generator (corpus.ts) tracks where every
 * character of the old text went, so an annotation whose characters all survive contiguously gets its expected
 * new range automatically. Any annotation an edit touches MUST be labelled here by hand under `expect`:
 * `'orphan'`, or the expected text in the new article (`{ text, after?, nth? }`, located like annotations), or a
 * list of acceptable outcomes when reasonable people could disagree (e.g. anchoring a corrected name vs
 * orphaning it). Labels are human judgement, never the output of a diff.
 */

export type Edit =
  /** Replace the nth (default 0) occurrence of `replace` with `with`. */
  | { readonly replace: string; readonly with: string; readonly nth?: number }
  /** Replace every occurrence. */
  | { readonly replaceAll: string; readonly with: string }
  /** Insert `insert` right after (or before) the nth occurrence of a string; existing characters are untouched. */
  | { readonly insert: string; readonly after: string; readonly nth?: number }
  | { readonly insert: string; readonly before: string; readonly nth?: number }
  /** Insert `insert` after every occurrence of `afterAll`. */
  | { readonly insert: string; readonly afterAll: string }
  /** Paragraph operations (indices into the current paragraphs, separated by a blank line). */
  | { readonly deletePara: number }
  | { readonly insertPara: number; readonly text: string }
  | { readonly replacePara: number; readonly text: string }
  | { readonly movePara: number; readonly to: number }
  | { readonly mergePara: number };

export type Outcome = 'orphan' | { readonly text: string; readonly after?: string; readonly nth?: number };

export interface ScenarioSpec {
  readonly id: string;
  readonly article: string;
  /** §9.3 category this scenario exercises. */
  readonly category: string;
  readonly description: string;
  readonly edits: readonly Edit[];
  readonly expect?: Readonly<Record<string, Outcome | readonly Outcome[]>>;
}

export const SCENARIOS: readonly ScenarioSpec[] = [
  // ------------------------------------------------------------------ library
  { id: 'lib-01', article: 'lib', category: 'control', description: 'no edit', edits: [] },
  {
    id: 'lib-02', article: 'lib', category: 'whitespace', description: 'source re-wrapped, double spaces, no-break spaces',
    edits: [
      { replace: 'will save about $310,000 a year', with: 'will save about $310,000\u00a0a year' },
      { replace: 'in the hallway with their children. ', with: 'in the hallway\n   with their children.  ' },
      { replace: 'the decision was painful but unavoidable', with: 'the decision was\npainful  but unavoidable' },
      { replace: 'Aisha Rahman', with: 'Aisha\u00a0Rahman' },
    ],
    expect: {
      L1: { text: 'will save about $310,000\u00a0a year' },
      L6: { text: 'the decision was\npainful  but unavoidable' },
      L8: { text: '“The money is there,” said councillor Aisha\u00a0Rahman.' },
    },
  },
  {
    id: 'lib-03', article: 'lib', category: 'typography', description: 'curly quotes and apostrophes replaced by straight ones',
    edits: [{ replaceAll: '“', with: '"' }, { replaceAll: '”', with: '"' }, { replaceAll: '’', with: "'" }],
    expect: {
      L4: { text: '"If you close on Sunday, you close it for us."' },
      L8: { text: '"The money is there," said councillor Aisha Rahman.' },
      L10: { text: 'opposed the cut.\n\n"Sunday is the only day' },
    },
  },
  {
    id: 'lib-04', article: 'lib', category: 'typo fix in quote', description: 'misspelt name corrected (8-character quote)',
    edits: [{ replace: 'Whitfeld', with: 'Whitfield' }],
    expect: { L7: { text: 'Whitfield' } },
  },
  {
    id: 'lib-05', article: 'lib', category: 'block inserted above', description: 'editor’s note prepended',
    edits: [{ insertPara: 0, text: 'Editor’s note: This article has been updated to include comments from the library board’s chair.' }],
  },
  {
    id: 'lib-06', article: 'lib', category: 'block deleted; identical text elsewhere', description: 'critics’ paragraph deleted; “the board” remains twice elsewhere',
    edits: [{ deletePara: 4 }],
    expect: { L8: 'orphan', L11: 'orphan' },
  },
  {
    id: 'lib-07', article: 'lib', category: 'number update', description: '$310,000 → $290,000',
    edits: [{ replace: '$310,000', with: '$290,000' }],
    expect: { L1: { text: 'will save about $290,000 a year' } },
  },
  {
    id: 'lib-08', article: 'lib', category: 'heavy rewording', description: 'a quotation replaced by a different one',
    edits: [{ replace: '“If you close on Sunday, you close it for us.”', with: '“Closing on Sundays shuts families like mine out.”' }],
    expect: { L4: 'orphan' },
  },
  {
    id: 'lib-09', article: 'lib', category: 'blocks swapped', description: 'paragraphs 4 and 5 swapped',
    edits: [{ movePara: 4, to: 3 }],
  },
  {
    id: 'lib-10', article: 'lib', category: 'case only', description: '“said the decision” → “said: The decision”',
    edits: [{ replace: ' said the decision', with: ' said: The decision' }],
    expect: { L6: { text: 'The decision was painful but unavoidable' } },
  },
  {
    id: 'lib-11', article: 'lib', category: 'context edited', description: 'edits in the prefix and suffix of three quotes',
    edits: [
      { replace: 'in the hallway with their children.', with: 'in the hall with their young children.' },
      { replace: 'Board chair Thomas', with: 'Library board chair Thomas' },
      { replace: 'for four years while', with: 'for five years while' },
    ],
  },

  // ------------------------------------------------------------------ bridge
  {
    id: 'bridge-01', article: 'bridge', category: 'in-place replacement, duplicate elsewhere', description: 'Karen Liu → Karen Lau; “Peter Liu” remains',
    edits: [{ replace: 'Karen Liu', with: 'Karen Lau' }],
    expect: { B3: [{ text: 'Lau', after: 'Karen ' }, 'orphan'] },
  },
  {
    id: 'bridge-02', article: 'bridge', category: 'unrelated edit', description: 'June 9 → June 16',
    edits: [{ replace: 'June 9', with: 'June 16' }],
  },
  {
    id: 'bridge-03', article: 'bridge', category: 'block deleted; identical text elsewhere', description: 'business-owners paragraph deleted; “Bridge” remains elsewhere',
    edits: [{ deletePara: 3 }],
    expect: { B5: 'orphan', B6: 'orphan', B10: 'orphan' },
  },
  {
    id: 'bridge-04', article: 'bridge', category: 'insertion inside quote', description: '“and 2,000 cyclists” inserted',
    edits: [{ replace: 'roughly 38,000 drivers who', with: 'roughly 38,000 drivers and 2,000 cyclists who' }],
    expect: { B2: { text: 'roughly 38,000 drivers and 2,000 cyclists who cross the river each day' } },
  },
  {
    id: 'bridge-05', article: 'bridge', category: 'deletion inside quote', description: '“an estimated” removed',
    edits: [{ replace: '— an estimated $14 million more —', with: '— $14 million more —' }],
    expect: { B7: { text: 'because of the cost — $14 million more —' } },
  },
  {
    id: 'bridge-06', article: 'bridge', category: 'typography', description: 'em dashes → en dashes',
    edits: [{ replaceAll: '—', with: '–' }],
    expect: { B7: { text: 'because of the cost – an estimated $14 million more –' } },
  },
  {
    id: 'bridge-07', article: 'bridge', category: 'block moved', description: 'ferry paragraph moved up to second place',
    edits: [{ movePara: 5, to: 1 }],
  },
  {
    id: 'bridge-08', article: 'bridge', category: 'light rewording', description: '“not related” → “no relation”',
    edits: [{ replace: 'He is not related to the spokesperson.', with: 'He is no relation to the spokesperson.' }],
    expect: { B6: { text: 'He is no relation to the spokesperson.' } },
  },
  {
    id: 'bridge-09', article: 'bridge', category: 'astral characters', description: 'an emoji prepended (surrogate pair shifts every offset)',
    edits: [{ insert: '🚧 ', before: 'The Eastway Bridge will close' }],
  },

  // ------------------------------------------------------------------ lunch
  {
    id: 'lunch-01', article: 'lunch', category: 'number update (short quote)', description: '$3.85 → $4.10',
    edits: [{ replace: '$3.85', with: '$4.10' }],
    expect: { U10: [{ text: '$4.10' }, 'orphan'] },
  },
  {
    id: 'lunch-02', article: 'lunch', category: 'sentence deleted; identical text elsewhere', description: '“On paper.” cut; “On paper” still ends the previous paragraph',
    edits: [{ replace: 'On paper. In practice,', with: 'In practice,' }],
    expect: { U2: 'orphan' },
  },
  {
    id: 'lunch-03', article: 'lunch', category: 'light rewording', description: '“meant to teach” → “intended to teach”',
    edits: [{ replace: 'meant to teach', with: 'intended to teach' }],
    expect: { U5: { text: 'learns a lesson no teacher intended to teach' } },
  },
  {
    id: 'lunch-04', article: 'lunch', category: 'heavy rewording', description: 'the football-players clause rewritten',
    edits: [{ replace: 'and nobody asked the football players to fill out a form.', with: 'and no one required the athletes to prove they needed it.' }],
    expect: {
      U7: 'orphan',
      U11: { text: 'It should stay removed.\n\nThe board says the money is needed for teacher salaries. That is a real need. But the district found $2.3 million last spring for new artificial turf at two high schools, and no one required the athletes to prove they needed it.\n\nKeep lunch free.' },
    },
  },
  {
    id: 'lunch-05', article: 'lunch', category: 'blocks merged', description: 'last two paragraphs merged',
    edits: [{ mergePara: 4 }],
    expect: {
      U11: { text: 'It should stay removed.\n\nThe board says the money is needed for teacher salaries. That is a real need. But the district found $2.3 million last spring for new artificial turf at two high schools, and nobody asked the football players to fill out a form. Keep lunch free.' },
    },
  },
  {
    id: 'lunch-06', article: 'lunch', category: 'rival occurrence inserted before target', description: 'new paragraph containing “That is a real need.”',
    edits: [{ insertPara: 2, text: 'Teachers have waited three years for a raise. That is a real need. So is lunch.' }],
  },
  {
    id: 'lunch-07', article: 'lunch', category: 'case only', description: '“Keep lunch free.” set in capitals',
    edits: [{ replace: 'Keep lunch free.', with: 'KEEP LUNCH FREE.' }],
    expect: {
      U8: { text: 'KEEP LUNCH FREE.' },
      U11: { text: 'It should stay removed.\n\nThe board says the money is needed for teacher salaries. That is a real need. But the district found $2.3 million last spring for new artificial turf at two high schools, and nobody asked the football players to fill out a form.\n\nKEEP LUNCH FREE.' },
    },
  },
  {
    id: 'lunch-08', article: 'lunch', category: 'typography (very short quote)', description: '“free” → "free"',
    edits: [{ replace: '“free”', with: '"free"' }],
    expect: { U4: { text: '"free"' } },
  },
  {
    id: 'lunch-09', article: 'lunch', category: 'sentence split', description: '“, and nobody asked” → “. Nobody asked”',
    edits: [{ replace: 'two high schools, and nobody asked', with: 'two high schools. Nobody asked' }],
    expect: {
      U7: { text: 'Nobody asked the football players to fill out a form' },
      U11: { text: 'It should stay removed.\n\nThe board says the money is needed for teacher salaries. That is a real need. But the district found $2.3 million last spring for new artificial turf at two high schools. Nobody asked the football players to fill out a form.\n\nKeep lunch free.' },
    },
  },
  {
    id: 'lunch-10', article: 'lunch', category: 'suffix replaced', description: 'the sentence after “Keep lunch free.” rewritten',
    edits: [{ replace: 'Find the money somewhere else.', with: 'Cut the turf budget instead.' }],
  },

  // ------------------------------------------------------------------ heat
  {
    id: 'heat-01', article: 'heat', category: 'number update', description: '212 people → 231 people',
    edits: [{ replace: '212 people', with: '231 people' }],
    expect: { H3: [{ text: '231 people' }, 'orphan'] },
  },
  {
    id: 'heat-02', article: 'heat', category: 'sentence rewritten', description: 'deaths “under investigation” → “confirmed as heat-related”',
    edits: [{ replace: 'Two deaths are under investigation.', with: 'Two deaths have been confirmed as heat-related.' }],
    expect: { H4: ['orphan', { text: 'Two deaths have been confirmed as heat-related.' }] },
  },
  {
    id: 'heat-03', article: 'heat', category: 'live-blog updates prepended', description: 'three update paragraphs on top (with more “p.m.”)',
    edits: [
      { insertPara: 0, text: 'Update, 2:05 p.m.: Two more cooling centres will open on the east side, bringing the total to sixteen.' },
      { insertPara: 0, text: 'Update, 6:15 p.m.: The utility says demand is expected to stay high through the evening and has asked large businesses to cut their use.' },
      { insertPara: 0, text: 'Update, 9:40 p.m.: The weather service has issued an excessive-heat warning for Sunday, when temperatures could again pass 40 °C.' },
    ],
  },
  {
    id: 'heat-04', article: 'heat', category: 'long quote, several edits', description: '“come” → “arrive”, “climatologist” → “climate scientist”',
    edits: [
      { replace: 'used to come once', with: 'used to arrive once' },
      { replace: 'a climatologist at', with: 'a climate scientist at' },
    ],
    expect: {
      H10: { text: '“We are seeing the kind of heat that used to arrive once in a generation,” said Dr. Imani Osei, a climate scientist at the state university. “Now it comes every few summers.”' },
      H11: { text: 'said Dr. Imani Osei, a climate scientist at the state university. “Now it comes every few summers.”\n\nThe power grid held' },
    },
  },
  {
    id: 'heat-05', article: 'heat', category: 'block deleted (partial loss of a spanning quote)', description: 'power-grid paragraph deleted',
    edits: [{ deletePara: 4 }],
    expect: {
      H7: 'orphan',
      H11: [{ text: 'said Dr. Imani Osei, a climatologist at the state university. “Now it comes every few summers.”' }, 'orphan'],
    },
  },
  {
    id: 'heat-06', article: 'heat', category: 'whitespace', description: 'no-break space removed; two spaces after every full stop',
    edits: [{ replace: '41.3\u00a0°C', with: '41.3 °C' }, { insert: ' ', afterAll: '. ' }],
    expect: {
      H1: { text: '41.3 °C' },
      H10: { text: '“We are seeing the kind of heat that used to come once in a generation,” said Dr.  Imani Osei, a climatologist at the state university.  “Now it comes every few summers.”' },
      H11: { text: 'said Dr.  Imani Osei, a climatologist at the state university.  “Now it comes every few summers.”\n\nThe power grid held' },
    },
  },
  {
    id: 'heat-07', article: 'heat', category: 'context edited (very short quote)', description: '“until 10 p.m.” → “until 11 p.m.”',
    edits: [{ replace: 'until 10', with: 'until 11' }],
  },
  {
    id: 'heat-08', article: 'heat', category: 'block moved (spanning quote split)', description: 'power-grid paragraph moved above the quotation',
    edits: [{ movePara: 4, to: 3 }],
    expect: {
      H11: ['orphan', { text: 'said Dr. Imani Osei, a climatologist at the state university. “Now it comes every few summers.”' }],
    },
  },

  // ------------------------------------------------------------------ vote
  {
    id: 'vote-01', article: 'vote', category: 'number update', description: 'final results: 52.4 → 52.1 percent; 1,900 → 1,700',
    edits: [{ replace: '52.4 percent', with: '52.1 percent' }, { replace: 'fewer than 1,900 ballots', with: 'fewer than 1,700 ballots' }],
    expect: { V1: { text: '52.1 percent of the vote' } },
  },
  {
    id: 'vote-02', article: 'vote', category: 'block replaced', description: 'the “did not concede” paragraph replaced by news of the concession',
    edits: [{ replacePara: 4, text: 'Okafor conceded on Wednesday afternoon after the provisional ballots widened Park’s lead.' }],
    expect: { V7: 'orphan', V9: 'orphan' },
  },
  {
    id: 'vote-03', article: 'vote', category: 'blocks swapped', description: 'paragraphs 2 and 3 swapped',
    edits: [{ movePara: 2, to: 1 }],
  },
  {
    id: 'vote-04', article: 'vote', category: 'block inserted above + sentence appended', description: 'update line on top, a sentence after the last quote',
    edits: [
      { insertPara: 0, text: 'Updated at 11:30 p.m. with final results from all 212 precincts.' },
      { insert: ' The recount is expected to take a week.', after: 'the margin was 41 votes.' },
    ],
  },
  {
    id: 'vote-05', article: 'vote', category: 'suffix edited (very short quote)', description: '“Grace Park” → “Grace Park-Lewis”',
    edits: [{ insert: '-Lewis', after: 'Grace Park' }],
  },
  {
    id: 'vote-06', article: 'vote', category: 'number update (short quote)', description: 'recount: 41 votes → 43 votes',
    edits: [{ replace: '41 votes', with: '43 votes' }],
    expect: { V8: [{ text: '43 votes' }, 'orphan'] },
  },
  {
    id: 'vote-07', article: 'vote', category: 'short quote, sentence rewritten', description: '“the margin was 41 votes” rewritten without the figure',
    edits: [{ replace: 'where the margin was 41 votes.', with: 'where fewer than fifty votes separated the two candidates.' }],
    expect: { V8: 'orphan' },
  },
  {
    id: 'vote-08', article: 'vote', category: 'meaning flip', description: '“did not concede” → “did concede”',
    edits: [{ replace: 'Okafor did not concede', with: 'Okafor did concede' }],
    expect: { V9: { text: 'Okafor did concede on Tuesday night' } },
  },
  {
    id: 'vote-09', article: 'vote', category: 'both contexts rewritten', description: 'the sentence around an unchanged quote rewritten',
    edits: [
      { replace: 'driven largely by new voters in the rapidly growing Westfield district. ', with: 'thanks mostly to first-time voters in fast-growing Westfield, where ' },
      { replace: ' but lost the older neighbourhoods east of the river.', with: '. He lost everywhere else.' },
    ],
  },
  {
    id: 'vote-10', article: 'vote', category: 'sentence deleted (context)', description: 'the last sentence of paragraph 5 removed',
    edits: [{ replace: ' Election officials expect to finish the count by Friday.', with: '' }],
  },

  // ------------------------------------------------------------------ review
  {
    id: 'review-01', article: 'review', category: 'accents stripped', description: 'Zoë → Zoe, Tomás → Tomas',
    edits: [{ replace: 'Zoë', with: 'Zoe' }, { replace: 'Tomás', with: 'Tomas' }],
    expect: {
      R1: { text: 'Zoe Marchetti’s character simply stops talking' },
      R5: [{ text: 'Tomas' }, 'orphan'],
    },
  },
  {
    id: 'review-02', article: 'review', category: 'typography', description: 'ellipsis character → three full stops',
    edits: [{ replace: '…', with: '...' }],
    expect: { R3: { text: 'keeps the pace brisk ... perhaps too brisk' } },
  },
  {
    id: 'review-03', article: 'review', category: 'unrelated edit', description: 'run extended: April 27 → May 11',
    edits: [{ replace: 'April 27', with: 'May 11' }],
  },
  {
    id: 'review-04', article: 'review', category: 'block replaced', description: 'paragraph 2 rewritten',
    edits: [{ replacePara: 1, text: 'Director Samuel Ferreira moves things along at a clip, sometimes at the expense of a play that is, after all, about waiting.' }],
    expect: { R3: 'orphan' },
  },
  {
    id: 'review-05', article: 'review', category: 'exact rival created', description: '“The Orchard,” → “The Orchard”, in paragraph 1',
    edits: [{ replace: '“The Orchard,” when', with: '“The Orchard”, when' }],
  },
  {
    id: 'review-06', article: 'review', category: 'hyphenation', description: 'half empty → half-empty',
    edits: [{ replace: 'half empty', with: 'half-empty' }],
    expect: { R8: { text: 'half-empty' } },
  },
  {
    id: 'review-07', article: 'review', category: 'full rewrite, last block kept', description: 'paragraphs 1–4 replaced by a short summary',
    edits: [
      { deletePara: 3 }, { deletePara: 2 }, { deletePara: 1 },
      { replacePara: 0, text: 'The Lantern Theatre’s new staging of a quiet family drama is handsome, well acted and a little too eager to please. Zoë Marchetti leads a capable cast.' },
    ],
    expect: { R1: 'orphan', R2: 'orphan', R3: 'orphan', R4: 'orphan', R5: 'orphan', R6: 'orphan', R9: 'orphan' },
  },
  {
    id: 'review-08', article: 'review', category: 'block split', description: 'paragraph 3 split in two',
    edits: [{ replace: 'who hasn’t. Her scenes', with: 'who hasn’t.\n\nHer scenes' }],
  },

  // ------------------------------------------------------------------ study
  {
    id: 'study-01', article: 'study', category: 'number update', description: '2,110 → 2,100',
    edits: [{ replace: '2,110 adults', with: '2,100 adults' }],
    expect: { T3: { text: '2,100 adults aged 38 to 50' } },
  },
  {
    id: 'study-02', article: 'study', category: 'correction appended', description: 'figures corrected, correction note (quoting the old figures) appended',
    edits: [
      { replace: 'a 50 to 70 percent', with: 'a 40 to 60 percent' },
      { insertPara: 5, text: 'Correction: An earlier version of this article misstated the reduction in risk. It was 40 to 60 percent, not 50 to 70 percent.' },
    ],
    expect: { T1: { text: 'a 40 to 60 percent lower risk of dying' } },
  },
  {
    id: 'study-03', article: 'study', category: 'short quote replaced; exact copies elsewhere', description: '“during the study period” → “during the follow-up period”',
    edits: [{ replace: 'during the study period', with: 'during the follow-up period' }],
    expect: { T2: ['orphan', { text: 'the follow-up' }] },
  },
  {
    id: 'study-04', article: 'study', category: 'block moved', description: 'experts’ paragraph moved to the end',
    edits: [{ movePara: 3, to: 4 }],
  },
  {
    id: 'study-05', article: 'study', category: 'sentences reordered', description: 'the two sentences of paragraph 3 swapped',
    edits: [{ replacePara: 2, text: 'What mattered was the total number of steps — a finding that may encourage people who cannot walk briskly. Walking speed did not seem to matter, the authors wrote.' }],
    expect: {
      T4: { text: 'Walking speed did not seem to matter' },
      T5: { text: 'a finding that may encourage people who cannot walk briskly' },
    },
  },
  {
    id: 'study-06', article: 'study', category: 'duplicate pull quote inserted', description: 'the quotation repeated as a pull quote near the top',
    edits: [{ insertPara: 1, text: '“People who walk more may already be healthier for other reasons,”' }],
  },
  {
    id: 'study-07', article: 'study', category: 'correction replaces block', description: 'paragraph 3 replaced by a correction note',
    edits: [{ replacePara: 2, text: 'Correction: An earlier version of this article misstated how walking speed was measured in the study.' }],
    expect: { T4: 'orphan', T5: 'orphan' },
  },
  {
    id: 'study-08', article: 'study', category: 'several revisions', description: 'day, figure style, added paragraph, wording',
    edits: [
      { replace: 'on Wednesday', with: 'on Tuesday' },
      { replace: 'eleven years', with: '11 years' },
      { insertPara: 2, text: 'The researchers adjusted for smoking, body weight and income.' },
      { replace: 'Outside experts cautioned', with: 'Independent experts cautioned' },
    ],
  },
  {
    id: 'study-09', article: 'study', category: 'rival occurrences inserted before target', description: 'a new first paragraph mentioning “the study” twice',
    edits: [{ insertPara: 0, text: 'How much walking is enough? A new study offers an answer, and the study’s authors say the number is lower than many people think. Here is what the study found.' }],
  },
  // ------------------------------------------------------------------ harder cases (added after the first run)
  {
    id: 'lib-12', article: 'lib', category: 'last block deleted', description: 'the closing paragraph (holding the text’s last words) deleted',
    edits: [{ deletePara: 5 }],
    expect: { L9: 'orphan', L13: 'orphan' },
  },
  {
    id: 'lib-13', article: 'lib', category: 'quote at text start edited', description: '“The Northgate branch library” → “Northgate’s branch library”',
    edits: [{ replace: 'The Northgate branch library', with: 'Northgate’s branch library' }],
    expect: { L12: ['orphan', { text: 'Northgate’s branch library' }] },
  },
  {
    id: 'bridge-10', article: 'bridge', category: 'block moved and edited', description: 'spokesperson’s paragraph moved to the end and its quotation edited',
    edits: [{ movePara: 2, to: 5 }, { replace: 'by more than a decade', with: 'by more than ten years' }],
    expect: { B4: { text: '“have outlived their design life by more than ten years.”' } },
  },
  {
    id: 'vote-11', article: 'vote', category: 'near-duplicate left after deletion', description: 'the “closest mayoral race” clause cut; a new paragraph speaks of “the closest council race in two decades”',
    edits: [
      { replace: ' in the closest mayoral race in two decades.', with: '.' },
      { insertPara: 6, text: 'It was also the closest council race in two decades, officials said.' },
    ],
    expect: { V3: 'orphan' },
  },
  {
    id: 'vote-12', article: 'vote', category: 'both contexts edited (very short quote)', description: '“Incumbent mayor Grace Park won” → “Mayor Grace Park has won”',
    edits: [{ replace: 'Incumbent mayor Grace ', with: 'Mayor Grace ' }, { replace: ' won a third term', with: ' has won a third term' }],
  },
  {
    id: 'heat-09', article: 'heat', category: 'block split inside quote', description: 'the quotation paragraph split in two',
    edits: [{ replace: 'state university. ', with: 'state university.\n\n' }],
    expect: {
      H10: { text: '“We are seeing the kind of heat that used to come once in a generation,” said Dr. Imani Osei, a climatologist at the state university.\n\n“Now it comes every few summers.”' },
      H11: { text: 'said Dr. Imani Osei, a climatologist at the state university.\n\n“Now it comes every few summers.”\n\nThe power grid held' },
    },
  },
  {
    id: 'lunch-11', article: 'lunch', category: 'middle of a three-block quote deleted', description: 'paragraph 5 deleted',
    edits: [{ deletePara: 4 }],
    expect: { U6: 'orphan', U7: 'orphan', U11: 'orphan' },
  },
  {
    id: 'study-10', article: 'study', category: 'quote and both contexts edited', description: 'sentence reworded around and inside the quote; next paragraph’s opening changed',
    edits: [
      { replace: 'What mattered was the total number of steps — a finding that may encourage', with: 'What counted was the total step count, a finding that could encourage' },
      { replace: 'Outside experts cautioned', with: 'Other researchers cautioned' },
    ],
    expect: { T5: { text: 'a finding that could encourage people who cannot walk briskly' } },
  },
  {
    id: 'study-11', article: 'study', category: 'paragraph pasted twice (identical context)', description: 'last paragraph duplicated verbatim, and a paragraph inserted on top',
    edits: [
      { insertPara: 5, text: 'The authors acknowledged the limitation and said a randomized trial would be needed to show cause and effect.' },
      { insertPara: 0, text: 'A note on methods: step counts came from hip-worn devices.' },
    ],
    expect: { T7: ['orphan', { text: 'a randomized trial would be needed to show cause and effect' }] },
  },

  // ------------------------------------------------------------------ budget (lists)
  {
    id: 'budget-01', article: 'budget', category: 'list values updated', description: '$96 million → $108 million; $127 million → $115 million',
    edits: [{ replace: '$96 million', with: '$108 million' }, { replace: '$127 million', with: '$115 million' }],
    expect: { G1: { text: '• Roads and transit: $108 million' } },
  },
  {
    id: 'budget-02', article: 'budget', category: 'list items reordered', description: 'two list lines swapped',
    edits: [{ replace: '• Roads and transit: $96 million\n• Parks and libraries: $41 million', with: '• Parks and libraries: $41 million\n• Roads and transit: $96 million' }],
    expect: {
      G1: { text: '• Roads and transit: $96 million' },
      G2: { text: '$41 million' },
      G7: ['orphan', { text: 'Police and fire: $148 million' }],
    },
  },
  {
    id: 'budget-03', article: 'budget', category: 'date update (short quote)', description: 'May 14 → May 21',
    edits: [{ replace: 'May 14', with: 'May 21' }],
    expect: { G6: [{ text: 'May 21' }, 'orphan'] },
  },
  {
    id: 'budget-04', article: 'budget', category: 'block deleted; partial rival elsewhere', description: 'the parks paragraph deleted (“Parks and libraries” remains in the list)',
    edits: [{ deletePara: 3 }],
    expect: { G4: 'orphan', G5: 'orphan' },
  },
  {
    id: 'budget-05', article: 'budget', category: 'list rewritten as prose', description: 'the list replaced by one sentence with the same figures',
    edits: [{ replacePara: 1, text: 'The police and fire departments get $148 million, roads and transit $96 million, parks and libraries $41 million, and everything else $127 million.' }],
    expect: {
      G1: ['orphan', { text: 'roads and transit $96 million' }],
      G2: ['orphan', { text: '$41 million' }],
      G7: ['orphan', { text: 'police and fire departments get $148 million, roads and transit' }],
    },
  },
  {
    id: 'budget-06', article: 'budget', category: 'sentence deleted; similar line elsewhere', description: '“Here is where the money goes, and what changed.” cut',
    edits: [{ replace: ' Here is where the money goes, and what changed.', with: '' }],
    expect: { G8: 'orphan' },
  },
  {
    id: 'budget-07', article: 'budget', category: 'unrelated edit', description: 'totals revised in the first sentence',
    edits: [{ replace: '$412 million, up 3.1 percent', with: '$415 million, up 3.8 percent' }],
  },

  // ------------------------------------------------------------------ kyoto (Japanese, no spaces)
  {
    id: 'kyoto-01', article: 'kyoto', category: 'CJK: number update', description: '二十円 → 三十円',
    edits: [{ replace: '二十円', with: '三十円' }],
    expect: { K1: [{ text: '三十円値上げ' }, 'orphan'] },
  },
  {
    id: 'kyoto-02', article: 'kyoto', category: 'CJK: block deleted', description: 'paragraph 2 deleted',
    edits: [{ deletePara: 1 }],
    expect: { K2: 'orphan' },
  },
  {
    id: 'kyoto-03', article: 'kyoto', category: 'CJK: block inserted above, rivals', description: 'a new first paragraph mentioning 値上げ twice',
    edits: [{ insertPara: 0, text: '【更新】市議会は値上げ案を来月審議する。値上げに反対する意見も多い。' }],
  },
  {
    id: 'kyoto-04', article: 'kyoto', category: 'CJK: light rewording', description: '減っている → 減少している',
    edits: [{ replace: '減っている', with: '減少している' }],
    expect: { K5: { text: '地元住民の利用は減少している' } },
  },
];
