// The gazetteer (grammar/places.json) in issuing bodies: the shapes of issue 23, each checked by hand against its
// sentence; the place as data; a document's own header body; any string (linear time: test/scaling.test.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import places from "../grammar/places.json";
import { extract, readIssuingBody } from "../src/index.js";

const first = (text: string) => extract(text)[0];

describe("issuing bodies with their place", () => {
  it.each([
    // Issue 23's own examples.
    ["Thực hiện Chỉ thị số 05-CT/TU ngày 2/3/2022 của Tỉnh ủy Nghệ An về tăng cường công tác cán bộ", "Tỉnh ủy Nghệ An", "tỉnh ủy nghệ an", "tăng cường công tác cán bộ"],
    ["Kế hoạch số 25-KH/TU, ngày 19/4/2021 của Ban Thường vụ Tỉnh ủy Quảng Ninh về việc tổ chức hội nghị", "Ban Thường vụ Tỉnh ủy Quảng Ninh", "ban thường vụ tỉnh ủy quảng ninh", "việc tổ chức hội nghị"],
    ["Quyết định số 1234/QĐ-UBND ngày 12/5/2023 của UBND tỉnh Quảng Nam về việc ban hành quy chế", "UBND tỉnh Quảng Nam", "ủy ban nhân dân tỉnh quảng nam", "việc ban hành quy chế"],
    ["Nghị quyết số 12/2020/NQ-HĐND ngày 10/7/2020 của Hội đồng nhân dân tỉnh Nam Định;", "Hội đồng nhân dân tỉnh Nam Định", "hội đồng nhân dân tỉnh nam định", null],
    ["Quyết định số 7/2021/QĐ-UBND của Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu về quy chế", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", "ủy ban nhân dân tỉnh bà rịa - vũng tàu", "quy chế"],
    // Spellings of one place: the key is the gazetteer's name.
    ["Quyết định số 7/QĐ-UBND của UBND TP.HCM về quy chế", "UBND TP.HCM", "ủy ban nhân dân thành phố hồ chí minh", "quy chế"],
    ["Quyết định số 7/QĐ-UBND của UBND Tp HCM về quy chế", "UBND Tp HCM", "ủy ban nhân dân thành phố hồ chí minh", "quy chế"],
    ["Quyết định số 7/QĐ-UBND của UBND TPHCM về quy chế", "UBND TPHCM", "ủy ban nhân dân thành phố hồ chí minh", "quy chế"],
    ["Quyết định số 7/QĐ-UBND của UBND tp. Hồ Chí Minh về quy chế", "UBND tp. Hồ Chí Minh", "ủy ban nhân dân thành phố hồ chí minh", "quy chế"],
    ["Quyết định số 7/QĐ-UBND của UBND TP. Hồ Chí Minh về quy chế", "UBND TP. Hồ Chí Minh", "ủy ban nhân dân thành phố hồ chí minh", "quy chế"],
    ["Quyết định số 7/2021/QĐ-UBND của Ủy ban nhân dân tỉnh Bà Rịa-Vũng Tàu về quy chế", "Ủy ban nhân dân tỉnh Bà Rịa-Vũng Tàu", "ủy ban nhân dân tỉnh bà rịa - vũng tàu", "quy chế"],
    // Lost marks: the known spelling; a place read across a line break; a district; a name of the past.
    ["Quyết định số 7/QĐ-UBND của UBND tinh Quang Nam;", "UBND tỉnh Quảng Nam", "ủy ban nhân dân tỉnh quảng nam", null],
    // Two districts alike but for their marks; a name without marks whose word is a keyword's (`Thang`: tháng).
    ["Chỉ thị số 3-CT/HU của Huyện ủy Tam Dương về công tác cán bộ", "Huyện ủy Tam Dương", "huyện ủy tam dương", "công tác cán bộ"],
    ["Chi thi so 3-CT/HU cua Huyen uy Bao Thang ve cong tac can bo", "Huyện ủy Bảo Thắng", "huyện ủy bảo thắng", "cong tac can bo"],
    ["Chỉ thị số 3-CT/HU của Huyện ủy Nghi\nLộc về công tác cán bộ", "Huyện ủy Nghi Lộc", "huyện ủy nghi lộc", "công tác cán bộ"],
    ["Nghị quyết số 9-NQ/TU của Tỉnh ủy Hà Tây về phát triển làng nghề", "Tỉnh ủy Hà Tây", "tỉnh ủy hà tây", "phát triển làng nghề"],
    // `Nam`, `Bắc`, `Tây` inside a place are no words of their own.
    ["Chỉ thị số 3-CT/TU của Tỉnh ủy Hà Nam về công tác cán bộ", "Tỉnh ủy Hà Nam", "tỉnh ủy hà nam", "công tác cán bộ"],
    ["Kế hoạch số 3-KH/TU của Ban Tuyên giáo Tỉnh ủy Tây Ninh về tuyên truyền", "Ban Tuyên giáo Tỉnh ủy Tây Ninh", "ban tuyên giáo tỉnh ủy tây ninh", "tuyên truyền"],
    // A place the gazetteer lacks is read whole, and the subject after it kept.
    ["Nghị quyết số 5/NQ-HĐND của Hội đồng nhân dân xã Ia Dom Mới về việc ban hành quy chế", "Hội đồng nhân dân xã Ia Dom Mới", "hội đồng nhân dân xã ia dom mới", "việc ban hành quy chế"],
    ["Quyết định số 5/QĐ-UBND của UBND quận 3 về quy chế", "UBND quận 3", "ủy ban nhân dân quận 3", "quy chế"],
    // A department of the province; a lower-case unit takes its known spelling.
    ["Quyết định số 5/QĐ-STC của Sở Tài chính tỉnh Bắc Giang về quy chế", "Sở Tài chính tỉnh Bắc Giang", "sở tài chính tỉnh bắc giang", "quy chế"],
    ["Chỉ thị số 5-CT/TU của tỉnh ủy Nghệ An về công tác cán bộ", "Tỉnh ủy Nghệ An", "tỉnh ủy nghệ an", "công tác cán bộ"],
    // The subject after a body: a state text's verb in capitals opens it as in lower case (b_074 of the corpus).
    ["Thông tư số 60/2015/TT-BTNMT ngày 15 tháng 12 năm 2015 của Bộ trưởng Bộ Tài nguyên và Môi trường Quy định về kỹ thuật điều tra, đánh giá đất đai.", "Bộ trưởng Bộ Tài nguyên và Môi trường", "bộ tài nguyên và môi trường", "Quy định về kỹ thuật điều tra, đánh giá đất đai"],
    // A part of a document is no body (b_074 of the corpus: forms of an appendix).
    ["theo các mẫu số 03/QĐC của Phụ lục I ban hành kèm theo Thông tư này;", null, null, null],
    ["Chỉ thị số 5-CT/ĐU của Đảng ủy Cơ quan Bộ Công Thương về việc ban hành quy chế", "Đảng ủy Cơ quan Bộ Công Thương", "đảng ủy cơ quan bộ công thương", "việc ban hành quy chế"],
  ])("%s", (text, body, key, subject) => {
    const c = first(text);
    expect([c?.issuedBy, c?.issuedByKey, c?.subject]).toEqual([body, key, subject]);
  });

  it("tells the committees of two provinces apart and joins the spellings of one body", () => {
    const keys = extract(
      "Chỉ thị số 1-CT/TU của Tỉnh ủy Nghệ An; Chỉ thị số 2-CT/TU của Tỉnh ủy Hà Tĩnh; Quyết định số 3/QĐ-UBND của UBND tỉnh Quảng Nam; " +
        "Quyết định số 4/QĐ-UBND của Ủy ban nhân dân tỉnh Quảng Nam; Quyết định số 5/QĐ-UBND của UBND tinh Quang Nam;",
    ).map((c) => c.issuedByKey);
    expect(keys).toEqual(["tỉnh ủy nghệ an", "tỉnh ủy hà tĩnh", "ủy ban nhân dân tỉnh quảng nam", "ủy ban nhân dân tỉnh quảng nam", "ủy ban nhân dân tỉnh quảng nam"]);
  });

  it("gives the place as data, with the province a merged one became on 1 July 2025", () => {
    expect(first("Quyết định số 3/QĐ-UBND của UBND tỉnh Quảng Nam;")?.issuedByPlace).toEqual({
      unit: "tỉnh", name: "Quảng Nam", key: "tỉnh quảng nam", province: "Quảng Nam", mergedInto: "Đà Nẵng",
    });
    // A province that kept its name; a committee's implied unit; a district and its province.
    expect(first("Chỉ thị số 1-CT/TU của Tỉnh ủy Nghệ An;")?.issuedByPlace).toEqual({ unit: "tỉnh", name: "Nghệ An", key: "tỉnh nghệ an", province: "Nghệ An", mergedInto: null });
    expect(first("Chỉ thị số 1-CT/HU của Huyện ủy Tiên Du;")?.issuedByPlace).toEqual({ unit: "huyện", name: "Tiên Du", key: "huyện tiên du", province: "Bắc Ninh", mergedInto: null });
    expect(first("Quyết định số 3/QĐ-UBND của UBND TP.HCM;")?.issuedByPlace?.name).toBe("Hồ Chí Minh");
    // A district name several provinces have: no province is guessed.
    expect(first("Chỉ thị số 1-CT/HU của Huyện ủy Châu Thành;")?.issuedByPlace).toEqual({ unit: "huyện", name: "Châu Thành", key: "huyện châu thành", province: null, mergedInto: null });
    // A district's province told by the place it lies in, after a comma.
    const within = first("Quyết định số 5/QĐ-UBND của UBND huyện Châu Thành, tỉnh Tiền Giang về việc ban hành quy chế");
    expect([within?.issuedBy, within?.issuedByKey, within?.subject]).toEqual(["UBND huyện Châu Thành, tỉnh Tiền Giang", "ủy ban nhân dân huyện châu thành, tỉnh tiền giang", "việc ban hành quy chế"]);
    expect(within?.issuedByPlace).toEqual({ unit: "huyện", name: "Châu Thành", key: "huyện châu thành", province: "Tiền Giang", mergedInto: "Đồng Tháp" });
    // A name of the past and what it became; a body with no place.
    expect(first("Nghị quyết số 9-NQ/TU của Tỉnh ủy Hà Tây;")?.issuedByPlace).toMatchObject({ province: "Hà Tây", mergedInto: "Hà Nội" });
    expect(first("Nghị quyết số 9-NQ/TW của Bộ Chính trị;")?.issuedByPlace).toBeNull();
  });

  it("reads a document's own body in its header the same way", () => {
    expect(readIssuingBody("TỈNH ỦY NGHỆ AN")).toMatchObject({ key: "tỉnh ủy nghệ an", place: { unit: "tỉnh", name: "Nghệ An" } });
    expect(readIssuingBody("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM")).toMatchObject({ key: "ủy ban nhân dân tỉnh quảng nam", place: { name: "Quảng Nam", mergedInto: "Đà Nẵng" } });
    expect(readIssuingBody("HUYỆN ỦY\nNGHI LỘC")).toMatchObject({ key: "huyện ủy nghi lộc", place: { province: "Nghệ An" } });
  });

  it("knows 63 provinces before 1 July 2025, 34 after, and every district's province", () => {
    expect(places.provinces).toHaveLength(63);
    expect(places.provinces.filter((p) => p.mergedInto === null)).toHaveLength(34);
    expect(Object.values(places.districts).flat().length).toBeGreaterThan(690);
  });

  it("takes any string: never throws, values in NFC", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom("Tỉnh ủy ", "UBND tỉnh ", "UBND TP.", "Huyện ủy Ea H'", "của Sở Tài chính thành phố "), (s, prefix) => {
        const r = readIssuingBody(prefix + s);
        expect(r.value.normalize("NFC")).toBe(r.value);
        for (const c of extract(`Quyết định số 1/QĐ-UBND của ${prefix}${s} về việc`)) expect(c.issuedBy === null || c.issuedBy.normalize("NFC") === c.issuedBy).toBe(true);
      }),
      { numRuns: 200, seed: 23 },
    );
  });
});
