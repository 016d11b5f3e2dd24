import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordViolations } from "../repositories/piiViolationRepository.js";
import { tenantScope } from "../repositories/tenantScope.js";
import { useTestDatabase } from "../testing/testDatabase.js";
import { analyticsCollections } from "./analyticsCollections.js";
import { ensureIndexes } from "./ensureIndexes.js";

describe("ensureIndexes", () => {
  const database = useTestDatabase();

  it("retires the chunk-only violation key of an existing database for one that also keys survey responses", async () => {
    const db = database.client.db(`${database.name}_upgrade`);
    try {
      // A database as it was before survey answers were checked for PII.
      await db.collection("piiViolations").createIndex({ tenantId: 1, siteId: 1, sessionKey: 1, pageId: 1, seq: 1, index: 1 }, { unique: true, name: "violation_unique" });
      await ensureIndexes(db);
      await ensureIndexes(db);
      const names = (await db.collection("piiViolations").listIndexes().toArray()).map((index) => index.name as string);
      expect(names).toContain("violation_source_unique");
      expect(names).not.toContain("violation_unique");

      const scope = tenantScope(db, "tnt_00000000000000000001");
      const detectedAt = new Date();
      const recording = { siteId: "site_00000000000000000001", sessionKey: "session-key", pageId: "page-id", seq: 0, index: 0, kind: "email", location: "page.url", detectedAt };
      await recordViolations(scope, [recording]);
      await recordViolations(scope, [recording]);
      const survey = (responseId: string) => ({ ...recording, source: "survey" as const, sessionKey: "", pageId: "", surveyResponseId: responseId, location: "surveys.srv_x.answers.q_x" });
      const [first, second] = [randomBytes(12).toString("base64url"), randomBytes(12).toString("base64url")];
      await recordViolations(scope, [survey(first)]);
      await recordViolations(scope, [survey(second)]);
      await recordViolations(scope, [survey(second)]);
      const stored = await analyticsCollections(db).piiViolations.find({ tenantId: scope.tenantId }).toArray();
      // A replayed batch or response adds nothing; two responses' first violations are two violations.
      expect(stored.map((violation) => violation.surveyResponseId ?? "recording").sort()).toEqual([first, second, "recording"].sort());
    } finally {
      await db.dropDatabase();
    }
  });
});
