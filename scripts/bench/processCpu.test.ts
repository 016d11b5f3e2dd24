import { describe, expect, it } from "vitest";
import { cpuMsOfStat, formatCpuPerRequest, processCpuMs, startCpuMeter } from "./processCpu.js";

describe("processCpu", () => {
  it("reads utime + stime (fields 14 and 15) in ms, whatever the command name holds", () => {
    const fields = ["S", "1", "2", "3", "0", "-1", "4194560", "100", "0", "0", "0", "250", "37", "0", "0", "20", "0", "1"];
    expect(cpuMsOfStat(`4242 (node) ${fields.join(" ")}`)).toBe(2870);
    expect(cpuMsOfStat(`4242 (a) b (c) ${fields.join(" ")}`)).toBe(2870);
    expect(cpuMsOfStat("4242 (node) S 1 2")).toBeNull();
  });

  it.runIf(process.platform === "linux")("measures a live process, and none for a process that is gone or has no pid", () => {
    const stop = startCpuMeter({ self: process.pid, gone: 2 ** 22 + 1, external: undefined });
    const start = processCpuMs(process.pid) as number;
    let spins = 0;
    // Busy until this process's CPU time has moved by at least one tick.
    while ((processCpuMs(process.pid) as number) <= start) spins += Math.sqrt(spins + 1);
    const cpu = stop(2);
    expect(cpu.processes.self).toBeGreaterThan(0);
    expect(cpu.processes.gone).toBeNull();
    expect(cpu.processes.external).toBeNull();
    expect(cpu.idle).toBeGreaterThanOrEqual(0);
    expect(formatCpuPerRequest({ processes: { server: 2.071, database: null }, idle: 1.3 })).toBe("server 2.07, database n/a, idle 1.30");
  });
});
