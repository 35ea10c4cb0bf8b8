import type { DemoColumn } from '../column.js';

export const teachChildrenToDoubt: DemoColumn = {
  slug: 'we-taught-a-generation-to-search-now-teach-it-to-doubt',
  title: 'We taught a generation to search. Now we must teach it to doubt',
  dek:
    'Finding an answer has never been easier. Knowing whether to believe it has never been harder — and our ' +
    'classrooms are still grading the wrong skill.',
  author: {
    name: 'Nnamdi Castellan',
    bio:
      'Nnamdi Castellan taught history in secondary schools for sixteen years and now trains new teachers. He ' +
      'writes about education every other week.',
  },
  category: 'Education',
  tags: ['schools', 'media literacy', 'libraries', 'artificial intelligence'],
  publishedAt: '2026-10-02',
  body: [
    {
      type: 'p',
      text:
        'When I began teaching history, the hardest part of any research project was finding things. Pupils ' +
        'would come back from the library with a single encyclopaedia entry and a look of triumph, and my job ' +
        'was to push them towards a second source, then a third. Scarcity was the enemy. Information had to be ' +
        'hunted.',
    },
    {
      type: 'p',
      text:
        'That world is gone. A fourteen-year-old today can summon a thousand pages on the causes of the First ' +
        'World War before I have finished writing the question on the board. They can ask a chatbot for a ' +
        'five-paragraph essay and receive one, confidently written, neatly structured and — at least some of ' +
        'the time — wrong in ways that are very hard to spot.',
    },
    {
      type: 'p',
      text:
        'The skill our schools spent decades teaching, finding information, has been automated. The skill we ' +
        'neglected, deciding what to believe, has become the one that matters most.',
    },
    { type: 'h2', text: 'Grading the wrong thing' },
    {
      type: 'p',
      text:
        'Look at how we still assess research. Most mark schemes I have seen reward the number of sources ' +
        'cited, the tidiness of the bibliography, the fluency of the final essay. Almost none reward a pupil ' +
        'for writing: “I found this claim in three places, traced it back, and discovered that all three were ' +
        'copying the same unreliable original.” That sentence shows more genuine historical thinking than most ' +
        'essays I have marked. Yet under the scheme it earns nothing, because it produces no new paragraph.',
    },
    {
      type: 'p',
      text:
        'We are, in effect, grading pupils on their ability to assemble text. That is precisely the task ' +
        'machines now do faster than any child. If we keep grading it, we are training children to compete ' +
        'with a tool at the one game the tool cannot lose.',
    },
    { type: 'h2', text: 'The librarian’s view' },
    {
      type: 'p',
      text:
        'I went to see Bettina Krall, who has run the library at Saltmarsh Road Academy for eleven years and ' +
        'who, more than anyone I know, has watched this change happen from the front desk. I asked her what ' +
        'pupils find hardest now. She did not hesitate.',
    },
    {
      type: 'quote',
      paragraphs: [
        'They find it hard to be uncertain. That sounds odd, but it’s the thing I notice most. When I started ' +
          'here, a pupil who couldn’t find an answer would come and ask me. Now they always find an answer — ' +
          'there is always something on the screen — and so they never come and ask. The problem isn’t that ' +
          'they can’t find information. It’s that they can’t tolerate not knowing for long enough to check it.',
        'So we’ve started doing something very simple. Once a week, with the Year 9s, I give them a claim. ' +
          'Something that sounds true — “lightning never strikes the same place twice”, that kind of thing, or ' +
          'a line the internet attributes to somebody famous. And the only task is to find out where it came ' +
          'from. Not whether it’s true: where it came from. Who said it first. When.',
        'You should see their faces the first time. They think it will take thirty seconds. It takes the whole ' +
          'lesson, and half the time we don’t get there. A quotation that’s on ten thousand posters turns out ' +
          'to have no source at all before about fifteen years ago. And something clicks. They realise that the ' +
          'confidence of a page tells you nothing about its history.',
        'I’m not against the tools. I use them. But a tool that answers every question instantly is a tool ' +
          'that teaches you never to ask a second one. Our job is to put the second question back.',
      ],
      cite: 'Bettina Krall, librarian at Saltmarsh Road Academy, in conversation with the author',
    },
    {
      type: 'p',
      text:
        '“Put the second question back” is as good a summary of what education now needs as anything I have ' +
        'read in a government white paper.',
    },
    { type: 'h2', text: 'What a curriculum of doubt might look like' },
    {
      type: 'p',
      text:
        'None of this requires a revolution, or an expensive new platform. It requires us to change what we ' +
        'reward.',
    },
    {
      type: 'p',
      text:
        'First, assess the trail, not just the destination. A research task could ask pupils to hand in not ' +
        'only their conclusion but the route they took: which sources they rejected and why, where they found ' +
        'contradictions, what they could not verify. A pupil who abandons a confident-sounding claim because ' +
        'its origin is untraceable should be marked up, not down.',
    },
    {
      type: 'p',
      text:
        'Second, teach provenance across subjects, not in a single media-literacy module squeezed into a wet ' +
        'Friday afternoon. Scientists check where data came from. Historians ask who wrote a document and why. ' +
        'English teachers ask whose voice a narrator speaks in. These are the same habit wearing different ' +
        'uniforms, and pupils should meet it everywhere.',
    },
    {
      type: 'p',
      text:
        'Third, fund school librarians. It is no accident that the most useful answer I received while writing ' +
        'this column came from one. In too many schools the library has become a study room with no specialist ' +
        'in it, on the theory that everything is online now. That theory has it exactly backwards. The more ' +
        'that is online, the more we need people whose profession is knowing the difference between a source ' +
        'and a rumour.',
    },
    { type: 'h2', text: 'Doubt is not cynicism' },
    {
      type: 'p',
      text:
        'There is a risk here, and I want to name it. Teaching doubt badly produces cynics: young people who ' +
        'conclude that since everything can be faked, nothing can be known, and so they might as well believe ' +
        'whatever feels right. That is not scepticism; it is its opposite. Real doubt is disciplined. It asks ' +
        'specific questions — who, when, how do we know? — and it accepts an answer when the evidence is good ' +
        'enough.',
    },
    {
      type: 'p',
      text:
        'The goal is not pupils who trust nothing. It is pupils who know how trust is earned, and who can tell, ' +
        'amid the noise of a thousand instant answers, which ones have done the earning.',
    },
    {
      type: 'p',
      text:
        'We spent a generation teaching children to find things. It worked; they are extraordinary at it. Now ' +
        'we must teach them the harder, slower, more human skill of pausing before they believe what they have ' +
        'found.',
    },
  ],
};
