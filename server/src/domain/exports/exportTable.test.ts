import { describe, expect, it } from "vitest";
import { csvField, encodeExport, type ExportTable } from "./exportTable.js";

describe("csvField", () => {
  it.each([
    ["plain text", "plain text"],
    ["", ""],
    [null, ""],
    [undefined, ""],
    [42, "42"],
    [-3.5, "-3.5"],
    [true, "true"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["carriage\r\nreturn", '"carriage\r\nreturn"'],
    ["ünïcødé ✓", "ünïcødé ✓"],
    // Formula injection: text a spreadsheet would evaluate gets a leading quote.
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tleading tab", "'\tleading tab"],
    ["\rleading cr", "\"'\rleading cr\""],
    ['=HYPERLINK("http://evil.example","x")', '"\'=HYPERLINK(""http://evil.example"",""x"")"'],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["a=b", "a=b"],
    ["mid-dash", "mid-dash"],
  ])("%j → %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

interface Row {
  name: string;
  count: number;
}

const table: ExportTable<Row> = {
  name: "rows",
  columns: [
    { header: "name", cell: (row) => row.name },
    { header: "count", cell: (row) => row.count },
  ],
  json: (row) => row,
};

async function* rowsOf(rows: Row[]): AsyncGenerator<Row> {
  yield* rows;
}

async function text(pieces: AsyncIterable<string>): Promise<string> {
  let all = "";
  for await (const piece of pieces) all += piece;
  return all;
}

describe("encodeExport", () => {
  const rows = [
    { name: "=danger", count: 1 },
    { name: "a, b", count: -2 },
  ];

  it("writes CSV with a header, CRLF line ends and quoted fields", async () => {
    expect(await text(encodeExport(table, rowsOf(rows), { format: "csv", bom: false }))).toBe('name,count\r\n\'=danger,1\r\n"a, b",-2\r\n');
  });

  it("starts CSV with a UTF-8 byte order mark when asked", async () => {
    const csv = await text(encodeExport(table, rowsOf(rows), { format: "csv", bom: true }));
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("writes JSON as one array of the rows as they are", async () => {
    expect(JSON.parse(await text(encodeExport(table, rowsOf(rows), { format: "json", bom: false })))).toEqual(rows);
    expect(JSON.parse(await text(encodeExport(table, rowsOf([]), { format: "json", bom: false })))).toEqual([]);
  });

  it("reads rows only as it writes: a piece is yielded before the rows run out", async () => {
    let read = 0;
    async function* many(): AsyncGenerator<Row> {
      for (let index = 0; index < 100_000; index++) {
        read++;
        yield { name: `row ${index}`, count: index };
      }
    }
    const pieces = encodeExport(table, many(), { format: "csv", bom: false });
    const first = await pieces.next();
    expect(first.value?.length).toBeGreaterThanOrEqual(64 * 1024);
    // About 64 KiB of rows of ~12 characters each: a few thousand rows, not all 100,000.
    expect(read).toBeLessThan(10_000);
    await pieces.return(undefined);
  });
});
