import { z } from "zod";

type RawIssue = z.core.$ZodRawIssue;

/**
 * The problem with one input field, in the words every API error uses: `required`,
 * `must be a string`, `must be at most 200 characters`. The formatter puts the field in front
 * (`name: must be at most 100 characters`), so the problem never names it again, and no raw
 * validator text (`Invalid input: expected object, received undefined`) reaches a caller.
 * Schemas that say something more specific (`must be a site id (site_…)`) keep their message:
 * zod only asks this map for issues without one.
 */
export function plainIssueMessage(issue: RawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "required" : mustBe[issue.expected] ?? `must be ${article(issue.expected)}`;
    case "too_big":
      return sizeLimit("at most", "less than", issue.origin, issue.maximum, issue.inclusive !== false, issue.exact);
    case "too_small":
      if (issue.minimum === 1 && issue.inclusive !== false && (issue.origin === "string" || issue.origin === "array" || issue.origin === "set")) {
        return "must not be empty";
      }
      return sizeLimit("at least", "more than", issue.origin, issue.minimum, issue.inclusive !== false, issue.exact);
    case "invalid_format":
      return formatProblem(issue);
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "unrecognized_keys":
      // Reported on the parent object, so the message names the fields; the API formatter
      // reports each under its own name instead (`unknownFieldProblem`).
      return `${issue.keys.length === 1 ? "unknown field" : "unknown fields"}: ${issue.keys.join(", ")}`;
    case "invalid_union": {
      // A discriminated union reports on the discriminator field itself, with its options.
      const options = (issue as { options?: unknown[] }).options;
      return options?.length ? `must be one of: ${options.map(literal).join(", ")}` : "does not match any accepted form";
    }
    case "invalid_key":
      return "has a key that is not allowed";
    case "invalid_element":
      return "has a value that is not allowed";
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${literal(issue.values[0])}` : `must be one of: ${issue.values.map(literal).join(", ")}`;
    default:
      return "is not valid";
  }
}

/** What the API says of a field the input should not have had, reported under that field's name. */
export const unknownFieldProblem = "is not a field of this input";

/** Makes every zod schema in this process use `plainIssueMessage` for issues without a message of their own. */
export function usePlainIssueMessages(): void {
  z.config({ customError: plainIssueMessage });
}

const mustBe: Partial<Record<string, string>> = {
  string: "must be a string",
  number: "must be a number",
  int: "must be a whole number",
  bigint: "must be a whole number",
  boolean: "must be true or false",
  array: "must be a list",
  tuple: "must be a list",
  object: "must be an object",
  record: "must be an object",
  date: "must be a date",
  null: "must be null",
  undefined: "must be left out",
  never: "must be left out",
  nonoptional: "required",
  nan: "must be NaN",
};

const unitOf: Partial<Record<string, [singular: string, plural: string]>> = {
  string: ["character", "characters"],
  array: ["item", "items"],
  set: ["item", "items"],
  file: ["byte", "bytes"],
};

function sizeLimit(inclusiveWord: string, exclusiveWord: string, origin: string, limit: number | bigint, inclusive: boolean, exact: boolean | undefined): string {
  const unit = unitOf[origin];
  if (origin === "date") return `must be ${inclusive ? (inclusiveWord === "at most" ? "on or before" : "on or after") : inclusiveWord === "at most" ? "before" : "after"} ${new Date(Number(limit)).toISOString()}`;
  const amount = unit ? `${limit} ${limit === 1 || limit === 1n ? unit[0] : unit[1]}` : String(limit);
  if (exact) return unit ? `must be exactly ${amount}` : `must be ${amount}`;
  if (unit) return `must ${origin === "string" ? "be" : "have"} ${inclusive ? inclusiveWord : exclusiveWord} ${amount}`;
  return `must be ${inclusive ? inclusiveWord : exclusiveWord} ${amount}`;
}

const formatNames: Partial<Record<string, string>> = {
  email: "must be an email address",
  url: "must be a URL",
  datetime: "must be a date and time such as 2026-01-31T09:30:00Z",
  date: "must be a date such as 2026-01-31",
  time: "must be a time such as 09:30:00",
  duration: "must be an ISO 8601 duration such as P1D",
  uuid: "must be a UUID",
  guid: "must be a GUID",
  ipv4: "must be an IPv4 address",
  ipv6: "must be an IPv6 address",
  cidrv4: "must be an IPv4 range",
  cidrv6: "must be an IPv6 range",
  base64: "must be base64",
  base64url: "must be base64url",
  jwt: "must be a JWT",
  lowercase: "must be lowercase",
  uppercase: "must be uppercase",
};

function formatProblem(issue: Extract<RawIssue, { code: "invalid_format" }>): string {
  const extra = issue as { prefix?: string; suffix?: string; includes?: string };
  switch (issue.format) {
    case "starts_with":
      return `must start with ${JSON.stringify(extra.prefix)}`;
    case "ends_with":
      return `must end with ${JSON.stringify(extra.suffix)}`;
    case "includes":
      return `must contain ${JSON.stringify(extra.includes)}`;
    case "regex":
      return `must match the pattern ${issue.pattern}`;
    default:
      return formatNames[issue.format] ?? `must be a valid ${issue.format}`;
  }
}

function literal(value: unknown): string {
  return typeof value === "bigint" ? `${value}` : JSON.stringify(value) ?? String(value);
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}
