import { httpStatusOf } from "../../errors/errorStatus.js";
import { describe, expect, it } from "vitest";
import type { ParsedBatch } from "../batchStages.js";
import type { CollectPayload } from "../collectPayload.schema.js";
import { validatePayloadStep } from "./validatePayloadStep.js";

const now = new Date("2026-03-02T12:00:00.000Z");
const hour = 60 * 60 * 1000;
const minute = 60 * 1000;

function payload(times: { sentAt?: number; startedAt?: number; event?: number }): CollectPayload {
  const at = now.getTime();
  return {
    v: 1,
    siteKey: `pk_${"a".repeat(24)}`,
    sessionId: "s".repeat(22),
    visitorId: "v".repeat(22),
    pageId: "p".repeat(22),
    seq: 0,
    sentAt: times.sentAt ?? at,
    consent: "granted",
    page: { url: "https://shop.example/", startedAt: times.startedAt ?? at - minute },
    events: [
      { type: 4, data: {}, timestamp: at - minute },
      { type: 3, data: {}, timestamp: times.event ?? at },
    ],
  };
}

async function validate(json: CollectPayload) {
  const batch: ParsedBatch = { json, encoding: "gzip", origin: "https://shop.example", ip: "203.0.113.9", userAgent: "test", receivedAt: now, wireBytes: 1, rawBytes: 1 };
  const result = await validatePayloadStep.run(batch);
  return result.kind === "reject" ? { status: httpStatusOf[result.rejection.code], field: result.rejection.field, message: result.rejection.message } : result.kind;
}

describe("validatePayloadStep: the timestamp window around the server's clock", () => {
  const at = now.getTime();
  it.each([
    ["an event 24 h old", { event: at - 24 * hour }, "ok"],
    ["an event 24 h and 1 ms old", { event: at - 24 * hour - 1 }, { status: 400, field: "events.1.timestamp", message: "events.1.timestamp: more than 86400000 ms before the server's clock" }],
    ["an event 5 min ahead", { event: at + 5 * minute }, "ok"],
    ["an event 5 min and 1 ms ahead", { event: at + 5 * minute + 1 }, { status: 400, field: "events.1.timestamp", message: "events.1.timestamp: more than 300000 ms after the server's clock" }],
    ["an event at timestamp 1 (1970)", { event: 1 }, { status: 400, field: "events.1.timestamp" }],
    ["a page started 25 h ago", { startedAt: at - 25 * hour }, { status: 400, field: "page.startedAt" }],
    ["a batch sent from 10 min in the future", { sentAt: at + 10 * minute }, { status: 400, field: "sentAt" }],
  ])("%s", async (_name, times, expected) => {
    const answer = await validate(payload(times));
    if (typeof expected === "string") expect(answer).toBe(expected);
    else expect(answer).toMatchObject(expected);
  });
});
