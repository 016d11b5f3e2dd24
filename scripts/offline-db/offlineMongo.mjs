// Offline MongoDB fallback: mongo-java-server 1.47.0 (a MongoDB wire-protocol server in Java) for
// machines where mongodb-memory-server cannot download mongod. Development and tests only.
// Types: offlineMongo.d.mts.

import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { prepareOfflineMongo, toolError } from "./prepareOfflineMongo.mjs";

const devOnlyWarning =
  "offline-db: WARNING: MongoDB is served by mongo-java-server, a fallback for DEVELOPMENT AND TESTS ONLY. " +
  "It is NOT MongoDB and must NEVER be used in production.";
// Measured ready in ~0.3 s warm; generous because several test workers may start JVMs at once on 2 cores.
const startTimeoutMs = 30_000;
// After SIGTERM the launcher closes clients and commits the H2 store; that takes well under a second.
const stopGraceMs = 5_000;
const stderrTailLines = 40;
const readyLine = /^MONGO_JAVA_SERVER_READY port=(\d+)$/;

/** @param {string} line */
const logToStderr = (line) => process.stderr.write(`${line}\n`);

/**
 * Starts mongo-java-server on 127.0.0.1, fetching and compiling it first if needed.
 * @param {import("./offlineMongo.d.mts").OfflineMongoOptions} [options]
 * @returns {Promise<import("./offlineMongo.d.mts").OfflineMongo>}
 */
export async function startOfflineMongo({ persistFile, port = 0, onLog = logToStderr } = {}) {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`startOfflineMongo: port must be an integer from 0 to 65535 (0 picks a free port), got ${port}`);
  }
  if (persistFile !== undefined && (typeof persistFile !== "string" || persistFile === "")) {
    throw new TypeError(`startOfflineMongo: persistFile must be a non-empty file path, got ${JSON.stringify(persistFile)}`);
  }
  onLog(devOnlyWarning);

  const { classpath } = await prepareOfflineMongo({ onLog });
  const args = ["-cp", classpath, "OfflineMongo", "--port", String(port)];
  if (persistFile !== undefined) args.push("--h2", resolve(persistFile));
  // stdin stays an open pipe we never write to: the launcher exits when it closes, so the server
  // dies with this process even when stop() is never called.
  const child = spawn("java", args, { stdio: ["pipe", "pipe", "pipe"] });

  const stderrTail = [];
  createInterface({ input: child.stderr }).on("line", (line) => {
    stderrTail.push(line);
    if (stderrTail.length > stderrTailLines) stderrTail.shift();
    onLog(`offline-db: ${line}`);
  });
  const describe = () => (stderrTail.length ? `; its stderr ends with:\n${stderrTail.join("\n")}` : "; it wrote nothing to stderr");

  /** @type {Promise<import("./offlineMongo.d.mts").OfflineMongoExit>} */
  const exited = new Promise((resolveExit) => child.once("exit", (code, signal) => resolveExit({ code, signal })));
  const listeningPort = await waitForReady(child, exited, describe);

  let stopping = false;
  void exited.then(({ code, signal }) => {
    if (!stopping) onLog(`offline-db: mongo-java-server exited unexpectedly (code ${code}, signal ${signal})${describe()}`);
  });

  /** @type {Promise<void> | undefined} */
  let stopOnce;
  const stop = () => (stopOnce ??= stopServer());
  async function stopServer() {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return; // already gone
    child.kill("SIGTERM");
    const timer = setTimeout(() => {
      onLog(`offline-db: mongo-java-server ignored SIGTERM for ${stopGraceMs} ms; killing it, unsaved H2 writes may be lost`);
      child.kill("SIGKILL");
    }, stopGraceMs);
    await exited;
    clearTimeout(timer);
  }

  return { uri: `mongodb://127.0.0.1:${listeningPort}/`, port: listeningPort, pid: child.pid, stop, exited };
}

/** Resolves with the port from the launcher's READY line; rejects (and kills it) on anything else. */
function waitForReady(child, exited, describe) {
  return new Promise((resolveReady, rejectReady) => {
    const stdout = createInterface({ input: child.stdout });
    let settled = false;
    const settle = () => {
      const first = !settled;
      settled = true;
      clearTimeout(timer);
      return first;
    };
    const fail = (message) => {
      if (!settle()) return;
      child.kill("SIGKILL");
      rejectReady(new Error(`offline-db: ${message}${describe()}`));
    };
    const timer = setTimeout(() => fail(`mongo-java-server was not ready within ${startTimeoutMs} ms`), startTimeoutMs);
    child.once("error", (error) => settle() && rejectReady(toolError("java", error)));
    // Let the stderr reader drain first so the error carries the launcher's last words.
    void exited.then(({ code, signal }) =>
      setImmediate(() => fail(`mongo-java-server exited (code ${code}, signal ${signal}) before it was ready`)),
    );
    stdout.once("line", (line) => {
      const match = readyLine.exec(line);
      if (!match) return fail(`unexpected first line from mongo-java-server: ${JSON.stringify(line)}`);
      if (settle()) resolveReady(Number(match[1]));
    });
  });
}
