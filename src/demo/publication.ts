/** The fictional publication the demo pages belong to. */
export const PUBLICATION = {
  name: 'The Larkmoor Courier',
  tagline: 'Opinion and argument from the city by the estuary',
  lang: 'en-GB',
} as const;

/** The opinion disclaimer shown above and below every column. */
export const OPINION_DISCLAIMER =
  `The statements, views and opinions expressed in this column are solely those of the author ` +
  `and do not necessarily represent those of ${PUBLICATION.name}.`;
