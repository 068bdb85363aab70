// Laws, codes, ordinances and the constitution cited by name; one document by name and by number.
import { describe, expect, it } from "vitest";
import { CitationGraph, extract, parseDocument } from "../src/index.js";

describe("citations by name", () => {
  it.each([
    ["Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;", "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015", "Luật tổ chức chính phủ năm 2015", "2015-06-19", "76/2015/QH13"],
    ["theo Luật Doanh nghiệp năm 2020.", "Luật Doanh nghiệp năm 2020", "Luật doanh nghiệp năm 2020", null, "59/2020/QH14"],
    ["Bộ luật Dân sự năm 2015 quy định", "Bộ luật Dân sự năm 2015", "Bộ luật dân sự năm 2015", null, "91/2015/QH13"],
    ["Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Hiến pháp nước cộng hòa xã hội chủ nghĩa việt nam", null],
    ["Căn cứ Pháp lệnh Bảo vệ bí mật nhà nước;", "Pháp lệnh Bảo vệ bí mật nhà nước", "Pháp lệnh bảo vệ bí mật nhà nước", null],
    ["theo Luật Kiến trúc 2019.", "Luật Kiến trúc 2019", "Luật kiến trúc năm 2019", null, "40/2019/QH14"],
    ["Luật Tần số vô tuyến điện năm 2009", "Luật Tần số vô tuyến điện năm 2009", "Luật tần số vô tuyến điện năm 2009", null, "42/2009/QH12"],
    ["Luật Đầu tư theo phương thức đối tác công tư;", "Luật Đầu tư theo phương thức đối tác công tư", "Luật đầu tư theo phương thức đối tác công tư", null],
    ["Bộ luật Dân sự là căn cứ", "Bộ luật Dân sự", "Bộ luật dân sự", null],
    ["theo Luật Khoa học và Công nghệ năm 2013;", "Luật Khoa học và Công nghệ năm 2013", "Luật khoa học và công nghệ năm 2013", null, "29/2013/QH13"],
    ["của Luật Đất đai và các văn bản quy định chi tiết", "Luật Đất đai", "Luật đất đai", null],
    // A lower-case title after a capital type word, and titles with a comma of their own.
    ["theo Luật hải quan năm 2014 và", "Luật hải quan năm 2014", "Luật hải quan năm 2014", null, "54/2014/QH13"],
    ["Căn cứ Luật Quản lý, sử dụng tài sản công ngày 21 tháng 6 năm 2017;", "Luật Quản lý, sử dụng tài sản công ngày 21 tháng 6 năm 2017", "Luật quản lý, sử dụng tài sản công năm 2017", "2017-06-21", "15/2017/QH14"],
    ["Luật Phòng, chống tham nhũng quy định", "Luật Phòng, chống tham nhũng", "Luật phòng, chống tham nhũng", null],
    ["theo Bộ luật Dân sự, trừ trường hợp", "Bộ luật Dân sự", "Bộ luật dân sự", null],
    // The fifth column: the law's number, where the statutes catalogue names the version (checked against
    // the laws' own texts: Luật số 76/2015/QH13 passed 19/6/2015, …); else the key is the name key.
  ])("%s", (text, cited, nameKey, date, number?: string) => {
    const [c, ...rest] = extract(text);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ text: cited, key: number ?? nameKey, keySource: number ? "catalogue" : "printed", nameKey, date, number: "" });
  });

  it("reads an amending law's title, with the names it holds, as one citation", () => {
    const text = "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;";
    const found = extract(text);
    expect(found).toHaveLength(1);
    expect(found[0]?.title).toBe("sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương");
    expect(found[0]?.date).toBe("2019-11-22");
  });

  it("reads two laws joined by `và` as two citations", () => {
    expect(extract("Luật Đất đai và Luật Nhà ở").map((c) => c.key)).toEqual(["Luật đất đai", "Luật nhà ở"]);
  });

  it("gives a law cited by name and number both keys", () => {
    const [c] = extract("Căn cứ Luật Doanh nghiệp số 59/2020/QH14;");
    expect(c).toMatchObject({ key: "59/2020/QH14", nameKey: "Luật doanh nghiệp năm 2020", title: "Doanh nghiệp", kind: "Luật" });
  });

  it.each(["theo quy định của pháp luật.", "Luật này có hiệu lực.", "Điều lệ Đảng", "đủ điều kiện", "Luật sư tư vấn", "các luật có liên quan"])("%s gives nothing", (text) => {
    expect(extract(text)).toEqual([]);
  });
});

