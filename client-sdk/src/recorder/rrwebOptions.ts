import type { record } from "@rrweb/record";
import type { RecorderConfig } from "@mousetrail/server/ingest/collectPayload.schema";
import type { FieldMasking } from "./fieldMasking.js";

export type RecordOptions = NonNullable<Parameters<typeof record>[0]>;

/**
 * rrweb's record options for a site's policy. What each one is for:
 * - `maskAllInputs` with `maskInputFn` (MS-1.5, MS-1.6, MS-2.4): every input, textarea and select
 *   value goes through the policy's masking, in snapshots, input events and `value` mutations;
 *   `maskFieldValues` checks the result again before an event is queued.
 * - `maskTextSelector` with `maskTextFn`: `*` under `all-text`; otherwise masked elements, textareas
 *   and contenteditable regions (typed text lives in their text nodes).
 * - `blockSelector`: the tenant's blocked elements, recorded as empty boxes of the same size.
 * - `sampling` (MS-1.4): mouse movements and scrolls at the policy's intervals; clicks (rrweb's mouse
 *   interactions) only when the policy records them. Scrolls the policy does not record are dropped
 *   as they are emitted, since rrweb has no switch for them.
 * - `slimDOMOptions: true`: no scripts, comments or head metadata; the metadata includes
 *   `csrf-token` and site-verification tokens, which are secrets, not page content.
 * - Left at rrweb's defaults, on purpose: `recordCanvas`, `collectFonts` and `inlineImages` stay off
 *   (canvas pixels and images can show anything, including what masking exists to hide), and so
 *   does `recordCrossOriginIframes` (payment and login widgets in third-party frames are never
 *   recorded). rrweb is pinned to an exact version, so these defaults cannot change unreviewed.
 * - `errorHandler`: an error inside rrweb's observers stays inside rrweb and never reaches the page.
 */
export function rrwebRecordOptions(policy: RecorderConfig["policy"], masking: FieldMasking, emit: RecordOptions["emit"]): RecordOptions {
  const { interactions } = policy;
  return {
    emit,
    maskAllInputs: true,
    maskInputFn: masking.maskValue,
    maskTextSelector: masking.maskTextSelector,
    maskTextFn: masking.maskText,
    blockSelector: masking.blockSelector,
    sampling: {
      mousemove: interactions.recordMouseMovements ? interactions.mouseMoveSampleIntervalMs : false,
      scroll: interactions.scrollSampleIntervalMs,
      mouseInteraction: interactions.recordClicks === true,
    },
    slimDOMOptions: true,
    errorHandler: () => true,
  };
}
