import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "mousetrail-config-"));

describe("loadConfig", () => {
  it("applies defaults", () => {
    const config = loadConfig({ MOUSETRAIL_DATA_DIR: dataDir() });
    expect(config.port).toBe(8080);
    expect(config.nodeEnv).toBe("development");
    expect(config.mongodbUri).toBeUndefined();
  });

  it.each([
    [{ PORT: "70000" }, /PORT: .*65535/],
    [{ PORT: "eighty" }, /PORT: /],
    [{ MONGODB_URI: "postgres://x" }, /MONGODB_URI: must start with mongodb:\/\//],
    [{ NODE_ENV: "staging" }, /NODE_ENV: /],
    [{ SESSION_SECRET: "short" }, /SESSION_SECRET: must be at least 32 characters/],
    [{ RECEIPT_SIGNING_KEY: "not a key" }, /RECEIPT_SIGNING_KEY: must be an Ed25519 private key in PKCS#8 PEM/],
  ])("names the bad variable in %o", (env, message) => {
    expect(() => loadConfig({ MOUSETRAIL_DATA_DIR: dataDir(), ...env })).toThrow(message);
  });

  it("requires SESSION_SECRET in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production", MOUSETRAIL_DATA_DIR: dataDir() })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: "production", MOUSETRAIL_DATA_DIR: dataDir() })).toThrow(
      /SESSION_SECRET: required when NODE_ENV=production/,
    );
  });

  it("generates a development secret once and keeps it in the data dir", () => {
    const dir = dataDir();
    const first = loadConfig({ MOUSETRAIL_DATA_DIR: dir });
    const second = loadConfig({ MOUSETRAIL_DATA_DIR: dir });
    expect(first.sessionSecret).toHaveLength(43);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(readFileSync(path.join(dir, "session-secret"), "utf8").trim()).toBe(first.sessionSecret);
  });
});
