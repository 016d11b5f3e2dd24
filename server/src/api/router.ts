import { apiKeysRouter } from "./apiKeys/_router.js";
import { auditRouter } from "./audit/_router.js";
import { authRouter } from "./auth/_router.js";
import { complaintsRouter } from "./complaints/_router.js";
import { complianceRouter } from "./compliance/_router.js";
import { membersRouter } from "./members/_router.js";
import { platformRouter } from "./platform/_router.js";
import { privacyRouter } from "./privacy/_router.js";
import { reportsRouter } from "./reports/_router.js";
import { sessionsRouter } from "./sessions/_router.js";
import { sitesRouter } from "./sites/_router.js";
import { surveysRouter } from "./surveys/_router.js";
import { tenantsRouter } from "./tenants/_router.js";
import { visitorDataRouter } from "./visitorData/_router.js";
import { router } from "./trpc.js";

export const appRouter = router({
  auth: authRouter,
  tenants: tenantsRouter,
  members: membersRouter,
  sites: sitesRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  compliance: complianceRouter,
  platform: platformRouter,
  surveys: surveysRouter,
  complaints: complaintsRouter,
  privacy: privacyRouter,
  sessions: sessionsRouter,
  visitorData: visitorDataRouter,
  reports: reportsRouter,
});

export type AppRouter = typeof appRouter;
