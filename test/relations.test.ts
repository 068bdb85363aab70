// Relations read from the document's structure (issue 14): one case per form, with the relation a reader gives
// and the rule that gives it, and the negatives (`→ mentions`). Each case also runs on the same text with
// decomposed diacritics and `Ð` for `Đ`: it must read the same.
import { describe, expect, it } from "vitest";
import { parseDocument } from "../src/index.js";
import { TIMING } from "./helpers/timing.js";

const variants: [string, (t: string) => string][] = [
  ["clean", (t) => t],
  ["NFD+Ð", (t) => t.normalize("NFD").replace(/Đ/g, "Ð")],
];
const HEAD = "ỦY BAN NHÂN DÂN TỈNH GIA LAI\nSố: 10/2025/QĐ-UBND\nGia Lai, ngày 05 tháng 10 năm 2025\n";

type Row = [name: string, text: string, key: string, relation: string, rule: string | null];

const CITED: Row[] = [
  // Preamble: every document of a `Căn cứ` line, coordinated ones too.
  ["preamble", `${HEAD}QUYẾT ĐỊNH\nCăn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13;\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành quy chế.`, "30/2020/NĐ-CP", "basedOn", "preamble"],
  ["preamble, coordinated", `${HEAD}Căn cứ Luật số 77/2015/QH13; Nghị định số 30/2020/NĐ-CP và Thông tư số 01/2011/TT-BNV;\nĐiều 1. Ban hành quy chế.`, "1/2011/TT-BNV", "basedOn", "preamble"],
  ["preamble, the amended law", `${HEAD}Căn cứ Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung bởi Luật số 43/2024/QH15;\nĐiều 1. Ban hành quy chế.`, "31/2024/QH15", "basedOn", "preamble"],
  ["preamble, the amending law", `${HEAD}Căn cứ Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung bởi Luật số 43/2024/QH15;\nĐiều 1. Ban hành quy chế.`, "43/2024/QH15", "basedOn", "preamble"],
  ["preamble, đã được sửa đổi … theo", `${HEAD}Căn cứ Nghị định số 67/2007/NĐ-CP ngày 13/4/2007 của Chính phủ đã được sửa đổi, bổ sung một số điều theo Nghị định số 13/2010/NĐ-CP ngày 27/2/2010;\nĐiều 1. Ban hành quy chế.`, "13/2010/NĐ-CP", "basedOn", "preamble"],
  ["preamble, Trên cơ sở", `${HEAD}Trên cơ sở Kế hoạch số 25-KH/TU ngày 19/4/2021 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH`, "25-KH/TU", "basedOn", "preamble"],
  // Purpose clause and title.
  ["purpose", `${HEAD}Thực hiện Kế hoạch số 25-KH/TU, ngày 19/4/2021 của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận số 93-KL/TW, ngày 20/11/2020 của Ban Bí thư, Ban Thường vụ Huyện ủy xây dựng kế hoạch triển khai thực hiện như sau:\nI. MỤC ĐÍCH`, "25-KH/TU", "implements", "purpose"],
  ["purpose, coordinated", `${HEAD}Để triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:\n1. Mục đích`, "69-KL/TW", "implements", "purpose"],
  ["purpose, continues", `${HEAD}Tiếp tục thực hiện Chỉ thị số 42-CT/TW ngày 16/4/2010 của Bộ Chính trị, Ban Thường vụ Huyện ủy ban hành kế hoạch như sau:\nI. MỤC ĐÍCH`, "42-CT/TW", "continues", "purpose"],
  ["title", "HUYỆN ỦY PHÚ THIỆN\nSố 12-KH/HU\nPhú Thiện, ngày 30 tháng 6 năm 2021\nKẾ HOẠCH\nTriển khai thực hiện Kết luận số 93-KL/TW, ngày 20/11/2020 của Ban Bí thư\n\nI- MỤC ĐÍCH, YÊU CẦU\n1. Mục đích", "93-KL/TW", "implements", "purpose"],
  ["title, guides", "BỘ TÀI CHÍNH\nSố: 12/2015/TT-BTC\nHà Nội, ngày 30 tháng 1 năm 2015\nTHÔNG TƯ\nHướng dẫn thực hiện Nghị định số 119/2014/NĐ-CP ngày 17 tháng 12 năm 2014 của Chính phủ\n\nĐiều 1. Phạm vi điều chỉnh", "119/2014/NĐ-CP", "guides", "purpose"],
  // The body's own acts.
  ["article, amends", `${HEAD}Căn cứ Luật số 77/2015/QH13;\nĐiều 1. Sửa đổi, bổ sung một số điều của Nghị định số 171/2016/NĐ-CP như sau:\n1. Sửa đổi khoản 2 Điều 3.`, "171/2016/NĐ-CP", "amends", "article"],
  ["article, replaces", `${HEAD}Căn cứ Luật số 77/2015/QH13;\nĐiều 1. Ban hành quy chế.\nĐiều 2. Quyết định này thay thế Quyết định số 15/2018/QĐ-UBND ngày 02 tháng 5 năm 2018 của Ủy ban nhân dân tỉnh.`, "15/2018/QĐ-UBND", "replaces", "article"],
  ["article, thay thế Hướng dẫn", `${HEAD}Căn cứ Luật số 77/2015/QH13;\nĐiều 1. Ban hành quy chế.\nĐiều 2. Thay thế Hướng dẫn số 05/HD-UBND ngày 02 tháng 5 năm 2018.`, "5/HD-UBND", "replaces", "article"],
  ["list item, repeals", `${HEAD}Căn cứ Luật số 77/2015/QH13;\nĐiều 1. Bãi bỏ toàn bộ các quyết định sau:\n1. Quyết định số 12/2020/QĐ-UBND ngày 02 tháng 5 năm 2020;\n2. Quyết định số 15/2021/QĐ-UBND ngày 03 tháng 6 năm 2021.`, "15/2021/QĐ-UBND", "repeals", "list-item"],
  ["article, hết hiệu lực", `${HEAD}Căn cứ Luật số 77/2015/QH13;\nĐiều 1. Ban hành quy chế.\nĐiều 2. Hiệu lực thi hành\nQuyết định số 12/2020/QĐ-UBND hết hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2023.`, "12/2020/QĐ-UBND", "repeals", "article"],
  ["article, a part repealed amends", `${HEAD}Căn cứ Luật số 77/2015/QH13;\nĐiều 1. Ban hành quy chế.\nĐiều 2. Bãi bỏ khoản 5 Điều 14 của Luật Thủ đô số 39/2024/QH15.`, "39/2024/QH15", "amends", "article"],
  ["article, corrects", `${HEAD}Căn cứ Luật số 77/2015/QH13;\nĐiều 1. Đính chính Quyết định số 09/2023/QĐ-UBND ngày 02 tháng 5 năm 2023 như sau:`, "9/2023/QĐ-UBND", "corrects", "article"],
  // Not the document's own act: mentions.
  ["named as another's subject", `${HEAD}Thực hiện Kế hoạch số 25-KH/TU, ngày 19/4/2021 của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận số 93-KL/TW, ngày 20/11/2020 của Ban Bí thư, Ban Thường vụ Huyện ủy xây dựng kế hoạch triển khai thực hiện như sau:\nI. MỤC ĐÍCH`, "93-KL/TW", "mentions", null],
  ["report on past work (title)", "ĐẢNG ỦY KHỐI\nSố 45-BC/ĐUK\nHà Nội, ngày 08 tháng 01 năm 2021\nBÁO CÁO\nTổng kết việc thực hiện Chỉ thị số 45-CT/TW ngày 20/4/2015 của Bộ Chính trị\n\nI. KẾT QUẢ", "45-CT/TW", "mentions", null],
  ["report on past work (results)", `${HEAD}I. KẾT QUẢ\n1. Kết quả thực hiện Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban Chấp hành Trung ương.`, "20-NQ/TW", "mentions", null],
  ["report in a conference summary", "Hội nghị tổng kết\nThực hiện Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị, các cấp ủy trong tỉnh đã tổ chức thực hiện nghiêm Chỉ thị số 35-CT/TW.\nCác đại biểu thảo luận.", "35-CT/TW", "mentions", null],
  ["task given to others (căn cứ)", `${HEAD}Căn cứ Luật số 77/2015/QH13;\nI. NHIỆM VỤ\n1. Các cấp ủy căn cứ Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị để đánh giá cán bộ.`, "366-QĐ/TW", "mentions", null],
  ["task given to others (thực hiện)", `${HEAD}Căn cứ Luật số 77/2015/QH13;\nI. NHIỆM VỤ\n1. Ủy ban nhân dân huyện chỉ đạo thực hiện tốt Luật Đất đai số 31/2024/QH15.`, "31/2024/QH15", "mentions", null],
  ["another text's own act (`Luật này thay thế …` in a decision)", `${HEAD}Căn cứ Luật số 77/2015/QH13;\nQUYẾT ĐỊNH:\nĐiều 1. Quyết định này quy định về thuế.\nĐiều 2. Luật Hải quan năm 2014 có hiệu lực từ ngày 01/01/2015. Luật này thay thế Luật Hải quan số 29/2001/QH10.`, "29/2001/QH10", "mentions", null],
  ["proposal to amend", `${HEAD}Căn cứ Luật số 77/2015/QH13;\nIII. KIẾN NGHỊ\n1. Đề nghị sửa đổi, bổ sung Nghị định số 142/2025/NĐ-CP ngày 12 tháng 6 năm 2025 của Chính phủ.`, "142/2025/NĐ-CP", "mentions", null],
  ["proposal as a list item of a report", "ĐẢNG ỦY KHỐI\nSố 45-BC/ĐUK\nHà Nội, ngày 08 tháng 10 năm 2025\nBÁO CÁO\nI. KẾT QUẢ\nĐã triển khai.\nIII. KIẾN NGHỊ\n1. Sửa đổi, bổ sung Nghị định số 142/2025/NĐ-CP cho phù hợp.", "142/2025/NĐ-CP", "mentions", null],
  ["proposal to replace", `${HEAD}Căn cứ Luật số 77/2015/QH13;\nIII. KIẾN NGHỊ\n1. Bộ Tư pháp xây dựng Nghị định thay thế Nghị định số 24/2018/NĐ-CP ngày 27 tháng 2 năm 2018.`, "24/2018/NĐ-CP", "mentions", null],
];
// The document's own date comes from its header, which reads the raw text until every stage reads the one
// normalized source (issue 13): on decomposed text it is not found, so these run on clean text only.
const DATE_ORDER: Row[] = [
  ["issued after the document (date order)", "HUYỆN ỦY PHÚ THIỆN\nSố 05-KH/HU\nPhú Thiện, ngày 30 tháng 11 năm 2016\nKẾ HOẠCH\nThực hiện Kết luận số 10-KL/TW ngày 14/8/2017 của Bộ Chính trị, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH", "10-KL/TW", "mentions", null],
];

