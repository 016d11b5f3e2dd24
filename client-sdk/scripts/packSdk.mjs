// @ts-check
/**
 * Packs @mousetrail/client-sdk as integrators install it. The workspace manifest points the
 * `@mousetrail/source` condition at src/, which the tarball does not ship: a bundler or a
 * tsconfig with that condition would resolve to files that are not there. So the tarball gets
 * its own manifest (see publishedManifest), staged with the built files in dist/package/, and
 * `npm pack` runs there. `npm pack` in client-sdk/ itself is refused by its prepack script.
 *
 *   npm run build -w @mousetrail/client-sdk && npm run build:recorder -w @mousetrail/client-sdk
 *   npm run pack:sdk -w @mousetrail/client-sdk [-- <destination directory>]
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const packageDirectory = fileURLToPath(new URL("..", import.meta.url));
const stagingDirectory = path.join(packageDirectory, "dist", "package");

/** Conditions that only make sense inside this repository. */
const sourceConditions = ["@mousetrail/source"];

/**
 * The manifest the tarball ships: no source conditions, no scripts (the prepack guard), no
 * devDependencies (the server workspace package among them).
 * @param {Record<string, unknown>} manifest
 */
export function publishedManifest(manifest) {
  const { scripts: _scripts, devDependencies: _devDependencies, exports, ...kept } = manifest;
  return { ...kept, exports: withoutSourceConditions(exports) };
}

/** @param {unknown} exports */
function withoutSourceConditions(exports) {
  if (typeof exports !== "object" || exports === null) return exports;
  return Object.fromEntries(
    Object.entries(exports)
      .filter(([key]) => !sourceConditions.includes(key))
      .map(([key, value]) => [key, withoutSourceConditions(value)]),
  );
}

/**
 * Stages and packs; returns the tarball's path.
 * @param {string} destination
 */
export async function packSdk(destination) {
  const manifest = JSON.parse(await readFile(path.join(packageDirectory, "package.json"), "utf8"));
  await rm(stagingDirectory, { recursive: true, force: true });
  await mkdir(stagingDirectory, { recursive: true });
  for (const file of manifest.files) {
    await cp(path.join(packageDirectory, file), path.join(stagingDirectory, file), { errorOnExist: true, force: false });
  }
  await writeFile(path.join(stagingDirectory, "package.json"), `${JSON.stringify(publishedManifest(manifest), null, 2)}\n`);
  await mkdir(destination, { recursive: true });
  const { stdout } = await promisify(execFile)("npm", ["pack", "--json", "--pack-destination", path.resolve(destination)], { cwd: stagingDirectory });
  const [packed] = JSON.parse(stdout);
  return path.join(path.resolve(destination), packed.filename);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const tarball = await packSdk(process.argv[2] ?? packageDirectory);
  console.error(`packSdk: ${path.relative(process.cwd(), tarball)}`);
}
