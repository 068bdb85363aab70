// Text that looks a little like a reference and must give nothing.
import { expect, it } from "vitest";
import { extract } from "../src/index.js";

const NEGATIVES = [
  "Điều 5. Hiệu lực thi hành",
  "theo quy định tại khoản 2 Điều 3",
  "phòng, chống dịch COVID-19 trên địa bàn",
  "giảm 1/2 số lượng cán bộ",
  "ngày 15/6 tới",
  "15/6",
  "Điện thoại: 0912-345-678",
  "Fax: 028.3829.1234",
  "Trang 12/45",
  "- 3 -",
  "nhiệm kỳ 2020-2025",
  "giai đoạn 2021 - 2025",
  "ngày 11/5/2022",
  "Hà Nội, ngày 30 tháng 6 năm 2021",
  "Hệ thống quản lý chất lượng ISO 9001:2015",
  "tổng kinh phí 1.500.000 đồng/người",
  "T/M BAN THƯỜNG VỤ",
  "K/T TRƯỞNG BAN",
  "V/v tuyên truyền",
  "mô hình Qwen2.5-VL và Llama-3",
  "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
  "Nghị quyết Hội nghị Trung ương 6 (khóa XI)",
  "Điều lệ Đảng",
  "số lượng 25 người",
  "Mục I, Phần II, Chương 3",
  "Quốc lộ 1A, km 12+300",
  "lúc 14h30 ngày 20/11",
];

it.each(NEGATIVES)("%s gives nothing", (text) => {
  expect(extract(text).map((c) => c.text)).toEqual([]);
});

it("has at least 20 negatives", () => expect(NEGATIVES.length).toBeGreaterThanOrEqual(20));
