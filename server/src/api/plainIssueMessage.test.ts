import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../errors/appError.js";
import { formatApiError } from "./formatApiError.js";
import { usePlainIssueMessages } from "./plainIssueMessage.js";

usePlainIssueMessages();

/** The `field: problem` lines a caller reads for `input` refused by `schema`. */
function refusal(schema: z.ZodType, input: unknown): { message: string; issues: { field: string; message: string }[] } {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected the input to be refused");
  const error = new TRPCError({ code: "BAD_REQUEST", cause: parsed.error });
  const shape = { message: error.message, code: -32600 as const, data: { code: "BAD_REQUEST" as const, httpStatus: 400 } };
  const formatted = formatApiError({ shape, error });
  return { message: formatted.message, issues: formatted.data.issues ?? [] };
}

const rawZodText = /Invalid input|expected \w+, received|Too (big|small)|Unrecognized key|Invalid (string|option|element|key)/i;

describe("every refused field reads `field: problem`, in plain words", () => {
  const cases: [string, z.ZodType, unknown, string][] = [
    ["a missing object", z.strictObject({ filter: z.strictObject({ from: z.string() }) }), {}, "filter: required"],
    ["a missing string", z.strictObject({ name: z.string() }), {}, "name: required"],
    ["a number for a string", z.strictObject({ name: z.string() }), { name: 5 }, "name: must be a string"],
    ["a string for a number", z.strictObject({ limit: z.number() }), { limit: "5" }, "limit: must be a number"],
    ["a fraction for an int", z.strictObject({ limit: z.int() }), { limit: 1.5 }, "limit: must be a whole number"],
    ["a string for a boolean", z.strictObject({ confirm: z.boolean() }), { confirm: "yes" }, "confirm: must be true or false"],
    ["a string for a list", z.strictObject({ scopes: z.array(z.string()) }), { scopes: "a" }, "scopes: must be a list"],
    ["a list for an object", z.strictObject({ range: z.strictObject({}) }), { range: [] }, "range: must be an object"],
    ["a long string", z.strictObject({ name: z.string().max(200) }), { name: "x".repeat(201) }, "name: must be at most 200 characters"],
    ["a short string", z.strictObject({ name: z.string().min(3) }), { name: "ab" }, "name: must be at least 3 characters"],
    ["an empty string", z.strictObject({ name: z.string().min(1) }), { name: "" }, "name: must not be empty"],
    ["an empty list", z.strictObject({ origins: z.array(z.string()).min(1) }), { origins: [] }, "origins: must not be empty"],
    ["a long list", z.strictObject({ origins: z.array(z.string()).max(2) }), { origins: ["a", "b", "c"] }, "origins: must have at most 2 items"],
    ["a big number", z.strictObject({ limit: z.number().max(100) }), { limit: 101 }, "limit: must be at most 100"],
    ["a small number", z.strictObject({ limit: z.number().min(1) }), { limit: 0 }, "limit: must be at least 1"],
    ["a non-positive number", z.strictObject({ limit: z.number().positive() }), { limit: 0 }, "limit: must be more than 0"],
    ["a wrong length", z.strictObject({ code: z.string().length(4) }), { code: "12345" }, "code: must be exactly 4 characters"],
    ["a bad email", z.strictObject({ email: z.email() }), { email: "nope" }, "email: must be an email address"],
    ["a bad date-time", z.strictObject({ from: z.iso.datetime() }), { from: "yesterday" }, "from: must be a date and time such as 2026-01-31T09:30:00Z"],
    ["a bad date", z.strictObject({ day: z.iso.date() }), { day: "31/01/2026" }, "day: must be a date such as 2026-01-31"],
    ["a bad URL", z.strictObject({ url: z.url() }), { url: "not a url" }, "url: must be a URL"],
    ["a pattern", z.strictObject({ slug: z.string().regex(/^[a-z]+$/) }), { slug: "A" }, "slug: must match the pattern /^[a-z]+$/"],
    ["a prefix", z.strictObject({ path: z.string().startsWith("/") }), { path: "a" }, 'path: must start with "/"'],
    ["an unknown enum value", z.strictObject({ role: z.enum(["owner", "admin"]) }), { role: "root" }, 'role: must be one of: "owner", "admin"'],
    ["a wrong literal", z.strictObject({ confirm: z.literal(true) }), { confirm: false }, "confirm: must be true"],
    ["a non-multiple", z.strictObject({ step: z.number().multipleOf(5) }), { step: 7 }, "step: must be a multiple of 5"],
    ["an unknown field", z.strictObject({ name: z.string() }), { name: "a", bogus: 1 }, "bogus: is not a field of this input"],
    ["a nested field", z.strictObject({ origins: z.array(z.string().max(3)) }), { origins: ["ok", "toolong"] }, "origins.1: must be at most 3 characters"],
    [
      "an unknown discriminator",
      z.strictObject({ filter: z.discriminatedUnion("kind", [z.object({ kind: z.literal("a") }), z.object({ kind: z.literal("b") })]) }),
      { filter: { kind: "c" } },
      'filter.kind: must be one of: "a", "b"',
    ],
    ["a schema's own message", z.strictObject({ scopes: z.array(z.string()).min(1, "must grant at least one scope") }), { scopes: [] }, "scopes: must grant at least one scope"],
  ];

  it.each(cases)("%s", (_title, schema, input, expected) => {
    const { message, issues } = refusal(schema, input);
    expect(message).toBe(expected);
    for (const issue of issues) {
      expect(issue.message).not.toMatch(rawZodText);
      expect(issue.message.startsWith(issue.field.split(".").at(-1) ?? "")).toBe(issue.field === "");
      expect(`${issue.field}: ${issue.message}`).toBe(expected);
    }
  });

  it("names unknown fields on their parent for callers that read zod's issues directly (/collect)", () => {
    const parsed = z.strictObject({ page: z.strictObject({ url: z.string() }) }).safeParse({ page: { url: "/", title: "x", ref: "y" }, plugins: [] });
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["page", "unknown fields: title, ref"],
      ["", "unknown field: plugins"],
    ]);
  });

  it("lists each unknown field under its own name", () => {
    expect(refusal(z.strictObject({ a: z.string() }), { a: "x", b: 1, c: 2 }).issues).toEqual([
      { field: "b", message: "is not a field of this input" },
      { field: "c", message: "is not a field of this input" },
    ]);
  });

  it("gives a field-specific AppError its problem without the field repeated", () => {
    const error = new TRPCError({ code: "BAD_REQUEST", cause: new AppError("BAD_INPUT", { userMessage: "cursor: not a cursor returned by this list", field: "cursor" }) });
    const formatted = formatApiError({ shape: { message: "cursor: not a cursor returned by this list", code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400 } }, error });
    expect(formatted.message).toBe("cursor: not a cursor returned by this list");
    expect(formatted.data.issues).toEqual([{ field: "cursor", message: "not a cursor returned by this list" }]);
  });
});
