// The registry: CSV and JSON from strings and bytes (the core, browser-safe), files through the Node entry;
// every problem is named with its place, in one unit per format (CSV lines, JSON rows).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Registry as CoreRegistry } from "../src/index.js";
import { Registry, RegistryError } from "../src/node.js";
import { registryProblems } from "./helpers/registry.js";

const fixtures = join(import.meta.dirname, "..", "fixtures");
const STATUS_ERROR = "status: must be one of in-force, amended, replaced, repealed, expired, unknown";


describe("the core reads strings and bytes", () => {
  it("loads CSV with quoted newlines and blank lines, JSON with a BOM", () => {
    const csv = CoreRegistry.fromCsv('key,subject,status\n\n20-NQ/TW,"phát triển\nkhoa học",in-force\n\n42-CT/TW,,\n');
    expect(csv.size).toBe(2);
    expect(csv.get("20-NQ/TW")?.subject).toBe("phát triển\nkhoa học");
    expect(csv.get("42-CT/TW")?.status).toBe("unknown");
    expect(CoreRegistry.fromJson('\uFEFF[{"key":"08-QĐi/TW","status":"in-force"}]').get("8-QĐi/TW")?.status).toBe("in-force");
    expect(CoreRegistry.fromFile("r.json", new TextEncoder().encode('\uFEFF[{"key":"73/CP"}]')).size).toBe(1);
  });

  it("places errors by the line they are on, after blank lines and quoted newlines, in lines only", () => {
    const text = 'key,subject,status\n\n20-NQ/TW,"a\nb",in-force\n\n42-CT/TW,x,bogus\n20-NQ/TW,y,in-force\n';
    expect(registryProblems(() => CoreRegistry.fromCsv(text, "r.csv"))).toEqual([
      `r.csv: line 6: ${STATUS_ERROR}`,
      "r.csv: line 7: 20-NQ/TW is already given at line 3",
    ]);
  });

  it("names every structural error of a CSV, not only the first", () => {
    const text = 'key,subject,status\n42-CT/TW,"bad"q,in-force\n1/2011/TT-BNV,x,in-force\n8-QĐi/TW,"open,in-force\n73/CP,x,repealed\n20-NQ/TW,x\n50-KL/TW,,,\n';
    expect(registryProblems(() => CoreRegistry.fromCsv(text, "r.csv"))).toEqual([
      'r.csv: line 2: a quoted field has text after its closing quote (write a quote inside a quoted field as "")',
      "r.csv: line 4: a quoted field is never closed",
      "r.csv: line 6: 2 fields where the header has 3",
      "r.csv: line 7: 4 fields where the header has 3",
    ]);
  });

  it("makes an unknown, misspelled or repeated header column an error naming it", () => {
    expect(registryProblems(() => CoreRegistry.fromCsv("key,issued_by,subjet,Status,key,,colour\n20-NQ/TW,a,b,in-force,x,,red\n", "r.csv"))).toEqual([
      'r.csv: line 1: unknown column "issued_by" (did you mean "issuedBy"?)',
      'r.csv: line 1: unknown column "subjet" (did you mean "subject"?)',
      'r.csv: line 1: unknown column "Status" (did you mean "status"?)',
      'r.csv: line 1: column "key" is given twice',
      "r.csv: line 1: column 6 of the header has no name",
      'r.csv: line 1: unknown column "colour" (the columns are key, number, typeCode, issuer, year, style, kind, date, issuedBy, subject, status)',
    ]);
    expect(registryProblems(() => CoreRegistry.fromRows([{ key: "20-NQ/TW", subjet: "x" }], "r.json"))).toEqual([
      'r.json: row 1: unknown column "subjet" (did you mean "subject"?)',
    ]);
  });

  it("says so when the columns are separated by semicolons or tabs, not commas", () => {
    expect(registryProblems(() => CoreRegistry.fromCsv("\uFEFFkey;status\n20-NQ/TW;in-force\n", "r.csv"))).toEqual([
      'r.csv: line 1: the columns are separated by ";": separate them with commas',
    ]);
    expect(registryProblems(() => CoreRegistry.fromCsv("key\tstatus\n", "r.csv"))).toEqual(["r.csv: line 1: the columns are separated by tabs: separate them with commas"]);
  });

  it("says an empty CSV is empty; a header alone is an empty registry", () => {
    expect(registryProblems(() => CoreRegistry.fromCsv("\n\n", "r.csv"))).toEqual([
      "r.csv: the CSV is empty: it needs a header row (key,number,typeCode,issuer,year,style,kind,date,issuedBy,subject,status) and a row for each document",
    ]);
    expect(CoreRegistry.fromCsv("key,status\n").size).toBe(0);
  });

  it("reports bytes that are not UTF-8 with their line, never reads them as U+FFFD", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("key,subject\n20-NQ/TW,ph"), 0xe1, 0x74, 0x0a, 0x34, 0x32, 0xff, 0x0a]);
    expect(registryProblems(() => CoreRegistry.fromFile("r.csv", bytes))).toEqual([
      "r.csv: line 2: bytes that are not UTF-8 (save the file as UTF-8)",
      "r.csv: line 3: bytes that are not UTF-8 (save the file as UTF-8)",
    ]);
  });

  it("lists every problem of every row, not one per row", () => {
    const rows = [{ key: "20-NQ/TW", number: "x", date: "31/02/2010", status: "cancelled" }, 5, { key: "20-NQ/TW" }, { kind: "Chỉ thị" }];
    expect(registryProblems(() => CoreRegistry.fromRows(rows, "r.json"))).toEqual([
      "r.json: row 1: number: number must be digits",
      `r.json: row 1: ${STATUS_ERROR}`,
      'r.json: row 1: date "31/02/2010" is not a valid date (yyyy-mm-dd or dd/mm/yyyy)',
      "r.json: row 2: expected an object with the registry's columns",
      "r.json: row 3: 20-NQ/TW is already given at row 1",
      "r.json: row 4: give key, or number and issuer",
    ]);
  });

  it("puts the problems in its message one a line, after one `invalid registry:`", () => {
    const error = new RegistryError(["a.csv: line 2: x", "a.csv: line 3: y"]);
    expect(error.message).toBe("invalid registry: a.csv: line 2: x\na.csv: line 3: y");
  });

  it("rejects a file that is neither JSON nor CSV, and JSON that is not an array or not JSON", () => {
    expect(registryProblems(() => CoreRegistry.fromRows({} as unknown as unknown[], "x.json"))).toEqual(["x.json: expected an array of rows"]);
    expect(registryProblems(() => CoreRegistry.fromFile("x.txt", new Uint8Array()))).toEqual(["x.txt: a registry is a .json or .csv file"]);
    expect(registryProblems(() => CoreRegistry.fromJson("[{", "x.json"))[0]).toMatch(/^x\.json: not valid JSON \(/);
  });

  it("composes keys from number, type code and issuer", () => {
    const r = CoreRegistry.fromCsv("number,typeCode,issuer,year,style\n08,QĐi,TW,,party\n30,NĐ,CP,2020,state\n");
    expect([r.get("8-QĐi/TW")?.key, r.get("30/2020/NĐ-CP")?.key]).toEqual(["8-QĐi/TW", "30/2020/NĐ-CP"]);
  });

  it("loads 10 000 rows", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ key: `${i + 1}/2020/NĐ-CP`, kind: "Nghị định", date: "2020-01-01", status: "in-force" }));
    expect(CoreRegistry.fromRows(rows).size).toBe(10_000);
  });
});

