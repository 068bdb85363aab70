/** Diagnostics of the extraction core: each code with its severity and its message in English and Vietnamese. */
import type { Diagnostic, Span } from "./schema.js";

type Args = Record<string, string>;
interface Rule {
  severity: Diagnostic["severity"];
  en: (a: Args) => string;
  vi: (a: Args) => string;
}

const RULES = {
  "bare-identifier": {
    severity: "info",
    en: (a) => `Identifier ${a.id} is cited with no type word before it.`,
    vi: (a) => `Số hiệu ${a.id} được trích dẫn mà không có tên loại văn bản.`,
  },
  "incomplete-identifier": {
    severity: "warning",
    en: (a) => `Identifier ${a.id} has no issuer code${a.full ? `; the text elsewhere cites ${a.full}` : ""}.`,
    vi: (a) => `Số hiệu ${a.id} thiếu ký hiệu cơ quan ban hành${a.full ? `; trong văn bản có trích dẫn ${a.full}` : ""}.`,
  },
  "short-reference": {
    severity: "info",
    en: (a) => `${a.text} gives a number without its code; it needs an earlier definition or full citation.`,
    vi: (a) => `${a.text} chỉ có số, không có ký hiệu; cần được định nghĩa hoặc trích dẫn đầy đủ trước đó.`,
  },
  "malformed-identifier": {
    severity: "warning",
    en: (a) => `Identifier ${a.id} is malformed; it should read ${a.fix}.`,
    vi: (a) => `Số hiệu ${a.id} sai định dạng; đúng là ${a.fix}.`,
  },
  "type-code-mismatch": {
    severity: "error",
    en: (a) => `The type word "${a.word}" does not match the type code ${a.code} (${a.codeKind}).`,
    vi: (a) => `Tên loại "${a.word}" không khớp với ký hiệu ${a.code} (${a.codeKind}).`,
  },
  "short-type-word": {
    severity: "info",
    en: (a) => `A ${a.codeKind} (${a.code}) is named by the short type word "${a.word}".`,
    vi: (a) => `${a.codeKind} (${a.code}) được gọi bằng tên loại rút gọn "${a.word}".`,
  },
  "invalid-date": {
    severity: "error",
    en: (a) => `Date ${a.date} does not exist.`,
    vi: (a) => `Ngày ${a.date} không tồn tại.`,
  },
  "incomplete-date": {
    severity: "info",
    en: (a) => `Date "${a.date}" is incomplete (${a.missing} left blank).`,
    vi: (a) => `Ngày "${a.date}" chưa đầy đủ (thiếu ${a.missingVi}).`,
  },
  "ocr-repaired": {
    severity: "info",
    en: (a) => `Read "${a.read}" as "${a.as}".`,
    vi: (a) => `Đã đọc "${a.read}" thành "${a.as}".`,
  },
  "ambiguous-reference": {
    severity: "warning",
    en: (a) => `"${a.text}" could refer to ${a.candidates}; it is left unresolved.`,
    vi: (a) => `"${a.text}" có thể chỉ ${a.candidates}; chưa xác định được văn bản.`,
  },
  "unresolved-reference": {
    severity: "info",
    en: (a) => `"${a.text}" refers to no document the text identifies.`,
    vi: (a) => `"${a.text}" không chỉ tới văn bản nào được nêu rõ trong văn bản.`,
  },
  "inconsistent-citation": {
    severity: "warning",
    en: (a) => (a.field ? `${a.key} is cited with two ${a.field}: ${a.values}.` : `${a.cited} is cited elsewhere in this text as ${a.key}; read as ${a.key}.`),
    vi: (a) => (a.field ? `${a.key} được trích dẫn với hai ${a.fieldVi} khác nhau: ${a.values}.` : `${a.cited} ở chỗ khác trong văn bản được trích dẫn là ${a.key}; hiểu là ${a.key}.`),
  },
  "date-after-document": {
    severity: "error",
    en: (a) => `${a.key} is dated ${a.date}, after this document (${a.own}).`,
    vi: (a) => `${a.key} ban hành ngày ${a.date}, sau ngày của văn bản này (${a.own}).`,
  },
  "year-mismatch": {
    severity: "warning",
    en: (a) => `${a.key} carries the year ${a.year} but is dated ${a.date}.`,
    vi: (a) => `${a.key} mang năm ${a.year} nhưng ghi ngày ${a.date}.`,
  },
  "issuer-mismatch": {
    severity: "warning",
    en: (a) => `Issuer code ${a.code} does not match the issuing body "${a.body}" (${a.bodyCode}).`,
    vi: (a) => `Ký hiệu cơ quan ${a.code} không khớp với cơ quan ban hành "${a.body}" (${a.bodyCode}).`,
  },
  "term-mismatch": {
    severity: "warning",
    en: (a) => `${a.key} names term ${a.term}, but its date ${a.date} falls in term ${a.actual}.`,
    vi: (a) => `${a.key} ghi khóa ${a.term}, nhưng ngày ${a.date} thuộc khóa ${a.actual}.`,
  },
  "unknown-type-code": {
    severity: "info",
    en: (a) => `Type code ${a.code} is not in the table of document types.`,
    vi: (a) => `Ký hiệu loại văn bản ${a.code} không có trong bảng.`,
  },
  "unknown-issuer": {
    severity: "info",
    en: (a) => `Issuer code ${a.code} is not in the table of issuers.`,
    vi: (a) => `Ký hiệu cơ quan ${a.code} không có trong bảng.`,
  },
  "not-in-registry": {
    severity: "warning",
    en: (a) => `${a.key} is not in the registry.`,
    vi: (a) => `${a.key} không có trong danh mục văn bản.`,
  },
  "registry-mismatch": {
    severity: "warning",
    en: (a) => `${a.key}: the ${a.field} cited (${a.cited}) differs from the registry (${a.known}).`,
    vi: (a) => `${a.key}: ${a.fieldVi} được trích dẫn (${a.cited}) khác với danh mục (${a.known}).`,
  },
  "relation-date-order": {
    severity: "warning",
    en: (a) => `${a.from} (${a.fromDate}) cannot be said to ${a.relation} ${a.to}, issued later (${a.toDate}); the relation is not asserted.`,
    vi: (a) => `${a.from} (${a.fromDate}) không thể có quan hệ ${a.relation} với ${a.to} ban hành sau (${a.toDate}); quan hệ không được ghi nhận.`,
  },
  "cites-repealed": {
    severity: "error",
    en: (a) => `${a.key} is no longer in force (${a.status}).`,
    vi: (a) => `${a.key} đã hết hiệu lực (${a.status}).`,
  },
  "statute-name-mismatch": {
    severity: "error",
    en: (a) => `${a.name} is not the name of ${a.key}, which is ${a.law}.`,
    vi: (a) => `${a.name} không phải tên của văn bản số ${a.key} (${a.law}).`,
  },
  "statute-date-mismatch": {
    severity: "warning",
    en: (a) => `${a.key} was passed on ${a.passed}, not ${a.date}.`,
    vi: (a) => `Văn bản số ${a.key} được thông qua ngày ${a.passed}, không phải ngày ${a.date}.`,
  },
  // A note: the catalogue holds a few versions of each law, and on the corpus 59 of 61 such findings were laws it
  // does not hold (Bộ luật Dân sự 2005, Luật Cư trú 2020), not the text's mistakes (test/check-labels.json).
  "statute-no-version": {
    severity: "info",
    en: (a) => `No ${a.name} was passed in ${a.year} (versions: ${a.years}).`,
    vi: (a) => `Không có ${a.name} nào được thông qua năm ${a.year} (các lần ban hành: ${a.years}).`,
  },
  "statute-out-of-force": {
    severity: "warning",
    en: (a) => `${a.key} is cited as a basis but has been out of force since ${a.since} (replaced by ${a.by}).`,
    vi: (a) => `Văn bản số ${a.key} được viện dẫn làm căn cứ nhưng đã hết hiệu lực từ ngày ${a.since} (thay thế bởi ${a.by}).`,
  },
} satisfies Record<string, Rule>;

// useDeclaredType: the API reference shows the codes, not the table they come from.
/**
 * The code of every diagnostic vncite gives (one word each; `vncite help check` lists them with their meaning).
 * @useDeclaredType
 */
export type DiagnosticCode = keyof typeof RULES;
/** Every diagnostic code: for the zod schema of `vncite/schema`, and settings that name them (vncite check --ignore, its config's rules). */
export const DIAGNOSTIC_CODES = Object.keys(RULES) as [DiagnosticCode, ...DiagnosticCode[]];

export function diagnostic(
  code: DiagnosticCode,
  start: number,
  end: number,
  args: Args,
  fix: string | null = null,
  related?: Span[],
  /** Lower than the rule's when the finding rests on the tool's own reading (see relation-date-order). */
  severity?: Diagnostic["severity"],
): Diagnostic {
  const rule: Rule = RULES[code];
  const d: Diagnostic = { code, severity: severity ?? rule.severity, message: rule.en(args), messageVi: rule.vi(args), start, end, fix };
  if (related && related.length > 0) d.related = related;
  return d;
}
