/** Relative dates with the platform's Intl (no date library). */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536e6],
  ['month', 2_592e6],
  ['week', 6048e5],
  ['day', 864e5],
  ['hour', 36e5],
  ['minute', 6e4],
];

const formats = new Map<string, Intl.RelativeTimeFormat>();

/** "3 minutes ago", "yesterday", "now": `then` relative to `now` (both epoch ms); future times count as now. */
export function relativeTime(then: number, now: number, locale: string): string {
  let rtf = formats.get(locale);
  if (!rtf) formats.set(locale, (rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  const diff = Math.min(then - now, 0);
  for (const [unit, ms] of UNITS) if (-diff >= ms) return rtf.format(Math.round(diff / ms), unit);
  return rtf.format(0, 'second');
}

/** The full local date and time, for a `title`. */
export const fullDate = (iso: string, locale: string): string =>
  new Date(iso).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' });
