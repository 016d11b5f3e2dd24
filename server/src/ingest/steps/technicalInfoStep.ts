import { allowListTechnicalInfo } from "@mousetrail/policies/enforce/allowListTechnicalInfo";
import type { DeviceClass, StoredTechnicalInfo } from "../../db/analyticsCollections.js";
import type { AnonymousBatch, DescribedBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { ok } from "../../pipeline/stepResult.js";
import { breakpointOf } from "../../rollups/breakpoint.js";
import { userAgentFactsOf } from "../userAgentFacts.js";

/**
 * MS-1.1: browser family and OS version are read from the User-Agent header (which is then
 * forgotten), the viewport's size from the batch's view (the recorder sends it there, not twice),
 * merged with what the recorder measured, and cut to the policy's allow-list.
 */
export const technicalInfoStep = step<AnonymousBatch, DescribedBatch>("technicalInfo", ({ userAgent, ...batch }) => {
  const agent = userAgentFactsOf(userAgent);
  const fromAgent: Record<string, unknown> = {
    ...(agent.browser ? { browser: agent.browser } : {}),
    ...(agent.os ? { os: agent.os } : {}),
    ...(agent.osVersion ? { osVersion: agent.osVersion } : {}),
  };
  const payloadView = batch.payload.view;
  // A recorder that still measures the viewport itself (older recorder.js) keeps its figures.
  const fromView = payloadView ? { viewportWidth: payloadView.width, viewportHeight: payloadView.height } : {};
  const { info } = allowListTechnicalInfo({ ...fromView, ...batch.payload.technical, ...fromAgent }, batch.policy);
  const view = payloadView ? { ...payloadView, documentHeight: payloadView.documentHeight ?? null } : null;
  const viewportWidth = view?.width ?? (typeof info.viewportWidth === "number" ? info.viewportWidth : 1280);
  const deviceClass: DeviceClass =
    agent.deviceType === "mobile" ? "mobile" : agent.deviceType === "tablet" ? "tablet" : breakpointOf(viewportWidth);
  const technical: StoredTechnicalInfo = { ...(info as Record<string, string | number>), deviceClass };
  return ok({ ...batch, technical, breakpoint: breakpointOf(viewportWidth), view });
});
