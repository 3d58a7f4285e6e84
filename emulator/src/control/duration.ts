/**
 * Durations and instants as the control plane accepts them: `"1h"`, `"90s"`, `"1d2h30m"`, `"-5m"`,
 * `"250ms"` or a number of seconds; instants as ISO-8601 strings or epoch seconds (the unit AWS uses on the wire).
 */
const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Milliseconds, or undefined when `value` is not a duration. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 1000) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[-+]/, '');
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d|w))+$/.test(body)) return undefined;
  let total = 0;
  for (const [, amount, , unit] of body.matchAll(/(\d+(\.\d+)?)(ms|s|m|h|d|w)/g)) total += Number(amount) * unitMs[unit!]!;
  return sign * Math.round(total);
}

/** Epoch milliseconds, or undefined when `value` is not an instant. */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 1000) : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
