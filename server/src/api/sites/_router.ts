import { z } from "zod";
import { access } from "../access.js";
import { tenantInput } from "../common.schema.js";
import { router, tenantProcedure } from "../trpc.js";
import { siteOutput } from "./site.output.js";
import { createSiteInput, siteInput, updateSiteInput } from "./site.schema.js";
import {
  createSiteHandler,
  deleteSiteHandler,
  getSiteHandler,
  listSitesHandler,
  rotateSiteKeyHandler,
  updateSiteHandler,
} from "./sites.handler.js";

const readSites = tenantProcedure.meta({ access: access.readSites });
const writeSites = tenantProcedure.meta({ access: access.writeSites });

export const sitesRouter = router({
  list: readSites.input(tenantInput).output(z.array(siteOutput)).query(listSitesHandler),
  get: readSites.input(siteInput).output(siteOutput).query(getSiteHandler),
  create: writeSites.input(createSiteInput).output(siteOutput).mutation(createSiteHandler),
  update: writeSites.input(updateSiteInput).output(siteOutput).mutation(updateSiteHandler),
  rotateKey: writeSites.input(siteInput).output(siteOutput).mutation(rotateSiteKeyHandler),
  delete: writeSites.input(siteInput).output(z.object({ deleted: z.literal(true) })).mutation(deleteSiteHandler),
});