describe("one document by name and by number", () => {
  const numbered = parseDocument("Căn cứ Luật Doanh nghiệp số 59/2020/QH14;", { id: "a" });
  const named = parseDocument("Thực hiện Luật Doanh nghiệp năm 2020.", { id: "b" });

  it("resolves the name to the number inside one text", () => {
    // Luật Dân quân tự vệ is not in the statutes catalogue: the text's own `số` joins the two.
    const d = parseDocument("Căn cứ Luật Dân quân tự vệ số 48/2019/QH14; thực hiện Luật Dân quân tự vệ năm 2019.", { id: "c" });
    expect(d.mentions.map((m) => [m.resolvedKey, m.resolvedBy])).toEqual([["48/2019/QH14", "identifier"], ["48/2019/QH14", "name"]]);
    expect(d.cited).toEqual([{ key: "48/2019/QH14", relation: "basedOn", mentions: 2, rule: "preamble" }]);
  });

  it("gives a law the catalogue knows its number from its name alone", () => {
    const d = parseDocument("Căn cứ Luật Doanh nghiệp số 59/2020/QH14; thực hiện Luật Doanh nghiệp năm 2020.", { id: "c" });
    expect(d.mentions.map((m) => [m.citation?.key, m.citation?.keySource])).toEqual([["59/2020/QH14", "printed"], ["59/2020/QH14", "catalogue"]]);
    expect(d.cited).toEqual([{ key: "59/2020/QH14", relation: "basedOn", mentions: 2, rule: "preamble" }]);
  });

  it.each([
    ["number first", [numbered, named]],
    ["name first", [named, numbered]],
  ])("merges the two in the graph, %s", (_order, records) => {
    const g = new CitationGraph();
    for (const r of records) g.add(r);
    expect(g.order).toBe(3);
    expect(g.citedBy("59/2020/QH14").map((e) => [e.from, e.relation])).toEqual([["a", "basedOn"], ["b", "implements"]]);
    expect(g.citedBy("Luật doanh nghiệp năm 2020")).toEqual(g.citedBy("59/2020/QH14"));
    expect(CitationGraph.fromJSON(JSON.parse(JSON.stringify(g.toJSON()))).toJSON()).toEqual(g.toJSON());
  });
});

describe("the document's own entry into force", () => {
  it.each([
    ["Điều 5. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025.", "2025-07-01", "ngày 01 tháng 7 năm 2025"],
    ["Thông tư này có hiệu lực từ ngày 15/8/2024.", "2024-08-15", "ngày 15/8/2024"],
    ["Hà Nội, ngày 05 tháng 3 năm 2020\n\nQuyết định này có hiệu lực kể từ ngày ký.", "2020-03-05", "ngày ký"],
  ])("%s", (text, iso, span) => {
    const d = parseDocument(text);
    expect(d.effective?.value).toBe(iso);
    expect(d.effective?.span.text).toBe(span);
    expect(text.slice(d.effective!.span.start, d.effective!.span.end)).toBe(span);
  });

  it("is null when the text does not say (a cited document's effect is not the document's)", () => {
    expect(parseDocument("theo Nghị định 226/2025/NĐ-CP có hiệu lực từ ngày 15/08/2025").effective).toBeNull();
  });
});

describe("laws inside an amending law's title", () => {
  it("are only named, and leave the title's date to it", () => {
    const text = "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15 ngày 29 tháng 6 năm 2024;";
    const d = parseDocument(text, { id: "x" });
    expect(d.mentions.map((m) => [m.text, m.relation, m.citation?.date ?? null])).toEqual([
      ["Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15 ngày 29 tháng 6 năm 2024", "basedOn", "2024-06-29"],
      ["Luật Đất đai số 31/2024/QH15", "mentions", null],
      ["Luật Các tổ chức tín dụng số 32/2024/QH15", "mentions", null],
    ]);
  });
});

describe("consolidated and amending texts", () => {
  it("states who amends whom from a passive list and `đã được sửa đổi … theo`", () => {
    const text = [
      "Luật Thuế sử dụng đất phi nông nghiệp số 48/2010/QH12 ngày 17 tháng 6 năm 2010 của Quốc hội, được sửa đổi, bổ sung bởi:",
      "1. Luật Đất đai số 31/2024/QH15 ngày 18 tháng 01 năm 2024 của Quốc hội;",
      "2. Luật số 43/2024/QH15 ngày 29 tháng 6 năm 2024 của Quốc hội.",
      "Luật Đất đai số 45/2013/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 35/2018/QH14 hết hiệu lực.",
    ].join("\n");
    const d = parseDocument(text, { id: "x" });
    expect(d.statedRelations.map((r) => [r.from, r.relation, r.to])).toEqual([
      ["31/2024/QH15", "amends", "48/2010/QH12"],
      ["43/2024/QH15", "amends", "48/2010/QH12"],
      ["35/2018/QH14", "amends", "45/2013/QH13"],
    ]);
  });

  it("reads `Luật này` in a quoted article as the law quoted, and relates nothing inside the quotation", () => {
    const text = [
      "Số: 43/2024/QH15",
      "Điều 1. Sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15",
      "1. Sửa đổi, bổ sung khoản 2 Điều 251 như sau:",
      "“2. Bãi bỏ Nghị quyết số 132/2020/QH14. Luật này có hiệu lực.”.",
      "Điều 2. Luật này có hiệu lực thi hành từ ngày 01 tháng 8 năm 2024.",
    ].join("\n");
    const d = parseDocument(text, { id: "x" });
    expect(d.mentions.filter((m) => m.citation === null).map((m) => [m.text, m.resolvedKey])).toEqual([
      ["Luật này", "31/2024/QH15"],
      ["Luật này", "43/2024/QH15"],
    ]);
    expect(d.mentions.find((m) => m.key === "132/2020/QH14")?.relation).toBe("mentions");
  });
});
