import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { receiptSigningKeyOf } from "../domain/receipts/receiptSigningKey.js";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  /** Any real deployment: a replica set, Atlas, a sharded cluster. Absent: an embedded database. */
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, "must start with mongodb:// or mongodb+srv://")
    .optional(),
  MOUSETRAIL_DATA_DIR: z.string().min(1).default("./.data"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The address the console and the recorder snippet use to reach this server. */
  PUBLIC_URL: z.url().optional(),
  /** Behind a reverse proxy: trust its X-Forwarded-For / X-Forwarded-Proto headers. */
  /** The Ed25519 key (PKCS#8 PEM) that signs receipts; absent: one generated in the data dir. */
  RECEIPT_SIGNING_KEY: z
    .string()
    .refine((pem) => isReceiptSigningKey(pem), "must be an Ed25519 private key in PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)")
    .optional(),
  TRUST_PROXY: z.enum(["true", "false", "1", "0"]).default("false").transform((v) => v === "true" || v === "1"),
});

export interface Config {
  nodeEnv: "development" | "production" | "test";
  port: number;
  mongodbUri: string | undefined;
  dataDir: string;
  sessionSecret: string;
  publicUrl: string | undefined;
  trustProxy: boolean;
  /** RECEIPT_SIGNING_KEY, validated; undefined: the data dir keeps one. */
  receiptSigningKey: string | undefined;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Validates the environment once at start-up. Every problem names the variable, so a
 * misconfigured deployment fails with `PORT: Too big: expected number to be <=65535`
 * rather than somewhere later.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const vars = parsed.data;
  const dataDir = path.resolve(vars.MOUSETRAIL_DATA_DIR);
  return {
    nodeEnv: vars.NODE_ENV,
    port: vars.PORT,
    mongodbUri: vars.MONGODB_URI,
    dataDir,
    sessionSecret: vars.SESSION_SECRET ?? developmentSessionSecret(vars.NODE_ENV, dataDir),
    publicUrl: vars.PUBLIC_URL?.replace(/\/$/, ""),
    trustProxy: vars.TRUST_PROXY,
    receiptSigningKey: vars.RECEIPT_SIGNING_KEY,
  };
}

/**
 * Outside production a missing SESSION_SECRET is generated once and kept in the data dir,
 * so sessions survive restarts. Production must be configured explicitly: a secret that
 * silently changes on every deploy would log everyone out and weaken key derivation.
 */
function developmentSessionSecret(nodeEnv: Config["nodeEnv"], dataDir: string): string {
  if (nodeEnv === "production") {
    throw new ConfigError("Invalid configuration:\n  SESSION_SECRET: required when NODE_ENV=production");
  }
  const file = path.join(dataDir, "session-secret");
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function isReceiptSigningKey(pem: string): boolean {
  try {
    receiptSigningKeyOf(pem);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}
