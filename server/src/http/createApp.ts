import Router from "@koa/router";
import Koa from "koa";
import type { ServerServices } from "../api/context.js";
import { appRouter } from "../api/router.js";
import type { DatabaseBackend } from "../db/connectMongo.js";
import { createCollectPipeline, type CollectPipeline } from "../ingest/collectPipeline.js";
import { DerivationWorker, type DerivationOptions } from "../rollups/derivation/derivationWorker.js";
import { createSiteDirectory } from "../domain/sites/siteDirectory.js";
import { visitorKeySecretOf } from "../domain/sites/siteScopedKey.js";
import { defaultBatchMemoryBudget, mountCollectRoute } from "./collectRoute.js";
import { mountConsoleRoute } from "./consoleRoute.js";
import { mountComplaintPage } from "./complaintPage.js";
import { createRequestContext } from "./createRequestContext.js";
import { mountDemoSiteRoute } from "./demoSiteRoute.js";
import { mountDownloadRoutes } from "./downloadRoutes.js";
import { mountReplayFrameRoute } from "./replayFrameRoute.js";
import { mountPlatformStatsRoute } from "./platformStatsRoute.js";
import { mountPrivacyPageRoute } from "./privacyPageRoute.js";
import { mountReceiptKeysRoute } from "./receiptKeysRoute.js";
import { mountRecorderConfigRoute } from "./recorderConfigRoute.js";
import { healthz } from "./healthz.js";
import { openApiDocument } from "./openApiDocument.js";
import { mountOptOutPage } from "./optOutPage.js";
import { requestLogger } from "./requestLogger.js";
import { recorderScript } from "./recorderScript.js";
import { securityHeaders } from "./securityHeaders.js";
import { mountSurveyRoutes } from "./surveyRoutes.js";
import { trpcMiddleware } from "./trpcMiddleware.js";

export interface AppOptions {
  services: ServerServices;
  backend: DatabaseBackend;
  trustProxy: boolean;
  /** PUBLIC_URL: the address links handed out point at (default: the request's own). */
  publicUrl?: string | undefined;
  /** Batches /collect processes at once before answering 429. */
  maxCollectInFlight?: number;
  derivation?: Partial<DerivationOptions>;
  /** Where the built console is (default: console/dist of this repository). */
  consoleDir?: string;
}

/** Request bodies of the API; recordings go through /collect with limits of their own. */
export const apiMaxBodyBytes = 1024 * 1024;

export function createApp(options: AppOptions): Koa {
  return assembleApp(options).app;
}

/**
 * The app, its ingestion pipeline (whose per-step metrics the benchmark reads) and the
 * derivation worker the pipeline tells of stored chunks (started by whoever runs the app).
 */
export function assembleApp(options: AppOptions): { app: Koa; collectPipeline: CollectPipeline; derivation: DerivationWorker } {
  const { services } = options;
  const app = new Koa({ proxy: options.trustProxy });
  // Koa would print errors with the request to stderr; ours are logged without addresses.
  app.silent = true;
  app.on("error", (error: Error) => services.logger.error({ err: error }, "unhandled request error"));

  const routes = new Router();
  routes.get("/healthz", healthz(services.db, options.backend));
  const sites = createSiteDirectory(services.db);
  const visitorKeySecret = visitorKeySecretOf(services.sessionSecret);
  mountOptOutPage(routes, { db: services.db, sites, sessionSecret: services.sessionSecret, publicUrl: options.publicUrl, now: services.now });
  mountRecorderConfigRoute(routes, sites, options.publicUrl);
  mountPrivacyPageRoute(routes, services.db, options.publicUrl);
  mountPlatformStatsRoute(routes, services.db);
  mountReceiptKeysRoute(routes, services.db, services.receiptSigningKey);
  mountDemoSiteRoute(routes, services.db);
  mountConsoleRoute(routes, options.consoleDir);
  mountReplayFrameRoute(routes);
  // One memory budget for the batches being parsed and the large chunks being derived.
  const batchMemory = defaultBatchMemoryBudget();
  const derivation = new DerivationWorker(services.db, services.logger, () => new Date(), { ...options.derivation, memoryBudget: batchMemory });
  const collectPipeline = createCollectPipeline({
    db: services.db,
    sites,
    visitorKeySecret,
    derivation,
    ...(services.batchInFlightMs !== undefined ? { batchInFlightMs: services.batchInFlightMs } : {}),
  });
  mountCollectRoute(routes, {
    pipeline: collectPipeline,
    logger: services.logger,
    maxInFlight: options.maxCollectInFlight ?? 64,
    memoryBudget: batchMemory,
  });
  mountSurveyRoutes(routes, { ...services, sites, visitorKeySecret, publicUrl: options.publicUrl });
  mountComplaintPage(routes, { ...services, sites });
  mountDownloadRoutes(routes, services);
  routes.get("/openapi.json", openApiDocument(appRouter, services.logger));

  app.use(requestLogger(services.logger));
  app.use(securityHeaders());
  // After securityHeaders, whose same-origin resource policy it relaxes for the embeddable script.
  app.use(recorderScript());
  app.use(
    trpcMiddleware({
      prefix: "/trpc",
      router: appRouter,
      maxBodySize: apiMaxBodyBytes,
      createContext: (koa) => createRequestContext(services, koa),
      onError: ({ error, path }) => {
        // Expected failures (bad input, not found, forbidden) are the caller's business.
        if (error.code === "INTERNAL_SERVER_ERROR") services.logger.error({ err: error.cause ?? error, path }, "procedure failed");
      },
    }),
  );
  app.use(routes.routes());
  app.use(routes.allowedMethods());
  return { app, collectPipeline, derivation };
}