describe("Registry.load (vncite/node) reads files", () => {
  const dir = mkdtempSync(join(tmpdir(), "vncite-registry-"));

  it("loads the fixtures", () => {
    expect(Registry.load(join(fixtures, "registry.csv")).size).toBe(5);
    expect(Registry.load(join(fixtures, "registry.json")).get("73/CP")?.status).toBe("repealed");
  });

  it("gives a RegistryError saying why for a missing file or a directory", () => {
    expect(registryProblems(() => Registry.load(join(dir, "none.csv")))).toEqual([`${join(dir, "none.csv")}: cannot read the registry (no such file)`]);
    expect(registryProblems(() => Registry.load(dir))).toEqual([`${dir}: cannot read the registry (it is a directory)`]);
  });

  it("names the file and the line of every bad row, and drops none silently", () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "key,date,status\n20-NQ/TW,2012-11-01,in-force\nnot an id,,in-force\n42-CT/TW,31/02/2010,in-force\n20-NQ/TW,,cancelled\n");
    expect(registryProblems(() => Registry.load(bad))).toEqual([
      `${bad}: line 3: "not an id" is not a document identifier`,
      `${bad}: line 4: date "31/02/2010" is not a valid date (yyyy-mm-dd or dd/mm/yyyy)`,
      `${bad}: line 5: ${STATUS_ERROR}`,
      `${bad}: line 5: 20-NQ/TW is already given at line 2`,
    ]);
  });

  it("rejects a file that is neither .json nor .csv", () => {
    const txt = join(fixtures, "000_1db0ab688705c645.txt");
    expect(registryProblems(() => Registry.load(txt))).toEqual([`${txt}: a registry is a .json or .csv file`]);
  });

  it("reads a JSON file with a BOM", () => {
    const file = join(dir, "bom.json");
    writeFileSync(file, '\uFEFF[{"key":"20-NQ/TW","status":"in-force"}]');
    expect(Registry.load(file).get("20-NQ/TW")?.status).toBe("in-force");
  });
});
