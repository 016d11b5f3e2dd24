import { ConfigError, loadConfig } from "./config/config.js";
import { seedDemo } from "./domain/demo/seedDemo.js";
import { seedDemoCompliance } from "./domain/demo/seedDemoCompliance.js";
import { seedDemoData } from "./domain/demo/seedDemoData.js";
import { visitorKeySecretOf } from "./domain/sites/siteScopedKey.js";
import { createLogger } from "./logging/logger.js";
import { startServer } from "./startServer.js";

/** `npm start`: the server with its database, the first-start demo, and a clean shutdown. */
async function main(): Promise<void> {
  const logger = createLogger();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const running = await startServer(config, logger);
  const publicUrl = config.publicUrl ?? running.url;
  logger.info({ url: publicUrl, backend: running.database.backend }, "listening");

  const origins = [...new Set([new URL(publicUrl).origin, running.url.replace("localhost", "127.0.0.1")])];
  const demo = await seedDemo(running.services.db, { allowedOrigins: origins, now: new Date() });
  if (demo) {
    // Printed once, on the first start: the only time the generated password is known.
    process.stdout.write(
      [
        "",
        "  Mousetrail is ready (first start: a demo tenant was created)",
        `  Server:    ${publicUrl}/`,
        `  Login:     ${demo.email}`,
        `  Password:  ${demo.password}`,
        `  Site key:  ${demo.siteKey}  (demo site: ${publicUrl}/demo/)`,
        "  Demo data: two weeks of recorded visits are being added in the background",
        "",
        "",
      ].join("\n"),
    );
  } else {
    process.stdout.write(`\n  Mousetrail is running at ${publicUrl}/\n\n`);
  }
  // In the background: replaying the recorded visits takes seconds, the server answers meanwhile.
  // On a later start this only resumes a seeding that was cut short.
  const seedingSince = performance.now();
  const visitorKeySecret = visitorKeySecretOf(config.sessionSecret);
  seedDemoData(running.services.db, { siteKey: demo?.siteKey, now: new Date(), visitorKeySecret })
    .then(async (seeded) => {
      if (seeded) logger.info({ ...seeded, ms: Math.round(performance.now() - seedingSince) }, "demo data added");
      // The visits' sessions are derived first, so that the demo erasure below finds and counts them.
      await running.derivation.drain();
      // Then what the compliance screens show: opt-outs, survey answers, a complaint, an erasure.
      return seedDemoCompliance(running.services.db, { now: new Date(), visitorKeySecret });
    })
    .then(
      (compliance) => {
        if (compliance) logger.info(compliance, "demo compliance data added");
      },
      (error: unknown) => logger.warn({ err: error }, "adding the demo data stopped; the next start resumes it"),
    );

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "shutting down: finishing in-flight requests");
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
