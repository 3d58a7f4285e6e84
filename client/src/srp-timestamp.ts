/**
 * The TIMESTAMP challenge response of PASSWORD_VERIFIER:
 * "Ddd Mmm D HH:mm:ss UTC YYYY" in UTC, English names, day of month NOT
 * zero-padded (cognito-facts.md §4.2 step 7), e.g. "Tue Mar 5 09:07:03 UTC 2024".
 */
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function two(n: number): string {
  return String(n).padStart(2, '0');
}

export function formatSrpTimestamp(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('formatSrpTimestamp: invalid date');
  const weekday = WEEKDAYS[date.getUTCDay()];
  const month = MONTHS[date.getUTCMonth()];
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${weekday} ${month} ${date.getUTCDate()} ${time} UTC ${date.getUTCFullYear()}`;
}