type StatedRow = [name: string, text: string, triple: [string, string, string], rule: string];

const STATED: StatedRow[] = [
  ["continues", "Quán triệt Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 20-NQ/TW ngày 01/11/2012.", ["69-KL/TW", "continues", "20-NQ/TW"], "stated"],
  ["amends, active", "Theo Nghị định số 170/2013/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 106/2011/NĐ-CP.", ["170/2013/NĐ-CP", "amends", "106/2011/NĐ-CP"], "stated"],
  ["amends, passive bởi", "Theo Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung bởi Luật số 43/2024/QH15.", ["43/2024/QH15", "amends", "31/2024/QH15"], "stated"],
  ["amends, passive theo", "Theo Nghị định số 67/2007/NĐ-CP đã được sửa đổi, bổ sung một số điều theo Nghị định số 13/2010/NĐ-CP.", ["13/2010/NĐ-CP", "amends", "67/2007/NĐ-CP"], "stated"],
  ["implements, as another's subject", `${HEAD}Thực hiện Kế hoạch số 25-KH/TU, ngày 19/4/2021 của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận số 93-KL/TW, ngày 20/11/2020 của Ban Bí thư, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH`, ["25-KH/TU", "implements", "93-KL/TW"], "stated"],
  ["amends, the laws an amending law's title names", `${HEAD}Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 ngày 29 tháng 6 năm 2024;\nĐiều 1. Ban hành quy chế.`, ["Luật sửa đổi, bổ sung một số điều của luật đất đai số 31/2024/QH15, luật nhà ở số 27/2023/QH15 năm 2024", "amends", "27/2023/QH15"], "stated"],
  ["guides, portal note", "CHÍNH PHỦ\nSố: 10/2023/NĐ-CP\nHà Nội, ngày 05 tháng 6 năm 2023\nNGHỊ ĐỊNH\nĐiều 1. Phạm vi\n1. Nghị định này quy định về thuế. [Khoản này được hướng dẫn bởi Thông tư số 12/2024/TT-BTC]", ["12/2024/TT-BTC", "guides", "10/2023/NĐ-CP"], "portal-note"],
];

