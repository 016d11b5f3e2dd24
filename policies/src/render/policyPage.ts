import type { ClauseId } from "../clauses.js";
import type { EffectivePolicy } from "../effectivePolicy.js";
import { maskChoice, maskedChoiceLength } from "../masking/maskText.js";
import type { PiiKind } from "../pii/piiKind.js";
import type { TechnicalFieldName } from "../schema/technicalFields.js";
import { cookieTable, type CookieTableRow } from "./cookieTable.js";
import { durationInWords } from "./lifetimeInWords.js";
import { revisionDateInWords } from "./revisionDate.js";

/**
 * The public privacy policy page as a document model, built from the effective policy so that
 * what the page says is what is enforced (MS-5.1): every sentence that states a setting is
 * generated from it. Markdown and HTML renderers turn the model into text; neither adds content.
 * Text in the model is plain: renderers escape it.
 */
export type Inline = string | { readonly code: string } | { readonly link: string; readonly href: string };

export type Block =
  | { readonly kind: "paragraph"; readonly content: readonly Inline[]; readonly clauses: readonly ClauseId[] }
  | { readonly kind: "list"; readonly items: readonly { readonly content: readonly Inline[]; readonly clauses: readonly ClauseId[] }[] }
  | { readonly kind: "cookie-table"; readonly rows: readonly CookieTableRow[] };

