import type { DemoColumn } from '../column.js';

export const librarySellsNothing: DemoColumn = {
  slug: 'the-library-is-the-last-room-where-nobody-sells-you-anything',
  title: 'The library is the last room where nobody is selling you anything',
  dek:
    'Every other indoor space in the city wants your money, your data or your attention. That is exactly why ' +
    'the reading room must be defended.',
  author: {
    name: 'Ruth Penhallow',
    bio:
      'Ruth Penhallow is a writer and a trustee of a community arts trust in Larkmoor. She did most of her ' +
      'growing up in a public library.',
  },
  category: 'Cities',
  tags: ['libraries', 'public space', 'local government', 'reading'],
  publishedAt: '2026-10-19',
  body: [
    {
      type: 'p',
      text:
        'Try this experiment. Leave your house with no money, no card and a phone with a flat battery, and see ' +
        'how long you can spend indoors in the middle of Larkmoor before someone asks you to buy something or ' +
        'to leave.',
    },
    {
      type: 'p',
      text:
        'The shopping arcade will tolerate you for a while, provided you keep moving. The café wants an order ' +
        'within a few minutes. The station concourse has removed its benches. The new “innovation hub” by the ' +
        'river has a reception desk and a lanyard policy. Even the museum, which is free, makes you walk past ' +
        'the gift shop twice.',
    },
    {
      type: 'p',
      text:
        'Then walk into the central library on Tannery Street, sit down in a worn green armchair by the window, ' +
        'and stay there until closing. Nobody will stop you. Nobody will ask what you are buying. Nobody, ' +
        'crucially, will even ask why you are there.',
    },
    { type: 'h2', text: 'A room without a transaction' },
    {
      type: 'p',
      text:
        'We talk about libraries as if they were about books, and of course they are. But what makes them ' +
        'irreplaceable in a modern city is not the shelves. It is the absence of a transaction. The library is ' +
        'one of the very last indoor public spaces where your presence does not have to be justified by ' +
        'spending, and where your attention is not the product being sold.',
    },
    {
      type: 'p',
      text:
        'That is why the people who use libraries most are so often the people the rest of the city has ' +
        'quietly priced out: pensioners keeping warm on long afternoons, students whose homes have no quiet ' +
        'corner, job-seekers who need a computer and a printer, parents with toddlers and nowhere dry to go, ' +
        'new arrivals learning the language from picture books alongside their children.',
    },
    {
      type: 'p',
      text:
        'It is also why libraries are so vulnerable. A space that produces no revenue looks, on a spreadsheet, ' +
        'like a space that produces nothing. Every budget round, someone proposes “rationalising” branch ' +
        'opening hours, or moving the library into a corner of a leisure centre, or replacing staff with ' +
        'self-service kiosks. Each proposal, taken alone, sounds modest. Together they hollow out the one thing ' +
        'the library offers that nothing else does.',
    },
    { type: 'h2', text: 'A farewell worth hearing' },
    {
      type: 'p',
      text:
        'In the summer, Wilfred Anand retired after thirty-one years at Tannery Street, the last nine as head ' +
        'of the central library. At his leaving party, held among the reference shelves with warm white wine ' +
        'and a cake iced to look like a date stamp, he gave a short speech. Several people asked me afterwards ' +
        'whether it would be written down anywhere. With his permission, here is most of it.',
    },
    {
      type: 'quote',
      paragraphs: [
        'When I started here, people used to ask me whether libraries had a future. They asked it kindly, the ' +
          'way you might ask after an elderly relative. Thirty-one years later they’re still asking, and we’re ' +
          'still here, and I’ve come to think the question is the wrong way round. It isn’t whether the library ' +
          'has a future. It’s whether the city wants to keep a room that belongs to everyone.',
        'Because that’s what this is. It isn’t my room, and it isn’t the council’s. It belongs to the man who ' +
          'comes in every morning at nine to read the racing results, and to the girl who did all her homework ' +
          'at that table by the radiator for five years and is now, I’m told, a doctor. It belongs to the people ' +
          'who come in just to use the toilet — and I want to say clearly that that is a perfectly good reason ' +
          'to come to a library.',
        'I’ve been asked to measure this place many times. Visits, issues, computer sessions, events. I’ve ' +
          'filled in every form. But the thing that matters most here doesn’t fit on the form. It’s the fact ' +
          'that you can walk in without a reason and nobody will ask you for one. Please don’t let anyone ' +
          'measure that away.',
        'And be kind to the staff. They are doing several jobs at once, most of which nobody has ever written ' +
          'down.',
      ],
      cite: 'Wilfred Anand, retiring head of Larkmoor Central Library, speaking at his leaving party',
    },
    {
      type: 'p',
      text:
        '“You can walk in without a reason and nobody will ask you for one.” I cannot think of a better ' +
        'definition of public space.',
    },
    { type: 'h2', text: 'Defending the unmeasurable' },
    {
      type: 'p',
      text:
        'The difficulty, as Mr Anand knew better than anyone, is that the library’s greatest value is the thing ' +
        'that is hardest to count. Loans are falling in most places, and critics seize on the figure as proof ' +
        'of decline. But loans were only ever a proxy. Visits to Tannery Street, by the library’s own count, ' +
        'are higher than they were a decade ago. People come for different reasons now — for warmth, for ' +
        'Wi-Fi, for help with an online benefits form, for a story session, for quiet. The building is doing ' +
        'more, not less.',
    },
    {
      type: 'p',
      text:
        'So the first defence is to change what we count. Opening hours matter more than the size of the ' +
        'stock. Staffed hours matter more than opening hours, because a building with a kiosk but no librarian ' +
        'is a waiting room, not a library. And the question a council should ask before any cut is not “how ' +
        'many books were borrowed?” but “where would these people go instead?”',
    },
    {
      type: 'p',
      text:
        'The honest answer, in most of our neighbourhoods, is nowhere. Or rather, somewhere that will want them ' +
        'to buy a coffee within five minutes.',
    },
    { type: 'h2', text: 'The last free room' },
    {
      type: 'p',
      text:
        'Cities have always needed rooms like this. Once there were many: the church hall, the working men’s ' +
        'institute, the lido, the covered market where you could sit on a crate and watch the world go by. One ' +
        'by one they have been closed, sold, or turned into places that charge for entry. The library is very ' +
        'nearly the last one standing.',
    },
    {
      type: 'p',
      text:
        'We should defend it not out of nostalgia, and not only for the books, though the books matter. We ' +
        'should defend it because a city in which every indoor space demands a purchase is a city that has ' +
        'decided some of its citizens are welcome only when they are customers.',
    },
    {
      type: 'p',
      text:
        'Mr Anand’s cake, by the way, was excellent. Nobody asked anyone to pay for a slice.',
    },
  ],
};
