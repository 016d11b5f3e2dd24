/**
 * `npm run bench [-- <part>...] [--rounds N] [--seconds S] [--concurrency C]`
 *
 * Runs the named parts (all of them when none is named), prints what each measured and a
 * summary table, and writes bench/results.json. A target that is missed is a "NO" in the
 * table, not a failure: the exit code is non-zero only when the benchmark itself fails.
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { parseArgs } from "node:util";
import { startBenchEnvironment, type BenchEnvironment } from "./benchEnvironment.js";
import type { BenchPart, BenchSettings, PartContext } from "./benchPart.js";
import { renderFigures, type Figure } from "./figures.js";
import { exportsPart } from "./exportsPart.js";
import { hostilePart } from "./hostilePart.js";
import { ingestPart } from "./ingestPart.js";
import { recorderPart } from "./recorderPart.js";
import { reportsPart } from "./reportsPart.js";
import { storagePart } from "./storagePart.js";

/** In the order they run: the recorder is built before the stored-size part serves it. */
const parts: readonly BenchPart[] = [recorderPart, ingestPart, storagePart, hostilePart, reportsPart, exportsPart];

const resultsFile = new URL("../../bench/results.json", import.meta.url);

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rounds: { type: "string", default: "3" },
      seconds: { type: "string", default: "10" },
      concurrency: { type: "string", default: "16" },
    },
  });
  const settings: BenchSettings = {
    rounds: positiveInteger("--rounds", values.rounds),
    seconds: positiveInteger("--seconds", values.seconds),
    concurrency: positiveInteger("--concurrency", values.concurrency),
  };
  const unknown = positionals.filter((name) => !parts.some((part) => part.name === name));
  if (unknown.length > 0) throw new UsageError(`unknown part ${unknown.join(", ")}: the parts are ${parts.map((part) => part.name).join(", ")}`);
  const selected = positionals.length ? parts.filter((part) => positionals.includes(part.name)) : parts;

  let environment: Promise<BenchEnvironment> | undefined;
  const context: PartContext = {
    settings,
    environment: () => (environment ??= startBenchEnvironment()),
    log: (line) => process.stderr.write(`bench: ${line}\n`),
  };
  const startedAt = new Date();
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  try {
    for (const part of selected) {
      context.log(`${part.name}: ${part.title}`);
      const result = await part.run(context);
      figures.push(...result.figures);
      details[part.name] = result.details;
      process.stdout.write(`\n== ${part.name}: ${part.title}\n\n${result.report}\n`);
    }
  } finally {
    if (environment) await (await environment).close();
  }

  const backend = environment ? (await environment).databaseServer.backend : null;
  const machine = `${os.cpus().length} x ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  process.stdout.write(
    `\n== Summary (${startedAt.toISOString()}; ${machine}${backend ? `; database: ${backend}` : ""})\n\n${renderFigures(figures)}\n`,
  );
  const missed = figures.filter((entry) => entry.met === false).map((entry) => entry.name);
  if (missed.length) process.stdout.write(`\nTargets not met: ${missed.join("; ")}\n`);

  await mkdir(new URL(".", resultsFile), { recursive: true });
  const results = { startedAt: startedAt.toISOString(), machine, database: backend, settings, parts: selected.map((part) => part.name), figures, details };
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  context.log(`wrote ${new URL(resultsFile).pathname}`);
}

class UsageError extends Error {}

function positiveInteger(option: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${option} must be a positive integer, got ${text}`);
  return value;
}

main().then(
  // Workers, sockets and the database are closed; exit rather than wait for stray timers.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof UsageError ? `bench: ${error.message}` : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
