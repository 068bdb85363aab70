/** Diagnostics of the extraction core: each code with its severity and its message in English and Vietnamese. */
import type { Diagnostic } from "./schema.js";

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
    severity: "warning",
    en: (a) => `The type word "${a.word}" does not match the type code ${a.code} (${a.codeKind}).`,
    vi: (a) => `Tên loại "${a.word}" không khớp với ký hiệu ${a.code} (${a.codeKind}).`,
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
    en: (a) => `${a.cited} is cited elsewhere in this text as ${a.key}; read as ${a.key}.`,
    vi: (a) => `${a.cited} ở chỗ khác trong văn bản được trích dẫn là ${a.key}; hiểu là ${a.key}.`,
  },
} satisfies Record<string, Rule>;

export type DiagnosticCode = keyof typeof RULES;

export function diagnostic(
  code: DiagnosticCode,
  start: number,
  end: number,
  args: Args,
  fix: string | null = null,
): Diagnostic {
  const rule: Rule = RULES[code];
  return { code, severity: rule.severity, message: rule.en(args), messageVi: rule.vi(args), start, end, fix };
}
