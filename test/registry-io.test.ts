// Issue 26, the registry's side: bodies compared by their key (item 6), line numbers whatever the line ends
// (item 20), a RegistryError for a source that is no text (item 23), and the file read without blocking.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check, Registry as CoreRegistry } from "../src/index.js";
import { Registry, RegistryError } from "../src/node.js";
import { registryProblems } from "./helpers/registry.js";

const mismatches = (text: string, registry: CoreRegistry) => check(text, { registry }).filter((d) => d.code === "registry-mismatch").map((d) => d.message);

describe("a registry's issuing body compared by its key (item 6)", () => {
  it("takes `BCH TW` for Ban Chấp hành Trung ương Đảng and `UBND tỉnh Khánh Hòa` for Ủy ban nhân dân tỉnh Khánh Hòa", () => {
    const registry = CoreRegistry.fromCsv("key,issuedBy\n20-NQ/TW,BCH TW\n12/2020/QĐ-UBND,UBND tỉnh Khánh Hòa\n");
    expect(mismatches("Căn cứ Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương Đảng.", registry)).toEqual([]);
    expect(mismatches("Căn cứ Quyết định số 12/2020/QĐ-UBND của Ủy ban nhân dân tỉnh Khánh Hòa.", registry)).toEqual([]);
  });

  it("still says so when the bodies differ", () => {
    const registry = CoreRegistry.fromCsv("key,issuedBy\n20-NQ/TW,Bộ Chính trị\n");
    expect(mismatches("Căn cứ Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương Đảng.", registry)).toHaveLength(1);
    expect(registry.issuedByKey("20-NQ/TW")).toBe("bộ chính trị");
    expect(registry.issuedByKey("1-NQ/TW")).toBeNull();
  });
});


describe("a registry CSV with any line ends puts each problem on its line (item 20)", () => {
  const rows = ["key,date,status", "20-NQ/TW,2012-11-01,in-force", "not an id,,in-force", "42-CT/TW,31/02/2010,in-force"];
  const expected = ['r.csv: line 3: "not an id" is not a document identifier', 'r.csv: line 4: date "31/02/2010" is not a valid date (yyyy-mm-dd or dd/mm/yyyy)'];
  it.each([["\\n", "\n"], ["\\r\\n", "\r\n"], ["\\r", "\r"]])("with %s", (_, end) => {
    expect(registryProblems(() => CoreRegistry.fromCsv(`${rows.join(end)}${end}`, "r.csv"))).toEqual(expected);
  });

  it("places bytes that are not UTF-8 on their line with \\r line ends too", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("key,subject\r20-NQ/TW,x\r42-CT/TW,ph"), 0xe1, 0x74, 0x0d]);
    expect(registryProblems(() => CoreRegistry.fromFile("r.csv", bytes))).toEqual(["r.csv: line 3: bytes that are not UTF-8 (save the file as UTF-8)"]);
  });
});

describe("a source that is no text (item 23)", () => {
  it("is a RegistryError saying so, not a TypeError", () => {
    expect(registryProblems(() => CoreRegistry.fromCsv(null as unknown as string))).toEqual(["registry: Registry.fromCsv takes the file's text as a string, got null"]);
    expect(registryProblems(() => CoreRegistry.fromJson(5 as unknown as string, "r.json"))).toEqual(["r.json: Registry.fromJson takes the file's text as a string, got number"]);
  });
});

describe("Registry.loadAsync", () => {
  const dir = mkdtempSync(join(tmpdir(), "vncite-registry-async-"));

  it("reads what load reads, and fails as load fails", async () => {
    const file = join(dir, "r.csv");
    writeFileSync(file, "key,status\n20-NQ/TW,in-force\n");
    expect((await Registry.loadAsync(file)).get("20-NQ/TW")).toEqual(Registry.load(file).get("20-NQ/TW"));
    await expect(Registry.loadAsync(join(dir, "none.csv"))).rejects.toThrow(RegistryError);
    await expect(Registry.loadAsync(join(dir, "none.csv"))).rejects.toThrow(/no such file/);
  });
});
