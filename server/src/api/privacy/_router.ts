import { access } from "../access.js";
import { router, tenantProcedure } from "../trpc.js";
import {
  cookieTableHandler,
  effectivePolicyHandler,
  jobStatusHandler,
  privacySettingsHandler,
  updatePrivacySettingsHandler,
} from "./privacy.handler.js";
import {
  cookieTableOutput,
  effectivePolicyOutput,
  jobStatusInput,
  jobStatusOutput,
  privacySettingsOutput,
  sitePrivacyInput,
  updatePrivacySettingsInput,
  updatePrivacySettingsOutput,
} from "./privacy.schema.js";
import { previewPolicyHandler } from "./previewPolicy.handler.js";
import { previewPolicyInput } from "./previewPolicy.schema.js";

const readSites = tenantProcedure.meta({ access: access.readSites });
const writeSites = tenantProcedure.meta({ access: access.writeSites });

export const privacyRouter = router({
  effectivePolicy: readSites.input(sitePrivacyInput).output(effectivePolicyOutput).query(effectivePolicyHandler),
  cookieTable: readSites.input(sitePrivacyInput).output(cookieTableOutput).query(cookieTableHandler),
  settings: readSites.input(sitePrivacyInput).output(privacySettingsOutput).query(privacySettingsHandler),
  updateSettings: writeSites.input(updatePrivacySettingsInput).output(updatePrivacySettingsOutput).mutation(updatePrivacySettingsHandler),
  // The console previews the policy page live while settings are edited; nothing is saved.
  previewPolicy: readSites.input(previewPolicyInput).output(effectivePolicyOutput).query(previewPolicyHandler),
  jobStatus: readSites.input(jobStatusInput).output(jobStatusOutput).query(jobStatusHandler),
});
