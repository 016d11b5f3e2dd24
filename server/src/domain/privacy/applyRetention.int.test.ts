import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import { resolveEffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import { tenantPrivacySettingsSchema } from "@mousetrail/policies/tenantSettings";
import { Binary } from "mongodb";
import { describe, expect, it } from "vitest";
import { analyticsCollections } from "../../db/analyticsCollections.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { useTestDatabase } from "../../testing/testDatabase.js";
import { applyRetention } from "./applyRetention.js";

const day = 24 * 3600 * 1000;

describe("applyRetention", () => {
  const database = useTestDatabase();

  it("deletes exactly what is older than each retention period, and only for that site", async () => {
    const data = analyticsCollections(database.db);
    const now = new Date("2026-06-30T12:00:00Z");
    const ago = (days: number) => new Date(now.getTime() - days * day);
    const policy = resolveEffectivePolicy(mouseStatsPolicyV1, tenantPrivacySettingsSchema.parse({ retentionDays: { rawRecordings: 7, sessionMetadata: 30, aggregates: 60 } }));
    const chunk = (siteId: string, receivedAt: Date, seq: number) => ({
      tenantId: "tnt_r",
      siteId,
      sessionKey: "s",
      pageId: "p",
      seq,
      receivedAt,
      firstEventAt: null,
      lastEventAt: null,
      eventCount: 0,
      events: new Binary(Buffer.alloc(0)),
      rawBytes: 0,
      storedBytes: 0,
      policy: { id: "mousestats", version: 1 },
      context: { visitorKey: "v", technical: {}, ipTruncated: null, breakpoint: "desktop" as const, urlKey: "", day: "", page: null, view: null, violationCount: 0 },
      rollup: { state: "applied" as const, claimedUntil: now },
    });
    await data.recordingChunks.insertMany([chunk("site_a", ago(8), 0), chunk("site_a", ago(6), 1), chunk("site_b", ago(100), 0)]);
    await data.siteDaily.insertMany(
      [ago(61), ago(59)].map((at) => ({ tenantId: "tnt_r", siteId: "site_a", day: at.toISOString().slice(0, 10), sessions: 1, pageViews: 1, events: 1, storedBytes: 1, loadTimeMsSum: 0, loadTimeCount: 0, rageClicks: 0, deadClicks: 0, violations: 0 })),
    );
    await data.surveyResponses.insertMany(
      [ago(31), ago(29)].map((receivedAt, index) => ({ tenantId: "tnt_r", siteId: "site_a", surveyId: "srv_x", responseId: `r${index}`, visitorKey: null, receivedAt, answers: [], hasFreeText: false, policy: { id: "mousestats", version: 1 }, violationCount: 0 })),
    );

    const result = await applyRetention(tenantScope(database.db, "tnt_r"), "site_a", policy, now);
    expect(result).toMatchObject({ recordingChunks: 1, rollups: 1, surveyResponses: 1 });
    expect(await data.recordingChunks.find({}).map((c) => `${c.siteId}:${c.seq}`).toArray()).toEqual(["site_a:1", "site_b:0"]);
    expect(await data.siteDaily.countDocuments()).toBe(1);
    expect(await data.surveyResponses.countDocuments()).toBe(1);
    // Idempotent: a second pass (another process) finds nothing left to delete.
    expect(Object.values(await applyRetention(tenantScope(database.db, "tnt_r"), "site_a", policy, now)).every((n) => n === 0)).toBe(true);
  });
});