// The forms of issue 25, each as the text states it (lists distribute over each member).
const CHINH_PHU = "CHÍNH PHỦ\nSố: 20/2025/NĐ-CP\nHà Nội, ngày 05 tháng 12 năm 2025\nNGHỊ ĐỊNH\nQuy định về thủ tục hành chính\n";
const BHXH = `${CHINH_PHU}Căn cứ Luật Bảo hiểm xã hội số 41/2024/QH15 được sửa đổi, bổ sung bởi Luật số 73/2025/QH15, Luật số 84/2025/QH15, Luật số 113/2025/QH15 và Luật số 142/2025/QH15;\nĐiều 1. Phạm vi điều chỉnh`;
const QD142 = "Theo Quyết định số 142/2008/QĐ-TTg ngày 27 tháng 10 năm 2008 của Thủ tướng Chính phủ được sửa đổi, bổ sung bởi Quyết định số 38/2010/QĐ-TTg và Quyết định số 22/2025/QĐ-TTg.";
const BASIS = `${CHINH_PHU}Căn cứ Thông tư số 13/2020/TT-BGDĐT ngày 26/5/2020, sửa đổi bổ sung tại Thông tư số 23/2024/TT-BGDĐT;\nCăn cứ Nghị định số 24/2014/NĐ-CP ngày 04 tháng 4 năm 2014 của Chính phủ được sửa đổi, bổ sung tại Nghị định số 209/2025/NĐ-CP;\nĐiều 1. Phạm vi điều chỉnh`;
const EXPIRY = `${CHINH_PHU}Căn cứ Luật số 63/2025/QH15;\nĐiều 1. Phạm vi điều chỉnh\nĐiều 2. Hiệu lực thi hành\nKể từ ngày Nghị định này có hiệu lực thi hành, Nghị định số 127/2013/NĐ-CP ngày 15 tháng 10 năm 2013 của Chính phủ và Nghị định số 45/2016/NĐ-CP ngày 26 tháng 5 năm 2016 của Chính phủ hết hiệu lực thi hành.`;
const STATED_25: StatedRow[] = [
  ...["73/2025/QH15", "84/2025/QH15", "113/2025/QH15", "142/2025/QH15"].map((k): StatedRow => [`amends, a list after bởi (${k})`, BHXH, [k, "amends", "41/2024/QH15"], "stated"]),
  ...["38/2010/QĐ-TTg", "22/2025/QĐ-TTg"].map((k): StatedRow => [`amends, a list after bởi joined by và (${k})`, QD142, [k, "amends", "142/2008/QĐ-TTg"], "stated"]),
  ["amends, bare numbers after bởi các Luật", "Căn cứ Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung một số điều bởi các Luật số 43/2024/QH15, số 47/2024/QH15 và số 95/2025/QH15;", ["47/2024/QH15", "amends", "31/2024/QH15"], "stated"],
  ["amends, bare numbers after bởi các Luật (last)", "Căn cứ Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung một số điều bởi các Luật số 43/2024/QH15, số 47/2024/QH15 và số 95/2025/QH15;", ["95/2025/QH15", "amends", "31/2024/QH15"], "stated"],
  ["amends, sửa đổi bổ sung tại (an amender inside a basis)", BASIS, ["23/2024/TT-BGDĐT", "amends", "13/2020/TT-BGDĐT"], "stated"],
  ["amends, được sửa đổi, bổ sung tại", BASIS, ["209/2025/NĐ-CP", "amends", "24/2014/NĐ-CP"], "stated"],
  ["amends, đã được sửa đổi tại a part of the amender, the head amended", "Thực hiện theo Điều 61 Nghị định số 26/2019/NĐ-CP ngày 08 tháng 3 năm 2019 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Thủy sản, đã được sửa đổi, bổ sung tại khoản 32 Điều 1 Nghị định số 37/2024/NĐ-CP ngày 04 tháng 4 năm 2024 của Chính phủ.", ["37/2024/NĐ-CP", "amends", "26/2019/NĐ-CP"], "stated"],
  ["amends, active: sửa đổi, bổ sung một số điều tại", "Theo mẫu ban hành kèm Thông tư số 39/2018/TT-BTC ngày 20 tháng 4 năm 2018 của Bộ Tài chính sửa đổi, bổ sung một số điều tại Thông tư số 38/2015/TT-BTC ngày 25 tháng 3 năm 2015.", ["39/2018/TT-BTC", "amends", "38/2015/TT-BTC"], "stated"],
  ["amends, an amending decree's own words", "Căn cứ Nghị định số 11/2011/NĐ-CP ngày 30 tháng 01 năm 2011 sửa đổi, bổ sung một số điều của Nghị định số 159/2006/NĐ-CP ngày 28 tháng 12 năm 2006;", ["11/2011/NĐ-CP", "amends", "159/2006/NĐ-CP"], "stated"],
  // (A title naming laws without numbers, `… của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương`,
  // states the same once the title's names are read as citations: issue 24.)
  ...["21/2017/QH14", "61/2020/QH14"].map((k): StatedRow => [`amends, each law an amending law's title names (${k})`, `${CHINH_PHU}Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch số 21/2017/QH14 và Luật Đầu tư số 61/2020/QH14 ngày 29 tháng 6 năm 2024;\nĐiều 1. Phạm vi điều chỉnh`, ["Luật sửa đổi, bổ sung một số điều của luật quy hoạch số 21/2017/QH14 và luật đầu tư số 61/2020/QH14 năm 2024", "amends", k], "stated"]),
  ["guides, quy định chi tiết một số điều và biện pháp thi hành", "Căn cứ Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13;", ["34/2016/NĐ-CP", "guides", "80/2015/QH13"], "stated"],
  ["guides, … biện pháp để tổ chức, hướng dẫn thi hành", "Căn cứ Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ quy định chi tiết một số điều và biện pháp để tổ chức, hướng dẫn thi hành Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;", ["78/2025/NĐ-CP", "guides", "64/2025/QH15"], "stated"],
  ["guides, a portal note inside a quoted amendment", `${CHINH_PHU}Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 127/2013/NĐ-CP\n2. Sửa đổi, bổ sung Điều 5 như sau:\n“Điều 5. Những trường hợp không xử phạt [Điều này được hướng dẫn bởi Điều 4 Thông tư 155/2016/TT-BTC có hiệu lực từ ngày 01/12/2016]”`, ["155/2016/TT-BTC", "guides", "20/2025/NĐ-CP"], "portal-note"],
  ["amends, a portal note: a part hết hiệu lực bởi", `${CHINH_PHU}Điều 1. Sửa đổi\n20. Sửa đổi [Khoản này hết hiệu lực bởi Điểm p Khoản 2 Nghị định 126/2020/NĐ-CP có hiệu lực từ ngày 05/12/2020] Khoản 3 Điều 29 như sau:`, ["126/2020/NĐ-CP", "amends", "20/2025/NĐ-CP"], "portal-note"],
];
// The text's own acts: a heading whose object is on the next line, an expiry clause repealing several.
const CITED_25: Row[] = [
  ["article heading, the object on the next line", `${CHINH_PHU}Căn cứ Luật số 63/2025/QH15;\nĐiều 1. Sửa đổi, bổ sung\nđiểm g khoản 1 Điều 9 Thông tư số 111/2013/TT-BTC ngày 15/8/2013 của Bộ trưởng Bộ Tài chính như sau:\n“g) Hồ sơ chứng minh người phụ thuộc.”`, "111/2013/TT-BTC", "amends", "article"],
  ["article heading, a document its object's subject guides: mentions", `${CHINH_PHU}Căn cứ Luật số 63/2025/QH15;\nĐiều 1. Sửa đổi, bổ sung\nđiểm g khoản 1 Điều 9 Thông tư số 111/2013/TT-BTC ngày 15/8/2013 của Bộ trưởng Bộ Tài chính hướng dẫn thực hiện Luật Thuế thu nhập cá nhân, Luật Quản lý thuế và Nghị định số 65/2013/NĐ-CP của Chính phủ như sau:\n“g) Hồ sơ.”`, "65/2013/NĐ-CP", "mentions", null],
  ["an amending title: a described decree, then another of its type", `CHÍNH PHỦ\nSố: 291/2025/NĐ-CP\nHà Nội, ngày 06 tháng 11 năm 2025\nNGHỊ ĐỊNH SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 103/2024/NĐ-CP NGÀY 30 THÁNG 7 NĂM 2024 CỦA CHÍNH PHỦ QUY ĐỊNH VỀ TIỀN SỬ DỤNG ĐẤT, TIỀN THUÊ ĐẤT VÀ NGHỊ ĐỊNH SỐ 104/2024/NĐ-CP NGÀY 31 THÁNG 7 NĂM 2024 CỦA CHÍNH PHỦ QUY ĐỊNH VỀ QUỸ PHÁT TRIỂN ĐẤT\nCăn cứ Luật số 63/2025/QH15;\nĐiều 1. Phạm vi`, "104/2024/NĐ-CP", "amends", "purpose"],
  ["expiry clause, the first", EXPIRY, "127/2013/NĐ-CP", "repeals", "article"],
  ["expiry clause, the second", EXPIRY, "45/2016/NĐ-CP", "repeals", "article"],
  ["article, hủy bỏ", `${HEAD}Căn cứ Luật số 77/2015/QH13;\nĐiều 1. Ban hành quy chế.\nĐiều 2. Hủy bỏ Quyết định số 15/2018/QĐ-UBND ngày 02 tháng 5 năm 2018.`, "15/2018/QĐ-UBND", "repeals", "article"],
  ["a procedure's name, its rule referred to (theo quy định tại): mentions", `${CHINH_PHU}Căn cứ Luật số 63/2025/QH15;\nĐiều 1. Phạm vi điều chỉnh\nĐiều 2. Thủ tục\n3. Sửa đổi, bổ sung nội dung quyết định công nhận cho tổ chức cộng đồng theo quy định tại [Thành phần hồ sơ được hướng dẫn bởi Điều 13 Thông tư 10/2025/TT-BNNMT có hiệu lực từ ngày 01/07/2025] khoản 5 Điều 5 Nghị định số 26/2019/NĐ-CP ngày 08 tháng 3 năm 2019 của Chính phủ.`, "26/2019/NĐ-CP", "mentions", null],
  ["a basis amended in a part of another", `${CHINH_PHU}Căn cứ Nghị định số 26/2019/NĐ-CP ngày 08 tháng 3 năm 2019, đã được sửa đổi, bổ sung tại khoản 32 Điều 1 Nghị định số 37/2024/NĐ-CP;\nĐiều 1. Phạm vi điều chỉnh\nĐiều 2. Thủ tục thực hiện theo Điều 61 Nghị định số 26/2019/NĐ-CP, đã được sửa đổi, bổ sung tại khoản 32 Điều 1 Nghị định số 37/2024/NĐ-CP.`, "26/2019/NĐ-CP", "basedOn", "preamble"],
];

