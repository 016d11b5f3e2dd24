// Makes the offline MongoDB fallback runnable: Maven dependencies in lib/, the launcher compiled
// into classes/. Idempotent and cheap when both are current (two small files read and hashed).
//
// Several vitest workers or processes may prepare at once. Rather than a lock file (whose stale
// detection is racy), each one builds in its own staging directory inside lib/ or classes/ (both
// git-ignored), then renames files into place one by one; each rename is atomic, and the stamp
// file saying "complete" is renamed in last. A reader that sees a current stamp therefore sees
// every file it lists. Concurrent preparers do duplicate work, never corrupt each other.

import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const offlineDbDir = dirname(fileURLToPath(import.meta.url));
const libDir = join(offlineDbDir, "lib");
const classesDir = join(offlineDbDir, "classes");
const pomFile = join(offlineDbDir, "pom.xml");
const launcherSource = join(offlineDbDir, "OfflineMongo.java");
const stampName = ".prepared.json";
const stagingPrefix = ".staging-";
// A staging directory older than this belongs to a process that died mid-way.
const abandonedStagingMs = 60 * 60 * 1000;

const installHints = {
  java: "install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless)",
  javac: "install a Java 17+ JDK, not only a runtime (Debian: apt-get install openjdk-17-jdk-headless)",
  mvn: "install Maven 3.8+ (Debian: apt-get install maven)",
};

/**
 * Fetches the Maven dependencies and compiles the launcher unless both are already current.
 * @param {{ onLog?: (line: string) => void }} [options]
 * @returns {Promise<{ classpath: string }>} the classpath for `java -cp ... OfflineMongo`
 */
export async function prepareOfflineMongo({ onLog = () => {} } = {}) {
  const [pom, source] = await Promise.all([readFile(pomFile), readFile(launcherSource)]);
  const libKey = sha256(pom);
  // The launcher is compiled against the jars, so a new pom recompiles it too.
  const classesKey = sha256(Buffer.concat([pom, source]));

  if (!(await isCurrent(libDir, libKey))) {
    onLog(`offline-db: fetching mongo-java-server with Maven into ${libDir}`);
    await buildInto(libDir, libKey, (staging) =>
      runTool("mvn", ["-B", "-q", "-f", pomFile, "dependency:copy-dependencies", `-DoutputDirectory=${staging}`]),
    );
  }
  if (!(await isCurrent(classesDir, classesKey))) {
    await buildInto(classesDir, classesKey, (staging) =>
      runTool("javac", ["--release", "17", "-cp", join(libDir, "*"), "-d", staging, launcherSource]),
    );
  }
  return { classpath: [classesDir, join(libDir, "*")].join(":") };
}

/** True when dir's stamp carries key and every file the stamp lists is present. */
async function isCurrent(dir, key) {
  let stamp;
  try {
    stamp = JSON.parse(await readFile(join(dir, stampName), "utf8"));
  } catch (error) {
    if (error.code === "ENOENT") return false;
    throw new Error(`offline-db: unreadable ${join(dir, stampName)}; delete ${dir} and retry`, { cause: error });
  }
  if (stamp.key !== key) return false;
  const present = new Set(await readdir(dir));
  return stamp.files.every((file) => present.has(file));
}

/** Runs build(stagingDir), then moves its output into dir and writes the stamp last. */
async function buildInto(dir, key, build) {
  await mkdir(dir, { recursive: true });
  await removeAbandonedStaging(dir);
  const staging = join(dir, `${stagingPrefix}${process.pid}-${randomBytes(4).toString("hex")}`);
  await mkdir(staging);
  try {
    await build(staging);
    const files = (await readdir(staging)).sort();
    if (files.length === 0) throw new Error(`offline-db: building ${dir} produced no files`);
    for (const file of files) await rename(join(staging, file), join(dir, file));
    // Files of an older build (a jar version the pom no longer names) would shadow the new ones.
    for (const entry of await readdir(dir)) {
      if (!files.includes(entry) && entry !== stampName && !entry.startsWith(stagingPrefix)) {
        await rm(join(dir, entry), { recursive: true, force: true });
      }
    }
    const stampTemp = join(staging, stampName);
    await writeFile(stampTemp, JSON.stringify({ key, files }, null, 2));
    await rename(stampTemp, join(dir, stampName));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function removeAbandonedStaging(dir) {
  for (const entry of await readdir(dir)) {
    if (!entry.startsWith(stagingPrefix)) continue;
    const path = join(dir, entry);
    const info = await stat(path).catch(() => null);
    if (info && Date.now() - info.mtimeMs > abandonedStagingMs) await rm(path, { recursive: true, force: true });
  }
}

/** Runs a build tool to completion; a missing tool or a failure becomes an error naming it. */
function runTool(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: offlineDbDir, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk) => (output = (output + chunk).slice(-8000));
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (error) => reject(toolError(command, error)));
    child.on("close", (code, signal) => {
      if (code === 0) return resolve();
      const status = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(new Error(`offline-db: \`${command} ${args.join(" ")}\` ${status}:\n${output.trim()}`));
    });
  });
}

/**
 * Turns a spawn error into one that names the missing tool and how to install it.
 * @param {string} command
 * @param {NodeJS.ErrnoException} error
 */
export function toolError(command, error) {
  if (error.code !== "ENOENT") return new Error(`offline-db: cannot run \`${command}\`: ${error.message}`, { cause: error });
  const hint = installHints[/** @type {keyof typeof installHints} */ (command)] ?? "install it";
  return new Error(`offline-db: \`${command}\` was not found on PATH; the offline MongoDB fallback needs it: ${hint}`, {
    cause: error,
  });
}

function sha256(buffer) {
  return createHash("sha256").update(buffer).digest("hex");
}
