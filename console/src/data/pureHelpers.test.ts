import { describe, expect, it } from "vitest";
import { safeNextPath } from "../pages/signInPage.js";
import { invitationTokenOf } from "../pages/invitationPage.js";
import { countByKind, type Violation } from "./complianceStore.js";
import { invitationLink } from "./membersStore.js";
import { choicesAtLeast, consentModes, parseSelectors, textMaskingLevels } from "./privacyStore.js";
import { installSnippet, parseOrigins } from "./sitesStore.js";

describe("safeNextPath: after sign-in, only a path of this console", () => {
  it.each([
    [undefined, "/"],
    ["/t/tnt_1/audit", "/t/tnt_1/audit"],
    [["/account", "/x"], "/account"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
  ] as const)("%j → %s", (next, expected) => {
    expect(safeNextPath(next as string | string[] | undefined)).toBe(expected);
  });
});

describe("invitations travel in the URL fragment", () => {
  it("round-trips a token through the link", () => {
    const link = invitationLink("https://mt.example", "abc+/=_-123");
    expect(link).toBe("https://mt.example/invitation#token=abc%2B%2F%3D_-123");
    expect(invitationTokenOf(new URL(link).hash)).toBe("abc+/=_-123");
    expect(invitationTokenOf("")).toBe("");
  });
});

describe("site helpers", () => {
  it("reads origins separated by spaces, commas or lines", () => {
    expect(parseOrigins(" https://a.example, https://b.example\nhttps://c.example  ")).toEqual(["https://a.example", "https://b.example", "https://c.example"]);
    expect(parseOrigins("  ")).toEqual([]);
  });
  it("writes the install snippet with this server's recorder and the site key", () => {
    expect(installSnippet("https://mt.example", "pk_1")).toBe('<script async src="https://mt.example/recorder.js" data-site-key="pk_1"></script>');
  });
});

describe("privacy helpers", () => {
  it("offers only choices at or above the policy's minimum", () => {
    expect(choicesAtLeast(consentModes, "opt-out")).toEqual(["opt-out", "required"]);
    expect(choicesAtLeast(textMaskingLevels, "all-text")).toEqual(["all-text"]);
    expect(choicesAtLeast(consentModes, "unknown-level")).toEqual(["none", "opt-out", "required"]);
  });
  it("reads one selector a line", () => {
    expect(parseSelectors("#search\n\n  .newsletter input  \n")).toEqual(["#search", ".newsletter input"]);
  });
});

describe("countByKind", () => {
  it("counts violations per kind, most frequent first, never looking at values", () => {
    const violation = (kind: string): Violation => ({ kind, siteId: "site_1", sessionKey: null, location: "page.url", detectedAt: "2026-03-01T10:00:00.000Z" });
    expect(countByKind([violation("email"), violation("phone"), violation("email"), violation("iban"), violation("iban")])).toEqual([
      { kind: "email", count: 2 },
      { kind: "iban", count: 2 },
      { kind: "phone", count: 1 },
    ]);
  });
});
