/**
 * The page's words, in Vietnamese (the default) and English. The registry is `danh mục văn bản` throughout, the
 * word of the library's own messages (not-in-registry: `… không có trong danh mục văn bản`).
 */
export type Lang = "vi" | "en";

const vi = {
  title: "Kiểm tra trích dẫn văn bản",
  tagline: "Văn bản được xử lý ngay trong trình duyệt; không gửi đi đâu cả.",
  switchTo: "English",
  input: "Dán văn bản vào đây, hoặc mở một tệp .txt",
  openTxt: "Mở tệp .txt",
  notUtf8: (name: string) => `${name} không phải UTF-8: các byte hỏng hiện thành �, trích dẫn ở đó có thể bị sót. Hãy lưu tệp dưới dạng UTF-8.`,
  registry: "Nạp danh mục văn bản (CSV hoặc JSON)",
  registryNone: "Chưa nạp danh mục văn bản",
  registryLoaded: (name: string, n: number) => `${name}: ${n} văn bản`,
  registryBad: (name: string) => `${name}: danh mục văn bản có lỗi`,
  exportJson: "Trích dẫn (JSON)",
  exportCsv: "Trích dẫn (CSV)",
  exportSarif: "Chẩn đoán (SARIF)",
  export: "Xuất",
  text: "Văn bản",
  legend: { error: "lỗi", warning: "cảnh báo", info: "thông tin", ok: "không có vấn đề" },
  diagnostics: "Chẩn đoán",
  noDiagnostics: "Không có chẩn đoán.",
  fix: "Sửa thành",
  line: "dòng",
  column: "cột",
  documentHeader: "Văn bản này",
  cited: "Văn bản được trích dẫn",
  noCited: "Không trích dẫn văn bản nào.",
  statedRelations: "Quan hệ giữa các văn bản được trích dẫn",
  graph: "Đồ thị trích dẫn",
  mentions: "lần",
  empty: "Chưa có văn bản.",
  fields: {
    key: "Số, ký hiệu", type: "Loại văn bản", date: "Ngày", body: "Cơ quan ban hành", term: "Khóa", subject: "Trích yếu",
    relation: "Quan hệ", confidence: "Độ tin cậy", ocr: "Sửa lỗi OCR", place: "Địa danh", signed: "Người ký", effective: "Hiệu lực",
  },
  relations: {
    mentions: "nhắc đến", basedOn: "căn cứ", implements: "thực hiện", continues: "tiếp tục", guides: "hướng dẫn",
    amends: "sửa đổi", replaces: "thay thế", repeals: "bãi bỏ", corrects: "đính chính",
  } as Record<string, string>,
  severity: { error: "lỗi", warning: "cảnh báo", info: "thông tin" } as Record<string, string>,
  none: "—",
};

export type Words = typeof vi;

const en: Words = {
  title: "Check the references of a document",
  tagline: "The text is read in your browser; nothing is sent anywhere.",
  switchTo: "Tiếng Việt",
  input: "Paste a text here, or open a .txt file",
  openTxt: "Open a .txt file",
  notUtf8: (name) => `${name} is not UTF-8: the bytes that are not show as �, and a reference there may be missed. Save the file as UTF-8.`,
  registry: "Load a registry (CSV or JSON)",
  registryNone: "No registry loaded",
  registryLoaded: (name, n) => `${name}: ${n} documents`,
  registryBad: (name) => `${name}: the registry has problems`,
  exportJson: "Citations (JSON)",
  exportCsv: "Citations (CSV)",
  exportSarif: "Diagnostics (SARIF)",
  export: "Export",
  text: "Text",
  legend: { error: "error", warning: "warning", info: "info", ok: "no problem" },
  diagnostics: "Diagnostics",
  noDiagnostics: "No diagnostics.",
  fix: "Fix",
  line: "line",
  column: "column",
  documentHeader: "This document",
  cited: "Documents cited",
  noCited: "No document cited.",
  statedRelations: "Relations between the documents cited",
  graph: "Citation graph",
  mentions: "×",
  empty: "No text yet.",
  fields: {
    key: "Identifier", type: "Type", date: "Date", body: "Issued by", term: "Term", subject: "Subject",
    relation: "Relation", confidence: "Confidence", ocr: "OCR repairs", place: "Place", signed: "Signed by", effective: "In force from",
  },
  relations: {
    mentions: "mentions", basedOn: "based on", implements: "implements", continues: "continues", guides: "guides",
    amends: "amends", replaces: "replaces", repeals: "repeals", corrects: "corrects",
  },
  severity: { error: "error", warning: "warning", info: "info" },
  none: "—",
};

export const WORDS: Record<Lang, Words> = { vi, en };
