import { describe, expect, it } from "vitest";
import { useTestServer } from "../testing/testServer.js";

/** tRPC's own refusals, before any procedure runs, answered with our codes like every other error. */
describe("the API's 405 and 415 answers", () => {
  const server = useTestServer();

  it("405: a mutation called with GET answers METHOD_NOT_ALLOWED, not INTERNAL", async () => {
    const response = await fetch(`${server.url}/trpc/auth.signIn?input=${encodeURIComponent("{}")}`);
    expect(response.status).toBe(405);
    const body = (await response.json()) as { error: { data: { appCode: string; httpStatus: number } } };
    expect(body.error.data).toMatchObject({ appCode: "METHOD_NOT_ALLOWED", httpStatus: 405 });
  });

  it("415: a body that is not JSON answers UNSUPPORTED_MEDIA_TYPE, not INTERNAL", async () => {
    const response = await fetch(`${server.url}/trpc/auth.signIn`, { method: "POST", headers: { "content-type": "application/xml" }, body: "<signIn/>" });
    expect(response.status).toBe(415);
    const body = (await response.json()) as { error: { data: { appCode: string; httpStatus: number } } };
    expect(body.error.data).toMatchObject({ appCode: "UNSUPPORTED_MEDIA_TYPE", httpStatus: 415 });
  });
});
