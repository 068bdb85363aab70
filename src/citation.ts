/**
 * Stage 4: build. Turns a parse into the public Citation: canonical key, codes from the tables, the date
 * read with luxon, spans mapped back to the original text, and the diagnostics of the form itself.
 */
import { identifierYear, readDate } from "./date.js";
import { diagnostic } from "./diagnostics.js";
import { type NormalizedText, toOriginal } from "./normalize.js";
import type { Piece, RawCitation, RawIdentifier } from "./parse.js";
import type { Citation, Diagnostic, Span } from "./schema.js";
import { findSubject } from "./subject.js";
import { ASSEMBLIES, issuerInfo, kindOfWord, typeCodeInfo } from "./tables.js";

interface Codes {
  typeCode: string | null;
  issuer: string | null;
  key: string | null;
  style: "party" | "state";
}

const stripZeros = (n: string) => n.replace(/^0+(?=\d)/, "");
const ASSEMBLY = new RegExp(`^(?:${ASSEMBLIES.join("|")})\\d*$`, "i");

/**
 * A code group in canonical spelling: the table's own (`ctr` → CTr, `ttg` → TTg), and an ASCII `D` read as
 * `Đ` where only the `Đ` spelling is known (`ND` → NĐ, `LDLD` → LĐLĐ). Unknown codes stay as printed.
 */
function canonicalCode(raw: string, known: (c: string) => string | undefined, repairs?: [string, string][]): string | undefined {
  const direct = known(raw);
  if (direct || !/D/i.test(raw)) return direct;
  const withĐ = known(raw.replace(/D/g, "Đ").replace(/d/g, "đ"));
  if (withĐ) repairs?.push([raw, withĐ]);
  return withĐ;
}
const knownType = (c: string) => typeCodeInfo(c)?.code;
const knownIssuer = (c: string) => {
  const info = issuerInfo(c);
  if (!info) return undefined;
  // `QH14` is known through `QH`: keep its term digits.
  return c.length > info.code.length ? info.code + c.slice(info.code.length) : info.code;
};

function readCodes(id: RawIdentifier, repairs: [string, string][]): Codes {
  const groups = id.groups.map((g) => ({ sep: g.sep, raw: g.code.text }));
  const head = groups[0]!.raw;
  // Old state numbers put a hyphen before the issuer: `169-CP`, `66-HĐBT`.
  const oldState = id.separator === "-" && groups.length === 1 && !canonicalCode(head, knownType) && issuerInfo(head) !== undefined;
  if (oldState) {
    const issuer = canonicalCode(head, knownIssuer, repairs) ?? head;
    return { typeCode: null, issuer, key: `${stripZeros(id.number.text)}-${issuer}`, style: "state" };
  }
  const style = id.separator === "/" ? "state" : "party";
  // The first group is a type code in the Party style always; in the state style only when it is a known
  // type followed by an issuer (`123/QĐ-UBND`), never an assembly (`59/2020/QH14`) or a lone issuer (`300/LĐLĐ`).
  const headIsType =
    style === "party" ||
    (!ASSEMBLY.test(head) && canonicalCode(head, knownType) !== undefined && (groups.length > 1 || issuerInfo(head) === undefined));
  const typeCode = headIsType ? (canonicalCode(head, knownType, repairs) ?? head) : null;
  const issuerGroups = (headIsType ? groups.slice(1) : groups).map((g) => ({
    sep: g.sep,
    code: canonicalCode(g.raw, knownIssuer, repairs) ?? g.raw,
  }));
  const issuer = issuerGroups.length > 0 ? issuerGroups.map((g, i) => (i === 0 ? "" : g.sep) + g.code).join("") : null;
  const n = stripZeros(id.number.text);
  let key: string | null = null;
  if (issuer !== null) {
    if (style === "party") key = `${n}-${typeCode}/${issuer}`;
    else {
      const year = id.year ? `${id.year.text}/` : "";
      const symbol = typeCode ? `${typeCode}${issuerGroups[0]!.sep === "/" ? "/" : "-"}${issuer}` : issuer;
      key = `${n}/${year}${symbol}`;
    }
  }
  return { typeCode, issuer, key, style };
}

