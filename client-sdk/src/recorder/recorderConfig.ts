import type { RecorderConfig } from "@mousetrail/server/ingest/collectPayload.schema";
import { recorderCookiesOf, type RecorderCookies } from "./cookies.js";

export interface LoadedConfig {
  readonly config: RecorderConfig;
  readonly cookies: RecorderCookies;
}

/**
 * `GET <server>/collect/config/<siteKey>`. The config is fetched before anything else, consent
 * included, because it says which consent mode applies; the request carries no cookie and at most
 * the page's origin as Referer. Any failure leaves the page unrecorded.
 */
export async function fetchRecorderConfig(serverUrl: string, siteKey: string): Promise<LoadedConfig | null> {
  const response = await fetch(new URL(`collect/config/${encodeURIComponent(siteKey)}`, serverUrl), {
    credentials: "omit",
    referrerPolicy: "strict-origin",
  });
  return response.ok ? readRecorderConfig(await response.json(), siteKey) : null;
}

/**
 * The config, when it is for this site and names what the recorder could otherwise apply wrongly
 * without noticing: where batches go, a one-character mask (MS-1.5 keeps lengths), and the four
 * cookies by role (MS-1.8 to MS-1.11), and the consent flags and opt-out parameter exactly as
 * typed, because `policies/enforce/decideRecording` and `hasOptOutQueryParameter` (the server's own
 * rules) read them as they are (MS-4.1, MS-4.2): a missing flag would read as "not honoured". The
 * rest is read fail-closed where it is used: an unknown consent mode waits for consent (in
 * decideRecording), an unknown text masking level masks all text, and a missing list throws
 * before the recorder sets a cookie or records anything.
 */
export function readRecorderConfig(value: unknown, siteKey: string): LoadedConfig | null {
  try {
    const config = value as RecorderConfig;
    const { masking, optOut, consent, cookies: cookieSpecs } = config.policy;
    if (
      config.siteKey !== siteKey ||
      typeof consent.honourGlobalPrivacyControl !== "boolean" ||
      typeof consent.honourDoNotTrack !== "boolean" ||
      typeof optOut.queryParameter !== "string" ||
      typeof optOut.queryValue !== "string" ||
      !/^https?:\/\//.test(config.collectUrl) ||
      [...masking.maskCharacter].length !== 1
    ) {
      return null;
    }
    const cookies = recorderCookiesOf(cookieSpecs);
    // The disable cookie the opt-out section names must be the one the cookie table describes.
    return cookies && cookies.optOut.name === optOut.cookieName ? { config, cookies } : null;
  } catch {
    return null;
  }
}
