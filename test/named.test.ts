// Laws, codes, ordinances and the constitution cited by name; one document by name and by number.
import { describe, expect, it } from "vitest";
import { CitationGraph, extract, parseDocument } from "../src/index.js";

describe("citations by name", () => {
  it.each([
    ["Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;", "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015", "Luật tổ chức chính phủ năm 2015", "2015-06-19"],
    ["theo Luật Doanh nghiệp năm 2020.", "Luật Doanh nghiệp năm 2020", "Luật doanh nghiệp năm 2020", null],
    ["Bộ luật Dân sự năm 2015 quy định", "Bộ luật Dân sự năm 2015", "Bộ luật dân sự năm 2015", null],
    ["Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Hiến pháp nước cộng hòa xã hội chủ nghĩa việt nam", null],
    ["Căn cứ Pháp lệnh Bảo vệ bí mật nhà nước;", "Pháp lệnh Bảo vệ bí mật nhà nước", "Pháp lệnh bảo vệ bí mật nhà nước", null],
    ["theo Luật Kiến trúc 2019.", "Luật Kiến trúc 2019", "Luật kiến trúc năm 2019", null],
    ["Luật Tần số vô tuyến điện năm 2009", "Luật Tần số vô tuyến điện năm 2009", "Luật tần số vô tuyến điện năm 2009", null],
    ["Luật Đầu tư theo phương thức đối tác công tư;", "Luật Đầu tư theo phương thức đối tác công tư", "Luật đầu tư theo phương thức đối tác công tư", null],
    ["Bộ luật Dân sự là căn cứ", "Bộ luật Dân sự", "Bộ luật dân sự", null],
    ["theo Luật Khoa học và Công nghệ năm 2013;", "Luật Khoa học và Công nghệ năm 2013", "Luật khoa học và công nghệ năm 2013", null],
    ["của Luật Đất đai và các văn bản quy định chi tiết", "Luật Đất đai", "Luật đất đai", null],
  ])("%s", (text, cited, key, date) => {
    const [c, ...rest] = extract(text);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ text: cited, key, nameKey: key, date, number: "" });
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
    const d = parseDocument("Căn cứ Luật Doanh nghiệp số 59/2020/QH14; thực hiện Luật Doanh nghiệp năm 2020.", { id: "c" });
    expect(d.mentions.map((m) => [m.resolvedKey, m.resolvedBy])).toEqual([["59/2020/QH14", "identifier"], ["59/2020/QH14", "name"]]);
    expect(d.cited).toEqual([{ key: "59/2020/QH14", relation: "basedOn", mentions: 2 }]);
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
    expect(d.effective?.iso).toBe(iso);
    expect(d.effective?.span.text).toBe(span);
    expect(text.slice(d.effective!.span.start, d.effective!.span.end)).toBe(span);
  });

  it("is null when the text does not say (a cited document's effect is not the document's)", () => {
    expect(parseDocument("theo Nghị định 226/2025/NĐ-CP có hiệu lực từ ngày 15/08/2025").effective).toBeNull();
  });
});
