const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/**
 * A `YYYY-MM-DD` date as readers see it, independent of the server's locale and time zone.
 * @example formatDisplayDate('2026-09-14') // '14 September 2026'
 */
export function formatDisplayDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new Error(`not an ISO date: ${isoDate}`);
  return `${Number(match[3])} ${month} ${match[1]}`;
}
