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

const readSites = tenantProcedure.meta({ access: access.readSites });
const writeSites = tenantProcedure.meta({ access: access.writeSites });

export const privacyRouter = router({
  effectivePolicy: readSites.input(sitePrivacyInput).output(effectivePolicyOutput).query(effectivePolicyHandler),
  cookieTable: readSites.input(sitePrivacyInput).output(cookieTableOutput).query(cookieTableHandler),
  settings: readSites.input(sitePrivacyInput).output(privacySettingsOutput).query(privacySettingsHandler),
  updateSettings: writeSites.input(updatePrivacySettingsInput).output(updatePrivacySettingsOutput).mutation(updatePrivacySettingsHandler),
  jobStatus: readSites.input(jobStatusInput).output(jobStatusOutput).query(jobStatusHandler),
});