describe.each(variants)("relations (%s)", (variant, vary) => {
  it.each(variant === "clean" ? [...CITED, ...CITED_25, ...DATE_ORDER] : [...CITED, ...CITED_25])("%s", (_name, text, key, relation, rule) => {
    const d = parseDocument(vary(text));
    const cited = d.cited.find((c) => c.key === key);
    expect(cited, `${key} cited`).toBeDefined();
    expect([cited?.relation, cited?.rule ?? null]).toEqual([relation, rule]);
  });
  it.each([...STATED, ...STATED_25])("states %s", (_name, text, [from, relation, to], rule) => {
    const d = parseDocument(vary(text));
    expect(d.statedRelations.map((s) => [s.from, s.relation, s.to, s.rule])).toContainEqual([from, relation, to, rule]);
  });
  it("gives the evidence of a relation at its place in the original text", () => {
    const text = vary(`${HEAD}Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020;\nĐiều 1. Ban hành quy chế.`);
    const m = parseDocument(text).mentions.find((x) => x.resolvedKey === "30/2020/NĐ-CP");
    expect(m?.verb && text.slice(m.verb.start, m.verb.end)).toBe(m?.verb?.text);
    expect(m?.verb?.text.normalize("NFC")).toBe("Căn cứ");
  });
  it.skipIf(variant !== "clean")("does not let a plan implement a conclusion issued after it, and says why", () => {
    const d = parseDocument(vary(DATE_ORDER[0]?.[1] as string));
    const diag = d.diagnostics.find((x) => x.code === "relation-date-order");
    expect(diag?.message).toContain("2016-11-30");
    expect(diag?.message).toContain("2017-08-14");
  });
  it("states nothing a later document cannot have done", () => {
    const d = parseDocument(vary("Theo Kế hoạch số 5-KH/TU ngày 30/11/2016 thực hiện Kết luận số 10-KL/TW ngày 14/8/2017 của Bộ Chính trị."));
    expect(d.statedRelations).toEqual([]);
    expect(d.diagnostics.map((x) => x.code)).toContain("relation-date-order");
  });
});

