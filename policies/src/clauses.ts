/**
 * The clause catalogue of the MouseStats privacy policy (revision of 02 March 2018), one entry per
 * clause ID of shared/seed/CLAUSES.md. Policy documents cite these IDs on every section, the policy
 * page renders them, and tests are titled with them.
 */
export const clauseCatalogue = {
  "MS-1.1": "Technical information: browser type, system language, OS version, time zone, screen resolution",
  "MS-1.2": "IP address saved obfuscated, last part removed",
  "MS-1.3": "Pages visited within the site and referrer URLs",
  "MS-1.4": "Mouse movements, scrolls and clicks",
  "MS-1.5": "All characters entered in text fields replaced with an asterisk",
  "MS-1.6": "Keystrokes only from fields the client marked non-sensitive",
  "MS-1.7": "Collecting personally identifiable information is prohibited",
  "MS-1.8": "Session cookie with an initial random string, expiring in less than 24 hours",
  "MS-1.9": "Visitor cookie with an initial random string, expiring in 10 years or less",
  "MS-1.10": "Cookie test cookie, expiring in a few seconds up to 1 year",
  "MS-1.11": "Force-disable cookie set by a URL query parameter, expiring in 1 year",
  "MS-1.12": "Cookies are first-party and hold no personal data",
  "MS-1.13": "Surveys with client-defined fields must not collect personally identifiable information",
  "MS-2.1": "Nothing about websites that do not use the software",
  "MS-2.2": "Nothing about other programs on the visitor's computer",
  "MS-2.3": "No global unique identifier for a visitor",
  "MS-2.4": "Passwords are never collected",
  "MS-3.1": "Raw or aggregate reports: heatmaps, scroll maps and session replay",
  "MS-3.2": "Shareable aggregate, non-personal figures",
  "MS-3.3": "Auditing, research and analysis",
  "MS-3.4": "Legal requirements, fraud prevention and security",
  "MS-4.1": "An opt-out link by which visitors exclude themselves from monitoring",
  "MS-4.2": "Recording starts only after the steps applicable law requires",
  "MS-4.3": "Complaints through a contact form",
  "MS-5.1": "Policy changes are posted as an updated version with a revision date",
} as const;

export type ClauseId = keyof typeof clauseCatalogue;

export const clauseIds = Object.keys(clauseCatalogue) as ClauseId[];

export function isClauseId(value: string): value is ClauseId {
  return Object.hasOwn(clauseCatalogue, value);
}
