import { UAParser } from "ua-parser-js";

/** What ingestion reads from a User-Agent header: browser family, OS and device type. */
export interface UserAgentFacts {
  browser: string | undefined;
  os: string | undefined;
  osVersion: string | undefined;
  deviceType: string | undefined;
}

/** Longer headers are parsed each time, not kept: a cache key is not a place for 8 kB of header. */
const maxCachedLength = 512;
const maxEntries = 1_000;

const cache = new Map<string, UserAgentFacts>();

/**
 * The facts of a User-Agent header. ua-parser-js runs a few hundred regular expressions per
 * header (~0.4 ms, the costliest per-batch step after masking in a CPU profile of the recorder's
 * batches), and a page view sends the same header with every batch, so results are kept for the
 * most recently seen headers (bounded, least recently used first out). Only in this process's
 * memory, never stored: the header itself leaves ingestion at technicalInfoStep (MS-1.1).
 */
export function userAgentFactsOf(userAgent: string): UserAgentFacts {
  const cached = cache.get(userAgent);
  if (cached) {
    cache.delete(userAgent);
    cache.set(userAgent, cached);
    return cached;
  }
  const agent = new UAParser(userAgent).getResult();
  const facts: UserAgentFacts = Object.freeze({ browser: agent.browser.name, os: agent.os.name, osVersion: agent.os.version, deviceType: agent.device.type });
  if (userAgent.length <= maxCachedLength) {
    cache.set(userAgent, facts);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  }
  return facts;
}
