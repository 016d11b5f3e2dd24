import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { buildRecorder } from "../../client-sdk/scripts/buildRecorder.mjs";
import type { BenchPart } from "./benchPart.js";
import { figure, formatNumber } from "./figures.js";

let build: ReturnType<typeof buildRecorder> | undefined;

/** client-sdk's recorder build, run once per bench run (the stored-size part serves its output). */
export function buildRecorderOnce(): ReturnType<typeof buildRecorder> {
  return (build ??= buildRecorder());
}

/**
 * The recorder's gzipped size against rrweb's record function alone: client-sdk's recorder
 * build is run here (it writes dist/recorder.js and dist/rrweb-record-baseline.js with the same
 * esbuild options), and both files are gzipped at level 9 by this part, not taken from the build.
 */
export const recorderPart: BenchPart = {
  name: "recorder",
  title: "Recorder size: client-sdk/dist/recorder.js against an rrweb record-only bundle",
  async run(context) {
    context.log("building the recorder (client-sdk/scripts/buildRecorder.mjs)");
    const { outdir } = await buildRecorderOnce();
    const sizeOf = async (name: string) => {
      const content = await readFile(`${outdir}/${name}`);
      return { file: `client-sdk/dist/${name}`, bytes: content.byteLength, gzipBytes: gzipSync(content, { level: 9 }).byteLength };
    };
    const recorder = await sizeOf("recorder.js");
    const baseline = await sizeOf("rrweb-record-baseline.js");
    const figures = [
      figure("recorder gzipped size", recorder.gzipBytes, "bytes", {
        baseline: { name: "rrweb record-only bundle", value: baseline.gzipBytes, unit: "bytes" },
        target: { op: "<=", limit: 1.2, text: "<= 1.2 x rrweb record" },
      }),
    ];
    const report = [recorder, baseline]
      .map((size) => `${size.file.padEnd(40)} ${formatNumber(size.bytes)} bytes minified, ${formatNumber(size.gzipBytes)} bytes gzipped (level 9)`)
      .join("\n");
    return { figures, report, details: { recorder, baseline } };
  },
};
