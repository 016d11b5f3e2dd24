import { access } from "../access.js";
import { router, tenantProcedure } from "../trpc.js";
import { clickProblemsHandler } from "./clickProblems.handler.js";
import { clickProblemsInput, clickProblemsOutput } from "./clickProblems.schema.js";
import { heatmapHandler } from "./heatmap.handler.js";
import { heatmapInput, heatmapOutput } from "./heatmap.schema.js";
import { overviewHandler } from "./overview.handler.js";
import { overviewInput, overviewOutput } from "./overview.schema.js";
import { pagesHandler } from "./pages.handler.js";
import { pagesInput, pagesOutput } from "./pages.schema.js";
import { pageSnapshotHandler } from "./pageSnapshot.handler.js";
import { pageSnapshotInput, pageSnapshotOutput } from "./pageSnapshot.schema.js";
import { scrollMapHandler } from "./scrollMap.handler.js";
import { scrollMapInput, scrollMapOutput } from "./scrollMap.schema.js";

const readReports = tenantProcedure.meta({ access: access.readReports });

export const reportsRouter = router({
  overview: readReports.input(overviewInput).output(overviewOutput).query(overviewHandler),
  pages: readReports.input(pagesInput).output(pagesOutput).query(pagesHandler),
  heatmap: readReports.input(heatmapInput).output(heatmapOutput).query(heatmapHandler),
  scrollMap: readReports.input(scrollMapInput).output(scrollMapOutput).query(scrollMapHandler),
  clickProblems: readReports.input(clickProblemsInput).output(clickProblemsOutput).query(clickProblemsHandler),
  pageSnapshot: readReports.input(pageSnapshotInput).output(pageSnapshotOutput).query(pageSnapshotHandler),
});
