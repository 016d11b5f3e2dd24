const units = [
  { seconds: 365 * 24 * 3600, singular: "year", plural: "years" },
  { seconds: 24 * 3600, singular: "day", plural: "days" },
  { seconds: 3600, singular: "hour", plural: "hours" },
  { seconds: 60, singular: "minute", plural: "minutes" },
  { seconds: 1, singular: "second", plural: "seconds" },
] as const;

/**
 * A duration in the largest unit that measures it exactly: 1800 -> "30 minutes",
 * 86400 -> "1 day", 34128000 -> "395 days", 315360000 -> "10 years" (a year being 365 days).
 */
export function durationInWords(totalSeconds: number): string {
  if (!Number.isInteger(totalSeconds) || totalSeconds < 0) throw new RangeError(`not a duration in seconds: ${totalSeconds}`);
  if (totalSeconds === 0) return "0 seconds";
  // Stryker disable next-line ArithmeticOperator: the last unit, a second, measures every whole number of seconds, so the fallback is never taken.
  const unit = units.find((candidate) => totalSeconds % candidate.seconds === 0) ?? units[units.length - 1]!;
  const count = totalSeconds / unit.seconds;
  return `${count} ${count === 1 ? unit.singular : unit.plural}`;
}

/** A cookie's lifetime with the bound the policy promises, e.g. "30 minutes (always less than 1 day)". */
export function cookieLifetimeInWords(cookie: {
  readonly lifetimeSeconds: number;
  readonly minLifetimeSeconds: number;
  readonly maxLifetimeSeconds: number;
  readonly maxIsExclusive: boolean;
}): string {
  const lifetime = durationInWords(cookie.lifetimeSeconds);
  if (cookie.minLifetimeSeconds === cookie.maxLifetimeSeconds) return lifetime;
  const bound = durationInWords(cookie.maxLifetimeSeconds);
  return cookie.maxIsExclusive ? `${lifetime} (always less than ${bound})` : `${lifetime} (never more than ${bound})`;
}
