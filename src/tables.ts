/** Lookups built once from the declarative tables in grammar/. */
import bodiesJson from "../grammar/bodies.json";
import issuersJson from "../grammar/issuers.json";
import phrasesJson from "../grammar/phrases.json";
import relationsJson from "../grammar/relations.json";
import typesJson from "../grammar/types.json";
import { remembered, singleSpaced } from "./text.js";

export interface KindInfo {
  readonly kind: string;
  /** Type codes this type word may carry; empty when it carries none (Luật) or any (Văn bản). */
  readonly codes: readonly string[];
}
export interface IssuerInfo {
  readonly code: string;
  readonly names: readonly string[];
  readonly level: string;
  readonly system: string;
}

/** Case- and space-insensitive form used as a lookup key for words and codes. */
export const foldKey = (s: string) => singleSpaced(s.toLowerCase());


/** Names compared folded: case, spacing and the old tone placement (uỷ/ủy, hoà/hòa, khoá/khóa). */
export const foldName = (s: string) =>
  foldKey(s).replace(/uỷ/g, "ủy").replace(/oà/g, "òa").replace(/oá/g, "óa").replace(/oả/g, "ỏa").replace(/oạ/g, "ọa").replace(/oã/g, "õa");

/**
 * Without diacritics, lower-cased, single-spaced: `Nghị Quyết` → `nghi quyet` (OCR often loses the marks). The
 * words looked up are few (type words, keywords) and looked up again and again: remembered.
 */
