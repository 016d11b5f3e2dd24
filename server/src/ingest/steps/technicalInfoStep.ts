import { allowListTechnicalInfo } from "@mousetrail/policies/enforce/allowListTechnicalInfo";
import { UAParser } from "ua-parser-js";
import type { DeviceClass, StoredTechnicalInfo } from "../../db/analyticsCollections.js";
import type { AnonymousBatch, DescribedBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { ok } from "../../pipeline/stepResult.js";
import { breakpointOf } from "../../rollups/breakpoint.js";

/**
 * MS-1.1: browser family and OS version are read from the User-Agent header (which is then
 * forgotten), the viewport's size from the batch's view (the recorder sends it there, not twice),
 * merged with what the recorder measured, and cut to the policy's allow-list.
 */
export const technicalInfoStep = step<AnonymousBatch, DescribedBatch>("technicalInfo", ({ userAgent, ...batch }) => {
  const agent = new UAParser(userAgent).getResult();
  const fromAgent: Record<string, unknown> = {
    ...(agent.browser.name ? { browser: agent.browser.name } : {}),
    ...(agent.os.name ? { os: agent.os.name } : {}),
    ...(agent.os.version ? { osVersion: agent.os.version } : {}),
  };
  const payloadView = batch.payload.view;
  // A recorder that still measures the viewport itself (older recorder.js) keeps its figures.
  const fromView = payloadView ? { viewportWidth: payloadView.width, viewportHeight: payloadView.height } : {};
  const { info } = allowListTechnicalInfo({ ...fromView, ...batch.payload.technical, ...fromAgent }, batch.policy);
  const view = payloadView ? { ...payloadView, documentHeight: payloadView.documentHeight ?? null } : null;
  const viewportWidth = view?.width ?? (typeof info.viewportWidth === "number" ? info.viewportWidth : 1280);
  const deviceClass: DeviceClass =
    agent.device.type === "mobile" ? "mobile" : agent.device.type === "tablet" ? "tablet" : breakpointOf(viewportWidth);
  const technical: StoredTechnicalInfo = { ...(info as Record<string, string | number>), deviceClass };
  return ok({ ...batch, technical, breakpoint: breakpointOf(viewportWidth), view });
});
