// `npm start`: installs what is missing, builds what is stale, then runs the server (which
// starts its embedded database, seeds the demo on first start and prints the URL and login).
// Plain JavaScript with no dependencies, because it runs before `npm install` may have.

import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Mousetrail needs Node.js >= 20.19 (this is ${process.versions.node}).`);
  process.exit(1);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\`${command} ${args.join(" ")}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

const installed = path.join(root, "node_modules", ".package-lock.json");
const lock = path.join(root, "package-lock.json");
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.error("Installing dependencies (npm install)...");
  run("npm", ["install", "--no-audit", "--no-fund"]);
}

// tsc -b is incremental: a build that is up to date takes a moment.
console.error("Building...");
run("npm", ["run", "--silent", "build"]);

await import(pathToFileURL(path.join(root, "server", "dist", "main.js")).href);