export const stripDiacritics = remembered((s: string) =>
  foldKey(s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC")),
);

export const KINDS: readonly KindInfo[] = typesJson.kinds;
/** The type words, longest first: an alternation of them must try `Chương trình hành động` before `Chương trình`. */
export const TYPE_WORDS: readonly string[] = KINDS.map((k) => k.kind).sort((a, b) => b.length - a.length);
const kindByWord = new Map(KINDS.map((k) => [stripDiacritics(k.kind), k]));
if (kindByWord.size !== KINDS.length) throw new Error("grammar/types.json: two type words differ only in diacritics");
/** The type word's entry, whatever its diacritics (`Nghi quyet` → Nghị quyết). */
export const kindOfWord = (word: string) => kindByWord.get(stripDiacritics(word));

const codeByFold = new Map(typesJson.codes.map((c) => [foldKey(c.code), c]));
/** The table entry of a type code, matched case-insensitively (`ctr` → CTr). */
export const typeCodeInfo = (code: string) => codeByFold.get(foldKey(code));

export const ASSEMBLIES: readonly string[] = typesJson.assemblies;

export const ISSUERS: readonly IssuerInfo[] = issuersJson.issuers;
const issuerByFold = new Map<string, IssuerInfo>(ISSUERS.map((i) => [foldKey(i.code), i]));
/** The table entry of an issuer code; `QH14` is found under its assembly `QH`. */
export function issuerInfo(code: string): IssuerInfo | undefined {
  return issuerByFold.get(foldKey(code)) ?? issuerByFold.get(foldKey(code.replace(/\d+$/, "")));
}

/** Words that end an issuing-body phrase (`của Ban Thường vụ Tỉnh ủy thực hiện …`). */
export const ISSUER_STOP_WORDS: ReadonlySet<string> = new Set(phrasesJson.issuerStopWords);
/** The longest issuing-body phrase, in words. */
export const ISSUER_MAX_WORDS: number = phrasesJson.issuerMaxWords;
/** Kinds cited by name: a title follows the type word (`Luật Doanh nghiệp năm 2020`, `… số 59/2020/QH14`). */
export const TITLED_KINDS: ReadonlySet<string> = new Set(phrasesJson.titledKinds);
/** Whether a type word as printed (any case or diacritics) is one of the titled kinds. */
export const isTitledWord = (word: string) => TITLED_KINDS.has(kindOfWord(word)?.kind ?? "");
export const TITLE_MAX_WORDS: number = phrasesJson.titleMaxWords;
/** Lower-case words that end a title in prose (grammar/phrases.json). */
export const TITLE_STOP_WORDS: ReadonlySet<string> = new Set(phrasesJson.titleStopWords);
/** Starts of law titles with a comma of their own: `quản lý, sử` (dụng tài sản công). */
export const COMMA_TITLES: ReadonlySet<string> = new Set(phrasesJson.commaTitles);
/** Lower-case words that cannot start a law's lower-case title (`Luật này`, `Luật sư`). */
export const LOWER_TITLE_NON_STARTERS: ReadonlySet<string> = new Set([...phrasesJson.lowerTitleNonStarters, ...phrasesJson.titleStopWords]);

/** The first two words of each relation verb (`sửa đổi`, `quy định`): a name never runs into one, in any case. */
export const VERB_STARTS: ReadonlySet<string> = new Set(
  relationsJson.verbs.map((v) => v.verb.replace(/,/g, "").split(" ").slice(0, 2).join(" ")).filter((v) => v.includes(" ")),
);

/** A unit of an issuing body's name (grammar/bodies.json). */
export interface BodyUnit {
  readonly name: string;
  /** What the unit counts as when bodies are compared; empty for a title or a session; else its name. */
  readonly key?: string;
  /** An organ or title of what follows (`Ban Chỉ đạo`, `Bộ trưởng`): the name may go on after it. */
  readonly open?: boolean;
  /** The unit of the place a committee names bare after it (`Tỉnh ủy Nghệ An`: `tỉnh`). */
  readonly place?: string;
}
/** The units of grammar/bodies.json, and a department (`Sở Tài chính`, `Phòng Nội vụ`) for each prefix and name. */
export const BODY_UNITS: readonly BodyUnit[] = [
  ...bodiesJson.units,
  ...bodiesJson.departments.prefixes.flatMap((prefix) => [...new Set(bodiesJson.departments.names)].map((name) => ({ name: `${prefix} ${name}` }))),
];
/** Parts of a document (`Phụ lục`, `Điều`), folded: what follows `của` there is no body. */
export const DOCUMENT_PARTS: readonly string[] = bodiesJson.parts.map((p) => stripDiacritics(p));
export const BODY_ABBREVIATIONS: Readonly<Record<string, string>> = bodiesJson.abbreviations;
export const BODY_ORDINALS: readonly string[] = bodiesJson.ordinals;
/** Two words that go on a title although the first is a title stop word (`quy phạm`): grammar/phrases.json. */
export const TITLE_WORD_PAIRS: ReadonlySet<string> = new Set(phrasesJson.titleWordPairs);
/** Type words a title may hold in lower case (`… văn bản quy phạm pháp luật`): grammar/phrases.json. */
export const TITLE_TYPE_WORDS: ReadonlySet<string> = new Set(phrasesJson.titleTypeWords);
/** Words after an upper-case `LUẬT` that show it is no law cited by name (`LUẬT SƯ`): grammar/phrases.json. */
export const CAPS_TITLE_NON_STARTERS: ReadonlySet<string> = new Set(phrasesJson.capsNonStarters);
/** A word that cannot start a law's title: the lower-case non-starters, and a few in an upper-case heading. */
export const startsNoTitle = (word: string) =>
  LOWER_TITLE_NON_STARTERS.has(word) || (word === word.toUpperCase() && CAPS_TITLE_NON_STARTERS.has(word.toLowerCase()));
/** Verbs that open a state text's subject after its date or body (`quy định về …`): grammar/phrases.json. */
export const SUBJECT_VERBS: readonly string[] = phrasesJson.subjectVerbs;
/** Words before a number that make it a form's (`theo mẫu số 01/ĐK`): grammar/phrases.json. */
export const FORM_WORDS: readonly string[] = phrasesJson.formWords;
/** Pinpoint words, which after `và` end a law's name (`Luật Đất đai và Điều 7 …`): grammar/phrases.json. */
export const PINPOINT_WORDS: ReadonlySet<string> = new Set(phrasesJson.pinpointWords);
