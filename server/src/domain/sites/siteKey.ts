import { randomToken } from "../../db/ids.js";

/** The public key in the recorder snippet: identifies a site, grants nothing else. */
export function newSiteKey(): string {
  return `pk_${randomToken(24)}`;
}
