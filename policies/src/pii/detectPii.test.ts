import { describe, expect, it } from "vitest";
import { detectPii, maxDetectionsPerText } from "./detectPii.js";
import { redactPii } from "./redactPii.js";
import type { PiiKind } from "./piiKind.js";

function kindsIn(text: string): PiiKind[] {
  return detectPii(text).map((detection) => detection.kind);
}

describe("detectPii", () => {
  it.each<[PiiKind, string]>([
    ["email", "jane.doe+news@example.co.uk"],
    ["email", "J_Smith@Mail.Example.com"],
    ["email", "jane@x.com"],
    ["payment-card", "4111 1111 1111 1111"],
    ["payment-card", "5555-5555-5555-4444"],
    ["payment-card", "378282246310005"],
    ["payment-card", "6011111111111117"],
    ["iban", "DE89 3704 0044 0532 0130 00"],
    ["iban", "GB82WEST12345698765432"],
    ["iban", "fr14 2004 1010 0505 0001 3m02 606"],
    ["us-ssn", "123-45-6789"],
    ["uk-nino", "AB 12 34 56 C"],
    ["uk-nino", "ab123456c"],
    ["phone", "+44 20 7946 0958"],
    ["phone", "+14155552671"],
    ["phone", "+44 1234 567"],
    ["phone", "+44 1234 567 890 123"],
    ["phone", "(020) 7946 0958"],
    ["phone", "020 7946 0958"],
    ["phone", "030-1234567"],
    ["phone", "(415) 555-2671"],
    ["phone", "415.555.2671"],
    ["phone", "1-415-555-2671"],
  ])("MS-1.7 finds %s in %j wherever it stands in a sentence", (kind, sample) => {
    for (const text of [sample, `Contact: ${sample}.`, `(${sample})`, `x ${sample}\nnext line`]) {
      const detections = detectPii(text);
      expect(detections.map((detection) => detection.kind)).toEqual([kind]);
      const [detection] = detections;
      expect(text.slice(detection!.offset, detection!.offset + detection!.length)).toBe(sample);
    }
  });

  it.each([
    ["an e-mail address without a dotted domain", "user@localhost"],
    ["a social media handle", "follow @mousetrail"],
    ["a card number failing the Luhn check", "4111 1111 1111 1112"],
    ["a Luhn-valid number outside the card networks", "1234567812345670"],
    ["one digit repeated", "0000 0000 0000 0000"],
    ["an IBAN with a wrong check", "DE89 3704 0044 0532 0130 01"],
    ["an IBAN-like code of a country without IBANs", "XX89 3704 0044 0532 0130 00"],
    ["an SSN with an unissued area", "666-12-3456"],
    ["an SSN with an area from 900", "900-12-3456"],
    ["an SSN with group 00", "123-00-4567"],
    ["an SSN with serial 0000", "123-45-0000"],
    ["an undashed nine-digit number", "123456789"],
    ["a NINO with a prefix HMRC never allocates", "BG 12 34 56 C"],
    ["a NINO with a final letter past D", "AB123456E"],
    ["a NINO starting with D", "DA123456A"],
    ["a bare run of digits", "Order 12345678901"],
    ["a national number without separators", "0612345678"],
    ["an ISO date and time", "2024-01-15 10:30:00"],
    ["a European date followed by a time", "01.02.2024 10:30"],
    ["a price with thousand separators", "Total: 1 234 567 EUR"],
    ["a short international number", "+44 20"],
    ["an international number one digit short of E.164's nine", "+44 1234 56"],
    ["an international number one digit past E.164's fifteen", "+44 123 456 789 012 34"],
    ["a version string", "v1.2.3"],
    ["a timestamp", "1700000000000"],
    ["a colour", "#ff00aa"],
    ["a UUID", "123e4567-e89b-12d3-a456-426614174000"],
    ["an IBAN-like code one character longer than its country's IBANs", "DE893704004405320130001"],
    ["an IBAN-like code one letter longer than its country's IBANs", "GB82WEST12345698765432X"],
    ["an IBAN with two spaces between its groups", "GB82  WEST 1234 5698 7654 32"],
    ["digits with a run of separators in an international number", "+44 --- 20 7946 0958"],
  ])("MS-1.7 reports nothing for %s: %j", (_description, text) => {
    expect(detectPii(text)).toEqual([]);
  });

  it("MS-1.7 reports the kind, offset and length of each detection and never the value", () => {
    const text = "Mail jane@example.com or call +44 20 7946 0958, card 4111111111111111.";
    const detections = detectPii(text);
    expect(detections).toEqual([
      { kind: "email", offset: 5, length: 16 },
      { kind: "phone", offset: 30, length: 16 },
      { kind: "payment-card", offset: 53, length: 16 },
    ]);
    expect(JSON.stringify(detections)).not.toMatch(/jane|7946|4111/);
  });

  it("MS-1.7 runs only the detectors it is given", () => {
    const text = "jane@example.com 4111111111111111";
    expect(detectPii(text, ["payment-card"]).map((detection) => detection.kind)).toEqual(["payment-card"]);
    expect(detectPii(text, [])).toEqual([]);
  });

  it("MS-1.7 keeps the more specific kind when detections overlap", () => {
    // A 16-digit card number written with a leading + also has the shape of an international phone number.
    expect(kindsIn("+4111 1111 1111 1111")).toEqual(["payment-card"]);
    // A 13-digit card number with a leading + is a valid E.164 phone number as well: one detection, the card.
    expect(detectPii("+4222222222222")).toEqual([{ kind: "payment-card", offset: 1, length: 13 }]);
    expect(redactPii("call +4222222222222 now").text).toBe("call +[redacted:payment-card] now");
    // Each kind in between as well, whichever other detections stand before it in the text.
    expect(detectPii("jane@x.com, +4222222222222 and 123-45-6789")).toEqual([
      { kind: "email", offset: 0, length: 10 },
      { kind: "payment-card", offset: 13, length: 13 },
      { kind: "us-ssn", offset: 31, length: 11 },
    ]);
  });

  it("MS-1.7 reports an IBAN written in groups once, even when its groups hold another valid IBAN", () => {
    // MT56 AAAA DE89 ... is a valid Maltese IBAN whose groups from DE89 are a valid German one.
    const text = "Pay to MT56 AAAA DE89 3704 0044 0532 0130 00 1 today";
    expect(detectPii(text)).toEqual([{ kind: "iban", offset: 7, length: 39 }]);
    expect(redactPii(text).text).toBe("Pay to [redacted:iban] today");
  });

  it("MS-1.7 finds national numbers with the area code in parentheses, with or without a space after it", () => {
    for (const sample of ["(020)7946 0958", "(020)79460958"]) {
      expect(detectPii(`call ${sample} today`)).toEqual([{ kind: "phone", offset: 5, length: sample.length }]);
    }
  });

  it.each(["+44 20 7946 0958", "020 7946 0958", "(415) 555-2671"])(
    "MS-1.7 finds %s ending a sentence, or followed by punctuation and a digit that is not part of it",
    (sample) => {
      // Only a dot or dash followed by a digit continues a number; anything else after it ends one.
      for (const after of [". Thanks", "-x", "/2", ", 5 items"]) {
        expect(detectPii(`call ${sample}${after}`), after).toEqual([{ kind: "phone", offset: 5, length: sample.length }]);
      }
    },
  );

  it("MS-1.7 finds North American numbers with the country code 1 written without a separator, and the area code in parentheses without a space", () => {
    for (const sample of ["1(415) 555-2671", "(415)555-2671", "1(415)555-2671"]) {
      expect(detectPii(`call ${sample} today`)).toEqual([{ kind: "phone", offset: 5, length: sample.length }]);
    }
  });

  it("MS-1.7 redacts a text with more than 1,000 pieces of PII whole, without finding them all", () => {
    const text = "mail jane@x.org now ".repeat(maxDetectionsPerText + 1);
    expect(detectPii(text)).toEqual([{ kind: "email", offset: 0, length: text.length }]);
    expect(detectPii("mail jane@x.org now ".repeat(maxDetectionsPerText))).toHaveLength(maxDetectionsPerText);
    expect(redactPii(text).text).toBe("[redacted:email]");
  });

  it("MS-1.7 finds every piece of PII of a long text dense with it, in order, each once", () => {
    // Comparing each span with every earlier one was quadratic in the detections.
    const repeat = 250;
    const unit = "mail jane@x.org, call 020 7946 0958 or +44 20 7946 0959, card 4111 1111 1111 1111; ";
    const detections = detectPii(unit.repeat(repeat));
    expect(detections).toHaveLength(4 * repeat);
    expect(detections.slice(0, 4).map((detection) => detection.kind)).toEqual(["email", "phone", "phone", "payment-card"]);
    expect(detections.every((detection, index) => index === 0 || detection.offset >= detections[index - 1]!.offset + detections[index - 1]!.length)).toBe(true);
  });

  it.each(["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"])("MS-1.7 reports no National Insurance number with the unallocated prefix %s", (prefix) => {
    expect(kindsIn(`ref ${prefix} 12 34 56 C`)).toEqual([]);
    expect(kindsIn("ref AB 12 34 56 C")).toEqual(["uk-nino"]);
  });

  it("MS-1.7 reports no SSN in the unissued area 000, and no card number of one repeated digit", () => {
    expect(detectPii("ssn 000-12-3456", ["us-ssn"])).toEqual([]);
    expect(kindsIn("ssn 123-45-6789")).toEqual(["us-ssn"]);
    expect(detectPii("card 44444444444444444", ["payment-card"])).toEqual([]);
  });

  const iban = "DE89 3704 0044 0532 0130 00";
  it.each([
    [`iban ${iban}.`, [{ kind: "iban", offset: 5, length: iban.length }]],
    ["iban DE89370400440532013000 1", [{ kind: "iban", offset: 5, length: 22 }]],
    [`${iban} and ${iban}`, [{ kind: "iban", offset: 0, length: iban.length }, { kind: "iban", offset: iban.length + 5, length: iban.length }]],
    ["iban DE89-3704-0044-0532-0130-00", []],
    ["iban DE89  3704 0044 0532 0130 00", []],
    ["iban DE8937040044053201300", []],
    ["iban DE89370400440532013000X", []],
  ])("MS-1.7 finds an IBAN written compact or in single-spaced groups only: %j", (text, expected) => {
    expect(detectPii(text)).toEqual(expected);
  });

  it("MS-1.7 reports a text holding too many detections of one kind as one detection of that kind, and of many kinds as one of the first found", () => {
    const ibans = Array.from({ length: maxDetectionsPerText + 1 }, () => "DE89370400440532013000").join(" ");
    const text = `jane@example.com ${ibans}`;
    expect(detectPii(text)).toEqual([{ kind: "iban", offset: 0, length: text.length }]);
    const half = Math.ceil((maxDetectionsPerText + 1) / 2);
    const mixed = `${Array.from({ length: half }, () => "jane@example.com").join(" ")} ${Array.from({ length: half }, () => "DE89370400440532013000").join(" ")}`;
    expect(detectPii(mixed)).toEqual([{ kind: "email", offset: 0, length: mixed.length }]);
  });
});