describe("relations on hostile text", TIMING, () => {
  // Every structure at once, repeated: lists of repealed decisions, portal notes, nested subjects, long lines.
  const unit = (i: number) =>
    `Căn cứ Nghị định số ${i}/2020/NĐ-CP; Thông tư số ${i}/2021/TT-BTC;\nThực hiện Kế hoạch số ${i}-KH/TU về thực hiện Kết luận số ${i}-KL/TW, Ban Thường vụ xây dựng kế hoạch như sau:\n` +
    `Điều ${i}. Bãi bỏ các quyết định sau:\n1. Quyết định số ${i}/2019/QĐ-UBND;\n2. Nghị định số ${i}/2018/NĐ-CP hết hiệu lực kể từ ngày 01 tháng 7 năm 2025.\n` +
    `Khoản này quy định. [Khoản này được hướng dẫn bởi Thông tư số ${i}/2022/TT-BTC] \n` +
    // Issue 25: a list after bởi, an expiry clause over two decrees, a bare heading whose object is the next line.
    `Luật số ${i}/2015/QH13 được sửa đổi, bổ sung bởi Luật số ${i}/2016/QH14, Luật số ${i}/2017/QH14 và Luật số ${i}/2018/QH14.\n` +
    `Kể từ ngày Nghị định này có hiệu lực thi hành, Nghị định số ${i}/2010/NĐ-CP và Nghị định số ${i}/2011/NĐ-CP hết hiệu lực thi hành.\n` +
    `Điều ${i}a. Sửa đổi, bổ sung\nkhoản 1 Điều 2 Thông tư số ${i}/2012/TT-BTC như sau:\n`;
  const text = (n: number) => `Số: 5/2025/NĐ-CP\n${Array.from({ length: n }, (_, i) => unit(i + 1)).join("")}`;
  const time = (t: string) => {
    const start = performance.now();
    parseDocument(t);
    return performance.now() - start;
  };

  it("reads hundreds of clauses, list items and notes, each as it should", () => {
    const d = parseDocument(text(400));
    expect(d.cited.find((c) => c.key === "400/2019/QĐ-UBND")?.relation).toBe("repeals");
    expect(d.cited.find((c) => c.key === "400/2018/NĐ-CP")?.relation).toBe("repeals");
    // Only the first unit stands before the body: its preamble and purpose are the document's; the others' are not.
    expect(d.cited.find((c) => c.key === "1/2020/NĐ-CP")?.relation).toBe("basedOn");
    expect(d.cited.find((c) => c.key === "1-KH/TU")?.relation).toBe("implements");
    expect(d.cited.find((c) => c.key === "400/2020/NĐ-CP")?.relation).toBe("mentions");
    expect(d.cited.find((c) => c.key === "400-KH/TU")?.relation).toBe("mentions");
    expect(d.cited.find((c) => c.key === "400-KL/TW")?.relation).toBe("mentions");
    expect(d.statedRelations.filter((s) => s.rule === "portal-note")).toHaveLength(400);
    expect(d.statedRelations.filter((s) => s.to === "400/2015/QH13").map((s) => [s.from, s.relation])).toEqual([
      ["400/2016/QH14", "amends"], ["400/2017/QH14", "amends"], ["400/2018/QH14", "amends"],
    ]);
    expect(["400/2010/NĐ-CP", "400/2011/NĐ-CP", "400/2012/TT-BTC"].map((k) => d.cited.find((c) => c.key === k)?.relation)).toEqual(["repeals", "repeals", "amends"]);
  });

  it("stays linear on one list of thousands after bởi, each member stated", () => {
    const list = (n: number) => `Luật số 1/2015/QH13 được sửa đổi, bổ sung bởi ${Array.from({ length: n }, (_, k) => `Luật số ${k + 2}/2016/QH14`).join(", ")} và Luật số 1/2017/QH14.`;
    expect(parseDocument(list(1000)).statedRelations.filter((s) => s.to === "1/2015/QH13")).toHaveLength(1001);
    time(list(250));
    const small = Math.min(time(list(250)), time(list(250)));
    const large = Math.min(time(list(1000)), time(list(1000)));
    expect(large / small).toBeLessThan(4 * 3);
  });

  it("stays linear: four times the text takes about four times as long", () => {
    time(text(100));
    const small = Math.min(time(text(100)), time(text(100)));
    const large = Math.min(time(text(400)), time(text(400)));
    expect(large / small).toBeLessThan(4 * 3);
  });

  it("never throws on a line of verbs with no end, or on brackets and quotes left open", () => {
    for (const t of [`Căn cứ ${"a ".repeat(20_000)}`, `Điều 1. Bãi bỏ các quyết định sau:\n${"- [được hướng dẫn bởi “".repeat(4_000)}`, "Thực hiện ; , : Căn cứ\n\n".repeat(2_000)]) {
      expect(() => parseDocument(t)).not.toThrow();
    }
  });
});
