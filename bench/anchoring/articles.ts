/**
 * Original articles for the anchoring benchmark (written for this suite; the people, places and figures are
 * invented). Paragraphs are joined by a blank line. Each article carries the reader annotations made on it:
 * `exact` is the selected text, located at the `nth` occurrence of `after + exact` (the `after` part is not
 * selected).
 */

export interface AnnotationSpec {
  readonly exact: string;
  readonly after?: string;
  readonly nth?: number;
  readonly note?: string;
}

export interface Article {
  readonly id: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly annotations: Readonly<Record<string, AnnotationSpec>>;
}

export const ARTICLES: readonly Article[] = [
  {
    id: 'lib',
    title: 'Northgate library to close on Sundays',
    paragraphs: [
      'The Northgate branch library will close on Sundays from March 1, the city’s library board decided on Thursday — a change that officials say will save about $310,000 a year.',
      'The board voted 5–2 after a three-hour meeting in the Northgate community room, which was so crowded that several parents stood in the hallway with their children. Most of the forty-one speakers opposed the cut.',
      '“Sunday is the only day my kids and I can come together,” said Maria Delgado, who works two jobs and lives six blocks from the branch. “If you close on Sunday, you close it for us.”',
      'Board chair Thomas Whitfeld said the decision was painful but unavoidable. The library’s budget has been flat for four years while costs for staff, heating and digital licences have risen steadily, he said.',
      'Critics point out that the board spent $1.2 million last year renovating the downtown branch’s reading room. “The money is there,” said councillor Aisha Rahman. “It is simply being spent somewhere else.”',
      'The board will review Sunday attendance figures in September and has promised to reconsider the closure if the budget improves.',
    ],
    annotations: {
      L1: { exact: 'will save about $310,000 a year' },
      L2: { exact: 'voted 5–2', note: 'short, en dash' },
      L3: { exact: 'Most of the forty-one speakers opposed the cut.' },
      L4: { exact: '“If you close on Sunday, you close it for us.”' },
      L5: { exact: 'Delgado', note: 'short name' },
      L6: { exact: 'the decision was painful but unavoidable' },
      L7: { exact: 'Whitfeld', note: 'reader: the name is misspelt' },
      L8: { exact: '“The money is there,” said councillor Aisha Rahman.' },
      L9: { exact: 'has promised to reconsider the closure if the budget improves' },
      L10: { exact: 'opposed the cut.\n\n“Sunday is the only day', note: 'crosses a paragraph break' },
      L11: { exact: 'the board', after: 'that ', note: 'also “The board” twice elsewhere' },
      L12: { exact: 'The Northgate branch library', note: 'starts the text: no prefix' },
      L13: { exact: 'if the budget improves.', note: 'ends the text: no suffix' },
    },
  },
  {
    id: 'bridge',
    title: 'Eastway Bridge to close for eleven weeks',
    paragraphs: [
      'The Eastway Bridge will close to all traffic for eleven weeks this summer while crews replace the steel expansion joints, the regional transport agency announced on Monday.',
      'The closure begins on June 9 and is expected to add between twenty and forty minutes to the morning commute for roughly 38,000 drivers who cross the river each day. Buses will be rerouted over the older Millgate Bridge, which has a weight limit of 18 tonnes.',
      'Agency spokesperson Karen Liu said the joints were installed in 1987 and “have outlived their design life by more than a decade.” Inspectors found cracks in two of the six joints last autumn.',
      'Business owners on Harbour Street are worried. “July and August are when we make our year,” said Peter Liu, who runs a bicycle-rental shop near the bridge’s eastern end. He is not related to the spokesperson.',
      'The agency considered closing one lane at a time, which would have stretched the work over two summers. It rejected that option because of the cost — an estimated $14 million more — and the longer disruption.',
      'A free ferry will run every fifteen minutes between the two riverbanks during the closure, from 6 a.m. to 10 p.m. on weekdays.',
    ],
    annotations: {
      B1: { exact: 'eleven weeks', after: 'for ' },
      B2: { exact: 'roughly 38,000 drivers who cross the river each day' },
      B3: { exact: 'Liu', after: 'Karen ', note: 'three letters; “Peter Liu” elsewhere' },
      B4: { exact: '“have outlived their design life by more than a decade.”' },
      B5: { exact: '“July and August are when we make our year,”' },
      B6: { exact: 'He is not related to the spokesperson.' },
      B7: { exact: 'because of the cost — an estimated $14 million more —' },
      B8: { exact: 'every fifteen minutes' },
      B9: { exact: 'which has a weight limit of 18 tonnes' },
      B10: { exact: 'bridge', after: 'near the ', note: '“Bridge” three times elsewhere (case differs)' },
    },
  },
  {
    id: 'lunch',
    title: 'Opinion: Keep school lunch free',
    paragraphs: [
      'Every school day, about 4,200 children in our district eat a lunch that costs the district $3.85 to make and costs their families nothing. It is one of the best things this town does, and the school board wants to end it.',
      'The board’s proposal would replace free lunch for every student with a means-tested program — free for families below a set income, $2.75 a day for everyone else. On paper it saves $1.9 million a year.',
      'On paper. In practice, means testing has a cost of its own: forms, verification staff, appeals, and the families who qualify but never apply. When the district last used such a system, before 2019, a third of eligible children were not enrolled.',
      'There is also the stigma. A child who knows which classmates get the “free” tray learns a lesson no teacher meant to teach. Universal lunch removed that line. It should stay removed.',
      'The board says the money is needed for teacher salaries. That is a real need. But the district found $2.3 million last spring for new artificial turf at two high schools, and nobody asked the football players to fill out a form.',
      'Keep lunch free. Find the money somewhere else.',
    ],
    annotations: {
      U1: { exact: 'On paper it saves $1.9 million a year.' },
      U2: { exact: 'On paper.', after: '\n\n', note: 'short; “On paper” also ends the previous paragraph' },
      U3: { exact: 'a third of eligible children were not enrolled' },
      U4: { exact: '“free”', note: 'six characters with curly quotes' },
      U5: { exact: 'learns a lesson no teacher meant to teach' },
      U6: { exact: 'That is a real need.' },
      U7: { exact: 'nobody asked the football players to fill out a form' },
      U8: { exact: 'Keep lunch free.' },
      U9: { exact: 'the school board wants to end it' },
      U10: { exact: '$3.85', note: 'five characters' },
      U11: { exact: 'It should stay removed.\n\nThe board says the money is needed for teacher salaries. That is a real need. But the district found $2.3 million last spring for new artificial turf at two high schools, and nobody asked the football players to fill out a form.\n\nKeep lunch free.', note: 'spans three paragraphs' },
    },
  },
  {
    id: 'heat',
    title: 'Record heat strains hospitals and the grid',
    paragraphs: [
      'Temperatures reached 41.3\u00a0°C at the airport weather station on Saturday afternoon, the highest reading since records began in 1921, the national weather service said.',
      'Hospitals in the metropolitan area treated 212 people for heat-related illness over the weekend, most of them older adults and outdoor workers. Two deaths are under investigation.',
      'The city opened fourteen cooling centres and extended the hours of public pools until 10 p.m. Officials urged residents to check on elderly neighbours — especially those living alone — at least twice a day.',
      '“We are seeing the kind of heat that used to come once in a generation,” said Dr. Imani Osei, a climatologist at the state university. “Now it comes every few summers.”',
      'The power grid held, though the utility asked customers to avoid running dishwashers and washing machines between 4 and 8 p.m. Demand peaked at 9,870 megawatts on Saturday, just below the system’s limit.',
      'Forecasters expect temperatures to fall to the low 30s by Wednesday, when a cold front arrives from the north.',
    ],
    annotations: {
      H1: { exact: '41.3\u00a0°C', note: 'no-break space' },
      H2: { exact: 'the highest reading since records began in 1921' },
      H3: { exact: '212 people' },
      H4: { exact: 'Two deaths are under investigation.' },
      H5: { exact: '— especially those living alone —' },
      H6: { exact: '“Now it comes every few summers.”' },
      H7: { exact: 'between 4 and 8 p.m.' },
      H8: { exact: 'p.m.', after: 'until 10 ', note: 'four characters; two more “p.m.” later' },
      H9: { exact: 'the low 30s by Wednesday' },
      H10: { exact: '“We are seeing the kind of heat that used to come once in a generation,” said Dr. Imani Osei, a climatologist at the state university. “Now it comes every few summers.”', note: 'whole paragraph' },
      H11: { exact: 'said Dr. Imani Osei, a climatologist at the state university. “Now it comes every few summers.”\n\nThe power grid held', note: 'crosses a paragraph break' },
    },
  },
  {
    id: 'vote',
    title: 'Park wins third term by narrow margin',
    paragraphs: [
      'Incumbent mayor Grace Park won a third term on Tuesday with 52.4 percent of the vote, defeating challenger Daniel Okafor by fewer than 1,900 ballots in the closest mayoral race in two decades.',
      'Turnout was 46 percent, up from 38 percent four years ago, driven largely by new voters in the rapidly growing Westfield district. Okafor carried Westfield by eleven points but lost the older neighbourhoods east of the river.',
      'Park, 61, campaigned on her record of balanced budgets and a new downtown transit hub. Okafor, a 34-year-old former teacher, ran on housing: he promised 5,000 new affordable units in four years.',
      'In her victory speech, Park acknowledged the narrow margin. “Half this city voted for change,” she said. “I heard them, and I intend to prove it.”',
      'Okafor did not concede on Tuesday night, saying he would wait for the roughly 3,000 provisional ballots to be counted. Election officials expect to finish the count by Friday.',
      'Council results were also close. Two of the five seats changed hands, and a recount has been requested in District 4, where the margin was 41 votes.',
    ],
    annotations: {
      V1: { exact: '52.4 percent of the vote' },
      V2: { exact: 'Park', after: 'Grace ', note: 'four letters; “Park” twice more' },
      V3: { exact: 'the closest mayoral race in two decades' },
      V4: { exact: 'Okafor carried Westfield by eleven points' },
      V5: { exact: 'he promised 5,000 new affordable units in four years' },
      V6: { exact: '“Half this city voted for change,”' },
      V7: { exact: 'the roughly 3,000 provisional ballots' },
      V8: { exact: '41 votes' },
      V9: { exact: 'Okafor did not concede on Tuesday night' },
    },
  },
  {
    id: 'review',
    title: 'Review: “The Orchard” at the Lantern Theatre',
    paragraphs: [
      'There is a moment, about forty minutes into the Lantern Theatre’s new production of “The Orchard,” when the lights drop and Zoë Marchetti’s character simply stops talking. Nobody on stage moves. For nearly a minute, the only sound is rain.',
      'It is the bravest thing in an evening that is otherwise content to be pleasant. Director Samuel Ferreira keeps the pace brisk … perhaps too brisk for a play that is about waiting.',
      'Marchetti is superb as Vera, the eldest sister, who has given up on leaving the village and resents everyone who hasn’t. Her scenes with Tomás Reyes, as the returning cousin, crackle with things neither character will say.',
      'The set — a kitchen, a porch, a row of bare trees painted on a scrim — is lovely but busy. The costumes are exact to the period, down to the mended stockings.',
      '“The Orchard” runs through April 27. Tickets start at $28; the Thursday matinées are cheaper and, on the night I went, half empty.',
    ],
    annotations: {
      R1: { exact: 'Zoë Marchetti’s character simply stops talking' },
      R2: { exact: 'For nearly a minute, the only sound is rain.' },
      R3: { exact: 'keeps the pace brisk … perhaps too brisk' },
      R4: { exact: 'Marchetti is superb as Vera' },
      R5: { exact: 'Tomás', note: 'accented, five characters' },
      R6: { exact: 'is lovely but busy' },
      R7: { exact: '“The Orchard”', after: '\n\n', note: '“The Orchard,” (comma inside) in the first paragraph' },
      R8: { exact: 'half empty' },
      R9: { exact: 'the returning cousin' },
    },
  },
  {
    id: 'study',
    title: 'Daily steps and mortality: a new study',
    paragraphs: [
      'Adults who walked at least 7,000 steps a day had a 50 to 70 percent lower risk of dying during the study period than those who walked fewer, according to research published on Wednesday in a peer-reviewed journal.',
      'The study followed 2,110 adults aged 38 to 50 for an average of eleven years. Participants wore step counters for a week at the start of the study, and the researchers then tracked deaths using public records.',
      'Walking speed did not seem to matter, the authors wrote. What mattered was the total number of steps — a finding that may encourage people who cannot walk briskly.',
      'Outside experts cautioned that the study was observational. “People who walk more may already be healthier for other reasons,” said Dr. Lena Hoffmann, an epidemiologist who was not involved in the research.',
      'The authors acknowledged the limitation and said a randomized trial would be needed to show cause and effect.',
    ],
    annotations: {
      T1: { exact: 'a 50 to 70 percent lower risk of dying' },
      T2: { exact: 'the study', after: 'during ', note: 'nine characters; “the study” three times more' },
      T3: { exact: '2,110 adults aged 38 to 50' },
      T4: { exact: 'Walking speed did not seem to matter' },
      T5: { exact: 'a finding that may encourage people who cannot walk briskly' },
      T6: { exact: '“People who walk more may already be healthier for other reasons,”' },
      T7: { exact: 'a randomized trial would be needed to show cause and effect' },
      T8: { exact: 'observational' },
    },
  },
  {
    id: 'budget',
    title: 'What is in the council’s draft budget',
    paragraphs: [
      'The council’s draft budget for next year totals $412 million, up 3.1 percent from this year. Here is where the money goes, and what changed.',
      'Where the money goes:\n• Police and fire: $148 million\n• Roads and transit: $96 million\n• Parks and libraries: $41 million\n• Everything else: $127 million',
      'The biggest change is in roads. The council added $12 million for pothole repair after a winter that left some streets “looking like the surface of the moon,” in the words of one councillor.',
      'Parks and libraries lose $3 million compared with this year. The parks department says it will close two of its eleven outdoor pools; the library board has already cut Sunday hours at one branch.',
      'A public hearing on the budget is scheduled for May 14. The council must adopt a final budget by June 30.',
    ],
    annotations: {
      G1: { exact: '• Roads and transit: $96 million', note: 'a list item' },
      G2: { exact: '$41 million' },
      G3: { exact: '“looking like the surface of the moon,”' },
      G4: { exact: 'Parks and libraries lose $3 million compared with this year.', note: '“Parks and libraries” also in the list' },
      G5: { exact: 'close two of its eleven outdoor pools' },
      G6: { exact: 'May 14', note: 'six characters' },
      G7: { exact: 'Police and fire: $148 million\n• Roads and transit', note: 'spans two list lines' },
      G8: { exact: 'Here is where the money goes, and what changed.', note: '“Where the money goes:” opens the next paragraph' },
    },
  },
  {
    id: 'kyoto',
    title: '京都市バス、運賃値上げへ (Japanese: Kyoto city buses to raise fares)',
    paragraphs: [
      '京都市は十五日、市営バスの運賃を来年四月から二十円値上げすると発表した。値上げは十一年ぶりとなる。',
      '市交通局によると、燃料費と人件費の上昇で、昨年度の赤字は約三十八億円に膨らんだ。「このままでは路線を維持できない」と局長は述べた。',
      '観光客の増加で混雑が続く一方、地元住民の利用は減っている。市は観光客向けの一日券を廃止する方針も示した。',
      '市民団体は「生活の足を守るべきだ」として、値上げの撤回を求める署名活動を始めた。',
    ],
    annotations: {
      K1: { exact: '二十円値上げ' },
      K2: { exact: '「このままでは路線を維持できない」' },
      K3: { exact: '一日券を廃止する' },
      K4: { exact: '値上げ', after: 'として、', note: 'three characters; “値上げ” twice more' },
      K5: { exact: '地元住民の利用は減っている' },
    },
  },
];
