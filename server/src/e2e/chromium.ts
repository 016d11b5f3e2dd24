import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";

/**
 * What the browser tests and the demo-session recorder share: Debian's Chromium, driven by
 * playwright-core, and the built recorder the server serves at /recorder.js.
 */
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const clientSdk = path.join(repositoryRoot, "client-sdk");

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/** The script the server serves at /recorder.js (the `@mousetrail/client-sdk/recorder.js` export). */
export const builtRecorderPath = path.join(clientSdk, "dist", "recorder.js");

/** What goes into the recorder bundle: its sources, the policy code it bundles, its build script. */
const recorderInputs = [path.join(clientSdk, "src", "recorder"), path.join(repositoryRoot, "policies", "src"), path.join(clientSdk, "scripts", "buildRecorder.mjs")];

/**
 * Builds client-sdk/dist/recorder.js when it is missing or older than anything it is built from,
 * so a browser test never exercises a recorder that differs from the sources.
 */
export function ensureRecorderBuilt(): void {
  const built = modifiedAt(builtRecorderPath);
  if (built !== null && recorderInputs.every((input) => newestModification(input) <= built)) return;
  const result = spawnSync(process.execPath, [path.join(clientSdk, "scripts", "buildRecorder.mjs")], { cwd: clientSdk, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`building the recorder failed:\n${result.stdout}${result.stderr}`);
}

function modifiedAt(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function newestModification(entry: string): number {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry, { withFileTypes: true })) {
    // Tests are not bundled.
    if (child.isFile() && !child.name.endsWith(".ts") && !child.name.endsWith(".mjs")) continue;
    if (child.isFile() && child.name.includes(".test.")) continue;
    newest = Math.max(newest, newestModification(path.join(entry, child.name)));
  }
  return newest;
}
