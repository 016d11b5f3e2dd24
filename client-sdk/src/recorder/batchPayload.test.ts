import { readFile } from "node:fs/promises";
import { collectLimits, collectPayloadSchema } from "@mousetrail/server/ingest/collectPayload.schema";
import { describe, expect, it } from "vitest";
import { batchPayloadJson, type BatchHeader } from "./batchPayload.js";
import { maxBatchEvents, maxBodyBytes } from "./batchUploader.js";
import { randomId } from "./randomId.js";

// Real rrweb 2 events, recorded from a checkout page by the policies package.
const recorded = JSON.parse(await readFile(new URL("../../../policies/src/fixtures/checkout.events.json", import.meta.url), "utf8")) as unknown[];

const ids = { sessionId: randomId(), visitorId: randomId(), pageId: randomId() };
const firstHeader: BatchHeader = {
  v: 1,
  siteKey: "pk_0123456789abcdefghijklmn",
  ...ids,
  seq: 0,
  sentAt: Date.now(),
  consent: "granted",
  page: { url: "https://shop.example/checkout", referrer: "https://search.example/", startedAt: Date.now() - 5_000, loadTimeMs: 812 },
  technical: { language: "en-GB", timeZone: "Europe/London", screenWidth: 1920, screenHeight: 1080, viewportWidth: 1280, viewportHeight: 720, devicePixelRatio: 2 },
  view: { width: 1280, height: 720, scrollX: 0, scrollY: 0, documentHeight: 2400 },
};

describe("batchPayloadJson", () => {
  it("builds a first batch the collect endpoint accepts, events spliced in as they were queued", () => {
    const json = batchPayloadJson(firstHeader, recorded.map((event) => JSON.stringify(event)));
    const parsed = collectPayloadSchema.safeParse(JSON.parse(json));
    expect(parsed.error?.issues).toBeUndefined();
    expect(JSON.parse(json)).toEqual({ ...firstHeader, events: recorded });
  });

  it("builds a later batch, with the drop count and no page, and an empty one", () => {
    const later: BatchHeader = { v: 1, siteKey: firstHeader.siteKey, ...ids, seq: 7, sentAt: Date.now(), consent: "not-required", droppedEvents: 120 };
    for (const events of [recorded.slice(0, 3), []]) {
      const parsed = collectPayloadSchema.safeParse(JSON.parse(batchPayloadJson(later, events.map((event) => JSON.stringify(event)))));
      expect(parsed.error?.issues).toBeUndefined();
      expect(parsed.data?.events).toEqual(events);
    }
  });

  it("MS-2.2 cannot carry a field the contract does not name", () => {
    const withExtra = { ...firstHeader, userAgent: "Mozilla/5.0" } as BatchHeader;
    expect(collectPayloadSchema.safeParse(JSON.parse(batchPayloadJson(withExtra, []))).success).toBe(false);
  });

  it("stays inside the collect endpoint's limits", () => {
    expect(maxBatchEvents).toBeLessThanOrEqual(collectLimits.maxEventsPerBatch);
    expect(maxBodyBytes).toBeLessThanOrEqual(collectLimits.maxBodyBytes);
  });
});
