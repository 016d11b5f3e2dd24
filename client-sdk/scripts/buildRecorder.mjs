// @ts-check
/**
 * Builds the browser recorder:
 * - dist/recorder.js: the minified IIFE the script tag loads (served by the server at /recorder.js);
 * - dist/recorder.esm.js and dist/recorder.d.ts: `@mousetrail/client-sdk/recorder` for bundlers,
 *   with @rrweb/record left as the package dependency it is;
 * - dist/rrweb-record-baseline.js: rrweb's record function alone with default options, built the
 *   same way, to measure what the recorder adds to rrweb.
 * Fails when the gzipped recorder is over 1.2 times the gzipped baseline.
 *
 *   npm run build:recorder -w client-sdk
 */
import { build } from "esbuild";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import ts from "typescript";

const packageDirectory = fileURLToPath(new URL("..", import.meta.url));
export const sizeBudgetRatio = 1.2;

/**
 * @param {{ outdir?: string }} [options]
 * @returns {Promise<{ recorder: BundleSize; baseline: BundleSize; ratio: number; outdir: string }>}
 */
export async function buildRecorder({ outdir = join(packageDirectory, "dist") } = {}) {
  /** @type {import("esbuild").BuildOptions} */
  const browserBundle = {
    absWorkingDir: packageDirectory,
    bundle: true,
    minify: true,
    format: "iife",
    // Browsers from 2020 on: every one with CompressionStream or fetch keepalive, and smaller code.
    target: "es2020",
    // The workspace packages (policies) are bundled from their TypeScript sources.
    conditions: ["@mousetrail/source"],
    // Property names of the recorder's own internal objects (the event queue, the uploader, an
    // encoded body, a response's outcome, field masking, the recording decision) are shortened. None is serialised, read by the browser, or used by rrweb,
    // so the baseline comes out the same; the browser tests run the built recorder.js.
    mangleProps: /^(take|putBack|countDropped|chars|dropped|due|flushOnHide|retryAfterMs|bytes|encoding|flush|maskValue|optedOut|reason|idle|landing|uploader|queue|firstEventView|events|dispose|stop|record|maskText|revealedPassword|session|visitor|cookieTest|read|write|config|serverUrl|consentGranted)$/,
    logLevel: "warning",
  };
  await mkdir(outdir, { recursive: true });
  await Promise.all([
    build({ ...browserBundle, entryPoints: ["src/recorder/scriptTag.ts"], outfile: join(outdir, "recorder.js") }),
    build({
      ...browserBundle,
      stdin: { contents: 'import { record } from "@rrweb/record";\nrecord({ emit() {} });\n', resolveDir: packageDirectory, loader: "js" },
      outfile: join(outdir, "rrweb-record-baseline.js"),
    }),
    build({
      ...browserBundle,
      entryPoints: ["src/recorder/startRecorder.ts"],
      format: "esm",
      minify: false,
      mangleProps: undefined,
      external: ["@rrweb/record"],
      outfile: join(outdir, "recorder.esm.js"),
    }),
    writeDeclarations(join(outdir, "recorder.d.ts")),
  ]);
  const recorder = await sizeOf(join(outdir, "recorder.js"));
  const baseline = await sizeOf(join(outdir, "rrweb-record-baseline.js"));
  return { recorder, baseline, ratio: recorder.gzipBytes / baseline.gzipBytes, outdir };
}

/**
 * The public API's types, from startRecorder.ts alone: it declares everything it exports, so its
 * declarations stand on their own.
 * @param {string} outfile
 */
async function writeDeclarations(outfile) {
  const source = await readFile(join(packageDirectory, "src/recorder/startRecorder.ts"), "utf8");
  const { outputText, diagnostics = [] } = ts.transpileDeclaration(source, {
    fileName: "startRecorder.ts",
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, strict: true },
    reportDiagnostics: true,
  });
  if (diagnostics.length > 0) {
    throw new Error(`recorder declarations: ${ts.flattenDiagnosticMessageText(diagnostics[0]?.messageText ?? "", "\n")}`);
  }
  await writeFile(outfile, outputText);
}

/**
 * @typedef {{ path: string; bytes: number; gzipBytes: number }} BundleSize
 * @param {string} path
 * @returns {Promise<BundleSize>}
 */
async function sizeOf(path) {
  const content = await readFile(path);
  return { path, bytes: content.byteLength, gzipBytes: gzipSync(content, { level: 9 }).byteLength };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { recorder, baseline, ratio } = await buildRecorder();
  const kib = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`recorder.js                ${kib(recorder.bytes)} minified, ${kib(recorder.gzipBytes)} gzipped`);
  console.log(`rrweb-record-baseline.js   ${kib(baseline.bytes)} minified, ${kib(baseline.gzipBytes)} gzipped`);
  console.log(`recorder / baseline        ${ratio.toFixed(3)} gzipped (budget ${sizeBudgetRatio})`);
  if (ratio > sizeBudgetRatio) {
    console.error(`recorder.js is over its size budget: at most ${sizeBudgetRatio} times rrweb's record function alone`);
    process.exitCode = 1;
  }
}
