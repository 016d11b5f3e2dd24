import { z } from "zod";

/**
 * Every technical field a policy may allow the recorder to send (MS-1.1), with the only shape its
 * value may take. A policy document chooses a subset; `allowListTechnicalInfo` keeps exactly that
 * subset and drops everything else.
 *
 * MS-1.1 names "browser type, system language, OS version, time zone ... and screen resolution
 * metrics", and the catalogue is read narrowly:
 * - browser type is the browser family (`Chrome`, `Firefox`), not its version and never the raw
 *   User-Agent string, which carries far more than a type and is a fingerprinting vector (MS-2.3);
 * - OS version is the OS family plus its version;
 * - system language is the one preferred language tag (`navigator.language`), not the full
 *   `navigator.languages` list, which adds entropy without adding meaning;
 * - time zone is the IANA zone name;
 * - screen resolution metrics are the screen size, the viewport size (heatmaps place clicks
 *   relative to it, MS-1.4) and the device pixel ratio.
 * Nothing about plugins, fonts, hardware or other programs is representable (MS-2.2), and the IP
 * address is not a technical field: it is truncated separately (MS-1.2).
 */
const productName = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z][A-Za-z0-9 ._-]*$/, "must be a product name: letters, digits, space, dot, dash");

const dottedVersion = z
  .string()
  .min(1)
  .max(20)
  .regex(/^[0-9]+(?:[._][0-9A-Za-z]+){0,3}$/, "a dotted version number such as 14.4.1");

// BCP 47 language tag, e.g. `en`, `en-GB`, `zh-Hant-TW`.
const languageTag = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/, "a BCP 47 language tag such as en-GB");

// IANA time zone name, e.g. `UTC`, `Europe/Berlin`, `America/Argentina/Buenos_Aires`, `Etc/GMT+5`.
const ianaTimeZone = z
  .string()
  .max(64)
  .regex(/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/, "an IANA time zone name such as Europe/Berlin");

const pixels = z.number().int().min(1).max(100_000);

export const technicalFieldSchemas = {
  browser: productName,
  os: productName,
  osVersion: dottedVersion,
  language: languageTag,
  timeZone: ianaTimeZone,
  screenWidth: pixels,
  screenHeight: pixels,
  viewportWidth: pixels,
  viewportHeight: pixels,
  devicePixelRatio: z.number().positive().max(16),
} as const;

export type TechnicalFieldName = keyof typeof technicalFieldSchemas;

export const technicalFieldNames = Object.keys(technicalFieldSchemas) as [TechnicalFieldName, ...TechnicalFieldName[]];

export const technicalFieldNameSchema = z.enum(technicalFieldNames);

export type TechnicalInfo = { [Name in TechnicalFieldName]?: z.output<(typeof technicalFieldSchemas)[Name]> };
