import type { DemoColumn } from '../column.js';

export const smartCityContracts: DemoColumn = {
  slug: 'a-smart-city-is-only-as-wise-as-its-contracts',
  title: 'A smart city is only as wise as its contracts',
  dek:
    'Sensors on every lamp post promise a more responsive city. Unless the council writes the rules first, ' +
    'they will simply deliver a better-informed landlord.',
  author: {
    name: 'Oren Maddox',
    bio:
      'Oren Maddox is a software engineer who has spent a decade building digital services for local ' +
      'authorities.',
  },
  category: 'Technology',
  tags: ['smart cities', 'data privacy', 'artificial intelligence', 'local government', 'public transport'],
  publishedAt: '2026-11-06',
  body: [
    {
      type: 'p',
      text:
        'The lamp posts on Harbour Parade are getting cleverer. Over the next two years, under a scheme the ' +
        'council has branded Larkmoor Connected, several hundred of them will be fitted with sensors that count ' +
        'footfall, measure air quality, monitor traffic and — in a later phase, if the business case holds up ' +
        '— listen for the sound of breaking glass.',
    },
    {
      type: 'p',
      text:
        'I have spent a decade building software for local authorities, and I want to say at the outset that ' +
        'much of this is genuinely useful. Air-quality readings outside schools are valuable. Knowing which ' +
        'crossings pedestrians actually use helps engineers design safer junctions. Real-time bus information, ' +
        'fed by sensors rather than guesswork, makes public transport more usable for everyone.',
    },
    {
      type: 'p',
      text:
        'But the question that decides whether a smart city serves its residents is rarely technical. It is ' +
        'contractual. Who owns the data? Who can see it? How long is it kept? And what happens when the council ' +
        'wants to leave?',
    },
    { type: 'h2', text: 'The landlord problem' },
    {
      type: 'p',
      text:
        'Most smart-city schemes are not built by councils. They are built by a supplier, usually on a long ' +
        'contract, with the equipment, the software and the data platform bundled together. The council pays a ' +
        'fee and gets a dashboard. It is an attractive deal for a cash-strapped authority: someone else carries ' +
        'the up-front cost, and the technology arrives with a polished launch event.',
    },
    {
      type: 'p',
      text:
        'The catch is that the supplier now sits between the city and knowledge about itself. If the footfall ' +
        'data lives in the supplier’s platform, in the supplier’s format, the council cannot easily take it ' +
        'elsewhere. If the contract allows the supplier to “use anonymised data to improve its services”, the ' +
        'patterns of a city’s movements may end up training products sold to other clients. And when the ' +
        'contract comes up for renewal, the council discovers it has no practical choice but to renew, because ' +
        'switching would mean ripping out the lamp posts.',
    },
    {
      type: 'p',
      text:
        'This is what I call the landlord problem. Cities that sign these deals hoping for a better-informed ' +
        'public servant too often end up with a better-informed landlord.',
    },
    { type: 'h2', text: 'Lessons from someone who read the small print' },
    {
      type: 'p',
      text:
        'Priya Lindqvist spent six years as the data-protection officer for Fenwater County Council, during ' +
        'which she reviewed, by her count, more than forty technology contracts. She now advises smaller ' +
        'authorities. I asked her what she wished every councillor knew before signing.',
    },
    {
      type: 'quote',
      paragraphs: [
        'The first thing is that the contract is the policy. People think the policy is the nice document with ' +
          'the photographs on the front — the strategy, the vision, the values. It isn’t. If the contract says ' +
          'the supplier can keep the data for seven years, then the city’s policy is seven years, whatever the ' +
          'strategy says.',
        'The second thing is that “anonymised” is a word, not a guarantee. I’ve seen contracts where the data ' +
          'was described as anonymous and it included the exact time and place of every phone that passed a ' +
          'sensor. You don’t need a name to identify someone if you know where they sleep and where they work. ' +
          'So I ask: anonymised how, by whom, and checked by whom? If nobody can answer, it isn’t anonymised.',
        'Third, plan the divorce before the wedding. Every contract should say, in plain language, what happens ' +
          'at the end: the data comes back to the council in an open format, the supplier deletes its copies, ' +
          'and the hardware can be run by someone else. If a supplier won’t agree to that, you’ve learned ' +
          'something important about the relationship.',
        'And the last thing — the one people forget — is to tell the residents. Put a sign on the lamp post. ' +
          'Say what it collects, in a sentence a child could read, and give an address where people can read ' +
          'the contract. If you’d be embarrassed to put it on the sign, you shouldn’t be collecting it.',
      ],
      cite: 'Priya Lindqvist, former data-protection officer at Fenwater County Council, interviewed by the author',
    },
    { type: 'h2', text: 'What Larkmoor should do now' },
    {
      type: 'p',
      text:
        'Larkmoor Connected is still at an early stage. The first phase, run by the Parks & Highways ' +
        'directorate, covers air quality and footfall only. That gives the council a window to set the rules ' +
        'before the sensors multiply.',
    },
    {
      type: 'p',
      text:
        'It should publish the contract in full, with only genuinely commercial details redacted. It should ' +
        'commit, publicly, that the raw data belongs to the city and will be published as open data wherever it ' +
        'does not identify individuals. It should rule out listening devices altogether unless and until there ' +
        'has been a proper public debate — not a consultation buried on page four of the council website. And ' +
        'it should insist on the right to take the data and leave, with that right tested before the first ' +
        'renewal, not discovered at it.',
    },
    {
      type: 'p',
      text:
        'None of this is hostile to technology. Quite the opposite: it is the only basis on which residents can ' +
        'trust it. A sensor that counts pedestrians to make a crossing safer is a public good. The same sensor, ' +
        'governed by a contract nobody has read, is a quiet transfer of knowledge from the many to the few.',
    },
    { type: 'h2', text: 'Wiser, not just smarter' },
    {
      type: 'p',
      text:
        'There is a tendency to talk about smart cities as though intelligence were a property of the hardware ' +
        '— as though enough sensors, enough data and a clever enough algorithm would eventually produce good ' +
        'decisions by themselves. They will not. The wisdom has to come from the people who decide what to ' +
        'measure, who may see it, and what it is for.',
    },
    {
      type: 'p',
      text:
        'That work happens in committee rooms and in the small print of procurement documents. It is ' +
        'unglamorous. It does not make for a launch event. But it is where a city decides whether its lamp ' +
        'posts are working for its residents, or simply watching them.',
    },
  ],
};