export interface PolicySection {
  readonly id: string;
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export interface PolicyPage {
  readonly title: string;
  readonly introduction: readonly Block[];
  readonly sections: readonly PolicySection[];
  /** As the seed writes it: "Last Revision: 02 March 2018." */
  readonly lastRevision: string;
}

export interface PolicyPageSite {
  /** The tenant's site as visitors know it, e.g. "Example Shop". */
  readonly siteName: string;
  /** The hosted opt-out page for this site (MS-4.1); must be an http or https URL. */
  readonly optOutUrl: string;
  /** The complaints contact form (MS-4.3); an http or https URL when given. */
  readonly contactUrl?: string;
}

const technicalFieldWords: Readonly<Record<TechnicalFieldName, string>> = {
  browser: "browser type",
  os: "operating system",
  osVersion: "operating system version",
  language: "system language",
  timeZone: "time zone",
  screenWidth: "screen resolution",
  screenHeight: "screen resolution",
  viewportWidth: "browser window size",
  viewportHeight: "browser window size",
  devicePixelRatio: "screen pixel density",
};

const piiKindWords: Readonly<Record<PiiKind, string>> = {
  email: "e-mail addresses",
  phone: "phone numbers",
  "payment-card": "payment card numbers",
  iban: "bank account numbers (IBAN)",
  "us-ssn": "US Social Security numbers",
  "uk-nino": "UK National Insurance numbers",
};

export function buildPolicyPage(policy: EffectivePolicy, site: PolicyPageSite): PolicyPage {
  const optOutUrl = checkedWebUrl(site.optOutUrl, "optOutUrl");
  const contactUrl = site.contactUrl === undefined ? undefined : checkedWebUrl(site.contactUrl, "contactUrl");
  const siteName = site.siteName.trim();
  if (siteName === "") throw new RangeError("siteName must not be empty");
  const service = policy.serviceName;
  return {
    title: `Privacy policy for information collected by the ${service} web analytics service on ${siteName}`,
    introduction: [
      paragraph(
        [
          `This privacy policy describes how ${service} handles the information it receives when ${siteName} uses the ${service} customer experience analytics software to record how visitors interact with ${siteName} and to receive reports derived from those recordings. "We" and "us" are ${service}; "visitors" are the visitors of ${siteName}. This is version ${policy.policyVersion} of the policy.`,
        ],
        ["MS-5.1"],
      ),
    ],
    sections: [
      informationReceived(policy, siteName),
      notCollected(policy, siteName),
      handling(policy, siteName),
      optOutAndContact(policy, siteName, optOutUrl, contactUrl),
      modifications(policy),
    ],
    lastRevision: `Last Revision: ${revisionDateInWords(policy.revisedOn)}.`,
  };
}

function informationReceived(policy: EffectivePolicy, siteName: string): PolicySection {
  const service = policy.serviceName;
  const fields = [...new Set(policy.technicalInfo.fields.map((field) => technicalFieldWords[field]))];
  const { ipv4KeptBits, ipv6KeptBits } = policy.ipAddress;
  const masking = policy.masking;
  const nonSensitive = masking.nonSensitiveSelectors;
  const interactions = [
    policy.interactions.recordMouseMovements && `mouse movements (at most one position every ${policy.interactions.mouseMoveSampleIntervalMs} ms)`,
    policy.interactions.recordScrolls && "scrolls",
    policy.interactions.recordClicks && "mouse clicks",
  ].filter((item): item is string => typeof item === "string");
  const items: { content: Inline[]; clauses: ClauseId[] }[] = [
    item([`Technical information about a visitor's computer: ${listInWords(fields)}.`], ["MS-1.1"]),
    item(
      [
        `The visitor's IP address, saved obfuscated: its last part is removed before it is stored or logged (an IPv4 address keeps only its first ${ipv4KeptBits} bits, an IPv6 address its first ${ipv6KeptBits} bits).`,
      ],
      ["MS-1.2"],
    ),
    item([pagesSentence(policy, siteName)], ["MS-1.3"]),
    item([interactions.length > 0 ? `How a visitor has interacted with ${siteName}: ${listInWords(interactions)}.` : "No mouse movements, scrolls or clicks."], ["MS-1.4"]),
    item(
      [
        `${service} replaces every character entered in a text field with the `,
        { code: masking.maskCharacter },
        " character, in the visitor's browser and again on our servers. ",
        ...(nonSensitive.length === 0
          ? [`${siteName} has not marked any field as non-sensitive, so no keystrokes are kept.`]
          : [
              `${siteName} has marked ${countInWords(nonSensitive.length, "field", "fields")} as non-sensitive (`,
              ...joinInline(nonSensitive.map((selector) => ({ code: selector }))),
              `); only characters typed into ${nonSensitive.length === 1 ? "that field are" : "those fields are"} kept as typed.`,
            ]),
        " ",
        masking.textMasking === "all-text"
          ? `All other text shown on the pages of ${siteName} is masked in the same way.`
          : `Text that ${siteName} itself shows on its pages is recorded as shown${masking.maskedSelectors.length > 0 ? `, except in ${countInWords(masking.maskedSelectors.length, "part", "parts")} of the page ${siteName} has asked us to mask` : ""}.`,
        ...(masking.blockedSelectors.length > 0
          ? [` ${countInWords(masking.blockedSelectors.length, "part", "parts")} of the page ${masking.blockedSelectors.length === 1 ? "is" : "are"} not recorded at all.`]
          : []),
        " A choice made in a drop-down list, with a radio button or with a checkbox is replaced by ",
        { code: maskChoice(masking.maskCharacter) },
        ` (always ${maskedChoiceLength} characters, whatever was chosen), and the options of such a drop-down list are masked too, so that neither the length nor the labels tell what was chosen; whether a box is ticked is kept.`,
        ` Data that the code of ${siteName} adds to a recording is treated as text shown on the page${masking.textMasking === "all-text" ? ", and so masked" : ""}; data from recording plug-ins (console messages, network requests) is always masked.`,
        ` Images that a page of ${siteName} makes itself, larger than an icon (a photo about to be uploaded, a scanned document, a drawn signature), are not recorded; a replay shows their place empty.`,
      ],
      ["MS-1.5", "MS-1.6"],
    ),
    item(
      [
        `${service} strictly prohibits its clients from using the software to collect any personally identifiable information. Recordings, survey answers and page addresses are checked for ${listInWords(policy.pii.detectors.map((kind) => piiKindWords[kind]))}; what is found is removed and, from the ${ordinal(policy.pii.violationThreshold)} detection in a batch, recorded as a breach of our Terms of Service${policy.pii.breachMayLeadToPurge ? `, which may lead to the complete removal of ${siteName}'s analytics data` : ""}.`,
      ],
      ["MS-1.7"],
    ),
    item(
      [
        `Session information stored in cookies, used to make sure accurate data is extracted. These cookies are first-party cookies (cookie data cannot be shared across websites) and hold no personal data, only random strings and flags:`,
      ],
      ["MS-1.8", "MS-1.9", "MS-1.10", "MS-1.11", "MS-1.12"],
    ),
  ];
  const surveys: { content: Inline[]; clauses: ClauseId[] }[] = [];
  if (policy.surveys.enabled) {
    surveys.push(
      item(
        [
          `${service} provides a survey feature. Survey questions are defined by ${siteName} (${listInWords(policy.surveys.allowedFieldTypes.map((type) => type.replace("-", " ")))} questions); answers are limited to ${policy.surveys.maxAnswerLength} characters, and personal information found in them is redacted before they are stored. Collecting personal information through surveys is against our Terms of Service.`,
        ],
        ["MS-1.13"],
      ),
    );
  }
  return {
    id: "information-received",
    heading: "1. Information received through use of the software",
    blocks: [
      paragraph([`When ${siteName} uses the software, ${service} may receive the following information:`], ["MS-1.1"]),
      { kind: "list", items },
      { kind: "cookie-table", rows: cookieTable(policy) },
      ...(surveys.length > 0 ? [{ kind: "list" as const, items: surveys }] : []),
    ],
  };
}

function pagesSentence(policy: EffectivePolicy, siteName: string): string {
  const visited = policy.pages.recordPageViews ? `The pages of ${siteName} a visitor has visited` : "";
  const referrers = policy.pages.recordReferrers ? "the addresses of the pages that referred the visitor" : "";
  const what = [visited, referrers].filter(Boolean).join(", and ");
  if (what === "") return "No page addresses.";
  const fragments = policy.pages.fragments === "drop" ? "everything after a # is removed" : "parts after a # are kept only when they hold no personal information";
  return `${what}. Query strings are always removed from these addresses, ${fragments}, and e-mail addresses, phone numbers, long numbers and tokens in them are replaced.`;
}

function notCollected(policy: EffectivePolicy, siteName: string): PolicySection {
  const neverCapture = policy.masking.neverCapture;
  const cards = neverCapture.autocompleteTokenPrefixes.includes("cc-") ? " or payment card details" : "";
  return {
    id: "not-collected",
    heading: "2. What information the software does NOT collect",
    blocks: [
      {
        kind: "list",
        items: [
          item(["We do not collect any information about websites that do not use the software: data is accepted only from registered sites."], ["MS-2.1"]),
          item(["We do not collect any information about other programs that visitors are running on their computer."], ["MS-2.2"]),
          item(
            [
              `We do not assign a global unique identifier to any visitor: a visitor's identifier is a random ${policy.visitorIdentity.randomIdBits}-bit string that is valid only on ${siteName}.`,
            ],
            ["MS-2.3"],
          ),
          item([`We will not collect any passwords${cards} entered into a website, even in fields marked as non-sensitive.`], ["MS-2.4"]),
        ],
      },
    ],
  };
}

function handling(policy: EffectivePolicy, siteName: string): PolicySection {
  const reportWords: Readonly<Record<string, string>> = {
    "click-heatmap": "aggregate reports of clicking activity",
    "mouse-movement-heatmap": "aggregate reports of mouse movement activity",
    "scroll-map": "aggregate reports of scrolling activity",
    "session-replay": "recreations of visitor browsing sessions",
  };
  const metricWords: Readonly<Record<string, string>> = {
    "average-page-load-time": "average page load time",
    "pages-processed-per-day": "the number of pages processed by our system per day",
  };
  const retention = policy.retention;
  const items = [
    item(
      [`To provide ${siteName} with raw or aggregate reports regarding visitor interactions: ${listInWords(policy.purposes.reports.kinds.map((kind) => reportWords[kind] ?? kind))}.`],
      ["MS-3.1"],
    ),
  ];
  if (policy.purposes.sharedAggregates.metrics.length > 0) {
    items.push(
      item(
        [`We may share certain pieces of aggregated, non-personal information, such as ${listInWords(policy.purposes.sharedAggregates.metrics.map((metric) => metricWords[metric] ?? metric))}.`],
        ["MS-3.2"],
      ),
    );
  }
  items.push(
    item(["For auditing, research and analysis to operate and improve our technologies and services; administrative and compliance actions are kept in an append-only audit log."], ["MS-3.3"]),
    item(["If required in limited circumstances, including when complying with legal requirements, preventing fraud or imminent harm, and ensuring the security of our network and services."], ["MS-3.4"]),
  );
  return {
    id: "handling",
    heading: "3. How the information is handled",
    blocks: [
      paragraph(["Any information we collect will be used in accordance with applicable laws for the following purposes:"], ["MS-3.1"]),
      { kind: "list", items },
      paragraph(
        [
          `Raw recordings are deleted after ${durationInWords(retention.rawRecordingsDays * 86_400)}, session information after ${durationInWords(retention.sessionMetadataDays * 86_400)}, and aggregate reports after ${durationInWords(retention.aggregatesDays * 86_400)}.`,
        ],
        ["MS-3.1"],
      ),
    ],
  };
}

function optOutAndContact(policy: EffectivePolicy, siteName: string, optOutUrl: string, contactUrl: string | undefined): PolicySection {
  const service = policy.serviceName;
  const optOut = policy.optOut;
  const consentSentence: Readonly<Record<EffectivePolicy["consent"]["mode"], string>> = {
    required: `${service} records nothing on ${siteName} until you have given your consent, as applicable law requires.`,
    "opt-out": `${service} records visits to ${siteName} unless you exclude yourself, which you may do at any time.`,
    none: `${service} records visits to ${siteName} unless you exclude yourself, which you may do at any time.`,
  };
  const signals = [policy.consent.honourGlobalPrivacyControl && "Global Privacy Control", policy.consent.honourDoNotTrack && "Do Not Track"].filter(
    (signal): signal is string => typeof signal === "string",
  );
  const blocks: Block[] = [
    paragraph([consentSentence[policy.consent.mode]], ["MS-4.2"]),
    paragraph(
      [
        "To exclude yourself from monitoring by the software, follow this link: ",
        { link: optOutUrl, href: optOutUrl },
        ". Excluding yourself sets the ",
        { code: optOut.cookieName },
        ` cookie for ${durationInWords(optOut.cookieLifetimeSeconds)}; while it is present nothing is recorded. Opening any page of ${siteName} with `,
        { code: `?${optOut.queryParameter}=${optOut.queryValue}` },
        " at the end of its address does the same.",
      ],
      ["MS-4.1", "MS-1.11"],
    ),
  ];
  if (signals.length > 0) {
    blocks.push(paragraph([`If your browser sends a ${listInWords(signals, "or")} signal, we treat it as your request to be excluded.`], ["MS-4.1"]));
  }
  blocks.push(
    paragraph(
      [
        "When we receive formal written complaints through our ",
        contactUrl ? { link: "contact form", href: contactUrl } : "contact form",
        `, it is ${service}'s policy to contact the complaining person regarding their concerns. We will cooperate with the appropriate regulatory authorities, including local data protection authorities, to resolve any complaints regarding the transfer of personal data that cannot be resolved between ${service} and an individual.`,
      ],
      ["MS-4.3"],
    ),
  );
  return { id: "opt-out-and-contact", heading: "4. Opt out and contact", blocks };
}

function modifications(policy: EffectivePolicy): PolicySection {
  const blocks: Block[] = [
    paragraph(
      [
        `We may change this privacy policy from time to time. When ${policy.serviceName} makes changes to it, the updated version is posted on this page with its revision date, and every recording notes the version of the policy it was collected under. This page shows version ${policy.policyVersion}. We encourage you to visit this page periodically.`,
      ],
      ["MS-5.1"],
    ),
  ];
  if (policy.changelog.length > 1) {
    blocks.push({
      kind: "list",
      items: policy.changelog.map((entry) =>
        item([`Version ${entry.version}, ${revisionDateInWords(entry.revisedOn)}: ${entry.summary}`], ["MS-5.1"]),
      ),
    });
  }
  return { id: "modifications", heading: "5. Policy modifications", blocks };
}

function paragraph(content: Inline[], clauses: ClauseId[]): Block {
  return { kind: "paragraph", content, clauses };
}

function item(content: Inline[], clauses: readonly ClauseId[]) {
  return { content, clauses: [...clauses] };
}

function listInWords(items: readonly string[], conjunction = "and"): string {
  // Stryker disable next-line StringLiteral: one item, or none, is joined without a separator whatever it is.
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

function joinInline(items: readonly Inline[]): Inline[] {
  return items.flatMap((inline, index) => (index === 0 ? [inline] : [", ", inline]));
}

function countInWords(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

function ordinal(count: number): string {
  if (count === 1) return "first";
  const suffix = count % 10 === 1 && count % 100 !== 11 ? "st" : count % 10 === 2 && count % 100 !== 12 ? "nd" : count % 10 === 3 && count % 100 !== 13 ? "rd" : "th";
  return `${count}${suffix}`;
}

function checkedWebUrl(url: string, name: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`${name} must be an absolute http or https URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new RangeError(`${name} must be an absolute http or https URL`);
  return parsed.toString();
}
