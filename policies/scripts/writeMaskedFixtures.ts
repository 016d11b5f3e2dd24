/**
 * Writes the expected masked output beside each recorded fixture:
 * src/fixtures/<page>.masked.<case>.json, for every case of testing/recordedFixtures.ts. Run by
 * hand after recording fixtures or after a deliberate change to masking, then review the diff:
 *
 *   npm run -w policies write-masked-fixtures
 */
import { readFile, writeFile } from "node:fs/promises";
import { maskRecordingEvents } from "../src/enforce/maskRecordingEvents.js";
import { effectivePolicyFor } from "../testing/effectivePolicyFor.js";
import { fixtureMaskingCases, recordedPages } from "../testing/recordedFixtures.js";

const fixturesDirectory = new URL("../src/fixtures/", import.meta.url);

for (const { name } of recordedPages) {
  const events: unknown[] = JSON.parse(await readFile(new URL(`${name}.events.json`, fixturesDirectory), "utf8"));
  for (const [caseName, settings] of Object.entries(fixtureMaskingCases)) {
    const masked = maskRecordingEvents(events, effectivePolicyFor(settings));
    await writeFile(new URL(`${name}.masked.${caseName}.json`, fixturesDirectory), `${JSON.stringify(masked, null, 1)}\n`);
    console.log(`${name} (${caseName}): ${masked.events.length} events, ${JSON.stringify(masked.report)}`);
  }
}
