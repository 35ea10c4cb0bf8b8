import type { DemoColumn } from '../column.js';

export const busStopTownSquare: DemoColumn = {
  slug: 'the-bus-stop-is-the-real-town-square',
  title: 'The bus stop is the real town square',
  dek:
    'We lavish money on plazas nobody asked for, while the places where people actually wait, talk and ' +
    'shelter from the rain are left as a pole and an out-of-date timetable.',
  author: {
    name: 'Imogen Threlfall',
    bio:
      'Imogen Threlfall writes about cities, transport and the places where strangers meet. She planned bus ' +
      'routes for nine years before turning to journalism.',
  },
  category: 'Cities',
  tags: ['public transport', 'public space', 'local government', 'urban design'],
  publishedAt: '2026-09-14',
  body: [
    {
      type: 'p',
      text:
        'Every few years, someone in Larkmoor’s civic offices unrolls a drawing of a new public square. It is ' +
        'always sunny in the drawing. There are always young couples with prams, a man on a bench reading a ' +
        'paper newspaper, and a fountain that will be switched off within eighteen months to save on ' +
        'maintenance. The square gets built, photographed, and then quietly abandoned to pigeons and the ' +
        'occasional farmers’ market.',
    },
    {
      type: 'p',
      text:
        'Meanwhile, three hundred yards away, forty people are standing in the drizzle at the Quayside Road ' +
        'bus stop, because that is where the city actually meets itself.',
    },
    {
      type: 'p',
      text:
        'I spent nine years planning bus routes before I started writing about them, and the thing that ' +
        'surprised me most was not the timetabling or the politics of depot locations. It was how much life ' +
        'happens at the stop. Children are handed from one parent to another there. Neighbours who would never ' +
        'knock on each other’s doors talk about the weather, the council, the price of eggs. Older residents who ' +
        'live alone will tell you, if you ask, that the wait for the number 12 is the only conversation they ' +
        'have on some days.',
    },
    { type: 'h2', text: 'A place we refuse to see' },
    {
      type: 'p',
      text:
        'We do not think of the bus stop as a public space because we have decided it is a piece of transport ' +
        'equipment. It appears in budgets under “street furniture”, alongside bollards and grit bins. It is ' +
        'designed to be cheap, vandal-resistant and, above all, temporary — a place you are supposed to leave ' +
        'as quickly as possible.',
    },
    {
      type: 'p',
      text:
        'But the average off-peak wait in Larkmoor, by the operator’s own reckoning, is a little over nine ' +
        'minutes. Multiply that by the number of journeys and you arrive at something remarkable: between us, ' +
        'the people of this city spend more time at bus stops each week than in all of our parks combined. If ' +
        'any other public place drew that sort of footfall, we would be commissioning sculptures for it.',
    },
    {
      type: 'p',
      text:
        'Instead we give it a metal pole, a laminated timetable that was last accurate in spring, and — if the ' +
        'stop is lucky — a shelter with a bench designed so that nobody could possibly lie down on it, or ' +
        'indeed sit on it for very long.',
    },
    { type: 'h2', text: 'What the transit director said' },
    {
      type: 'p',
      text:
        'Last month, the director of Larkmoor Transit gave evidence to the council’s transport committee. It ' +
        'was the kind of session that rarely makes the news: forty minutes on fare structures, twenty on depot ' +
        'electricity. Then a councillor asked her, almost as an afterthought, what she would do with an extra ' +
        'million pounds. Her answer deserves quoting at length.',
    },
    {
      type: 'quote',
      paragraphs: [
        'I wouldn’t buy a single new bus. I know that’s not the answer you expect from someone in my job. But ' +
          'our buses are, broadly, fine. What isn’t fine is the first and last five minutes of every journey — ' +
          'the walk to the stop, and the wait once you get there.',
        'We did a survey last winter. We asked people who had stopped using the bus why they’d stopped. Almost ' +
          'nobody mentioned the fare. They talked about standing in the dark. They talked about not knowing ' +
          'whether the bus was coming at all. One woman told us she’d given up because there was nowhere to sit ' +
          'and her knees couldn’t manage twenty minutes standing. Twenty minutes, for want of a bench. That’s ' +
          'what we lost her for.',
        'So if you gave me a million pounds, I would spend it on light, on seats with backs, on shelters that ' +
          'actually keep the rain off when the wind comes in off the estuary, and on screens that tell the ' +
          'truth about when the next bus will arrive. I’d put a bin at every stop, and I’d give every stop a ' +
          'name — a proper name — so people can say “meet me at the Chandlers’ Yard stop” the way they’d say ' +
          '“meet me by the clock”. A stop with a name is a place. A stop with a number is a pole.',
        'And I’d ask the residents. Every stop has a handful of people who use it every day. They know which ' +
          'way the rain blows. They know which corner gets icy. We have never once asked them.',
      ],
      cite: 'Delphine Akerman, director of Larkmoor Transit, giving evidence to the council’s transport committee',
    },
    {
      type: 'p',
      text:
        'I have read a great many transport strategies. I have rarely read anything as sensible as that.',
    },
    { type: 'h2', text: 'Small money, large returns' },
    {
      type: 'p',
      text:
        'The objection will be cost, and it deserves a straight answer. A good shelter — lit, glazed on three ' +
        'sides, with seats that have backs and a display that tells the truth — costs less than the granite ' +
        'for a single flower bed in the refurbished Exchange Square. Naming every stop in the city would cost ' +
        'the price of the signs. The real expense is not money; it is attention.',
    },
    {
      type: 'p',
      text:
        'That is not an argument against ever building squares. It is an argument about proportion. A ' +
        'well-designed stop is used by hundreds of people a day, every day, in all weathers, by exactly the ' +
        'residents who are least likely to be found at a farmers’ market: shift workers, carers, teenagers, ' +
        'pensioners, people who cannot afford a car or cannot drive one.',
    },
    {
      type: 'p',
      text:
        'There are smaller things, too, that cost almost nothing. Naming stops after the streets, pubs and ' +
        'landmarks people actually use. Letting the primary school next door paint the shelter panels. ' +
        'Putting the timetable at a height a wheelchair user can read. Planting a tree on the south side so ' +
        'that the summer wait is not spent squinting into the glare.',
    },
    { type: 'h2', text: 'Where the city meets itself' },
    {
      type: 'p',
      text:
        'Town squares were never, historically, designed as places to linger. They were markets and ' +
        'junctions, places you passed through on the way to something else — and people lingered anyway, ' +
        'because that is where other people were. The bus stop is the modern heir to that tradition. It is the ' +
        'one place in the city where the solicitor and the cleaner, the student and the pensioner, stand side ' +
        'by side with nothing to do but wait.',
    },
    {
      type: 'p',
      text:
        'We can keep treating that as a problem to be minimised. Or we can accept that the city has already ' +
        'chosen its squares, and that it is our job to make them worth standing in.',
    },
    {
      type: 'p',
      text:
        'The next time the council unrolls a drawing of a sunny plaza, I hope someone asks the obvious ' +
        'question: how many people will be waiting there on a wet Tuesday in February? If the answer is fewer ' +
        'than at the Quayside Road stop, we know where the money should go.',
    },
  ],
};
