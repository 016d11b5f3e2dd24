import { describe, expect, it } from "vitest";
import { useTestServer } from "../testing/testServer.js";
import { replayFrameContentSecurityPolicy } from "./replayFrameRoute.js";

/** The page the console's replay player draws recordings into, as the server serves it. */
describe("the replay frame", () => {
  const server = useTestServer();

  it("is an empty same-origin page that runs no script and reaches no other host", async () => {
    const response = await fetch(`${server.url}/replay-frame`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toBe(replayFrameContentSecurityPolicy);
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    const html = await response.text();
    expect(html).not.toMatch(/<script|<link|<img|<iframe/i);
    const directives = new Map(replayFrameContentSecurityPolicy.split("; ").map((directive) => [directive.split(" ")[0], directive.split(" ").slice(1)]));
    expect(directives.get("default-src")).toEqual(["'none'"]);
    expect(directives.get("script-src")).toEqual(["'none'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'self'"]);
    // Only styles may be inline; no directive names another host.
    expect(replayFrameContentSecurityPolicy).not.toMatch(/https?:|\*|unsafe-eval/);
    expect([...directives].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name)).toEqual(["style-src"]);
  });
});