/** The document type in words: the type word's, else the type code's (Thông tri for a Party `TT`). */
function kindOf(typeWord: Piece | null, typeCode: string | null, style: string | null): string | null {
  if (typeWord) return kindOfWord(typeWord.text)?.kind ?? typeWord.text;
  if (!typeCode) return null;
  const info = typeCodeInfo(typeCode);
  if (!info) return null;
  return style === "party" && "partyKind" in info ? (info.partyKind as string) : info.kind;
}

export function buildCitation(raw: RawCitation, nt: NormalizedText): Citation {
  const toSpan = (p: Piece | null): Span | null => {
    if (!p) return null;
    const start = toOriginal(nt, p.start);
    const end = toOriginal(nt, p.end);
    return { text: nt.original.slice(start, end), start, end };
  };
  const whole = toSpan({ start: raw.start, end: raw.end, text: "" }) as Span;
  const diagnostics: Diagnostic[] = [];
  const repairs: [string, string][] = [];
  const id = raw.identifier;
  const codes = id ? readCodes(id, repairs) : null;
  const idSpan = toSpan(id);
  const typeSpan = toSpan(raw.typeWord);
  const kind = kindOf(raw.typeWord, codes?.typeCode ?? null, codes?.style ?? null);

  if (id && idSpan) {
    for (const [read, as] of repairs) diagnostics.push(diagnostic("ocr-repaired", idSpan.start, idSpan.end, { read, as }));
    if (id.separator === " " && codes?.key) {
      diagnostics.push(diagnostic("malformed-identifier", idSpan.start, idSpan.end, { id: idSpan.text, fix: codes.key }, codes.key));
    }
    if (codes && codes.issuer === null) {
      diagnostics.push(diagnostic("incomplete-identifier", idSpan.start, idSpan.end, { id: idSpan.text, full: "" }));
    }
    if (!raw.typeWord && !(raw.marker && raw.marker.text.endsWith(":"))) {
      diagnostics.push(diagnostic("bare-identifier", idSpan.start, idSpan.end, { id: idSpan.text }));
    }
    const expected = raw.typeWord ? kindOfWord(raw.typeWord.text)?.codes : undefined;
    if (typeSpan && codes?.typeCode && expected && expected.length > 0 && !expected.includes(codes.typeCode)) {
      diagnostics.push(
        diagnostic("type-code-mismatch", typeSpan.start, idSpan.end, {
          word: typeSpan.text,
          code: codes.typeCode,
          codeKind: typeCodeInfo(codes.typeCode)?.kind ?? "?",
        }),
      );
    }
  } else if (raw.shortNumber) {
    diagnostics.push(diagnostic("short-reference", whole.start, whole.end, { text: whole.text }));
  }

  const rawDate = raw.dates[0] ?? null;
  const dateSpan = toSpan(rawDate);
  let date: string | null = null;
  if (rawDate && dateSpan) {
    const reading = readDate(rawDate.day, rawDate.month, rawDate.year);
    if (reading.kind === "valid") date = reading.iso;
    else if (reading.kind === "invalid") diagnostics.push(diagnostic("invalid-date", dateSpan.start, dateSpan.end, { date: dateSpan.text }));
    else {
      const vi = { day: "ngày", month: "tháng", year: "năm" };
      diagnostics.push(
        diagnostic("incomplete-date", dateSpan.start, dateSpan.end, {
          date: dateSpan.text,
          missing: reading.missing.join(", "),
          missingVi: reading.missing.map((m) => vi[m]).join(", "),
        }),
      );
    }
  }
  const termSpan = toSpan(raw.terms[0] ?? null);
  const issuedBySpan = toSpan(raw.issuedBy[0] ?? null);
  const subjectSpan = toSpan(findSubject(nt.text, raw.end));

  return {
    text: whole.text,
    start: whole.start,
    end: whole.end,
    key: codes?.key ?? null,
    number: (id?.number ?? raw.shortNumber)!.text,
    year: identifierYear(id?.year?.text),
    typeCode: codes?.typeCode ?? null,
    issuer: codes?.issuer ?? null,
    style: codes?.style ?? null,
    kind,
    date,
    issuedBy: issuedBySpan?.text ?? null,
    term: termSpan ? (/[IVXL]+(?=\)?$)/.exec(termSpan.text)?.[0] ?? null) : null,
    subject: subjectSpan?.text ?? null,
    relation: "mentions",
    spans: { typeWord: typeSpan, identifier: idSpan, date: dateSpan, issuedBy: issuedBySpan, term: termSpan, subject: subjectSpan },
    diagnostics,
  };
}
