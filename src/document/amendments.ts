/**
 * What an amending text does to which part of which document.
 *
 *   Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 171/2016/NĐ-CP …:   the document amended from here on
 *   1. Sửa đổi, bổ sung khoản 10 Điều 3 như sau:                               amends 171/2016/NĐ-CP, Điều 3 khoản 10
 *   2. Bổ sung Điều 5a vào sau Điều 5 như sau:                                 amends, Điều 5a
 *   3. Bãi bỏ Điều 7 Thông tư số 01/2011/TT-BNV.                               repeals, in the document the line names
 *   4. Thay thế cụm từ "…" bằng cụm từ "…" tại khoản 2 Điều 3.                 replaces the words, there
 *   Nghị định số 30/2020/NĐ-CP hết hiệu lực kể từ ngày 01 tháng 7 năm 2025.    repeals, from that date
 */
import documentJson from "../../grammar/document.json";
import relationsJson from "../../grammar/relations.json";
import { normalizedSource, withoutNotes, type Source } from "../extract/source.js";
import { DATE_PHRASE, dateValue } from "./date-phrase.js";
import { pinpointsIn } from "./pinpoint.js";
import { type Layout, type Line, readLayout } from "./layout/grammar.js";
import { spanOf } from "./resolve.js";
import type { Amendment, Mention, PinpointPath } from "../schema.js";
import { firstIndex, quotationAt } from "../text.js";
import { fold, phrase, words } from "./verbs.js";

// The acts (grammar/relations.json `acts`, the one verb table relations read too), longest first, with a capital
// first letter; `Sửa đổi bổ sung` without its comma.
const ACTS = [...relationsJson.acts].sort((a, b) => b.verb.length - a.verb.length);
const actPattern = (verb: string) => (verb[0] as string).toUpperCase() + verb.slice(1).replace(/,/g, ",?").replace(/ /g, "[ \\t]+");
const ACTION = new Map(ACTS.map((a) => [fold(a.verb), a.action as Amendment["action"]]));
const LAYOUT = documentJson.layout;
const WORDS = documentJson.amendments;
// An action where a line's words begin, after its number (`1.`, `a)`) or its article heading (`Điều 2.`): the layout's lines.
const ACTION_AT = new RegExp(`(?:${ACTS.map((a) => actPattern(a.verb)).join("|")})(?![\\p{L}])`, "uy");
const [PHRASE_WORD, BY] = [phrase(WORDS.phraseWord), phrase(WORDS.replacedBy)];
const PHRASE = new RegExp(`${PHRASE_WORD}\\s+["“]([^"”]{1,200})["”]\\s+${BY}\\s+${PHRASE_WORD}\\s+["“]([^"”]{0,200})["”]`, "u");
// `… hết hiệu lực (thi hành) kể từ ngày 01 tháng 7 năm 2025`, or `… từ ngày Luật này có hiệu lực` (the text's own
// entry into force).
const EXPIRES = new RegExp(
  String.raw`^\s*(?:(?:${words(relationsJson.noteLinks)})\s+)?(?:${words(WORDS.expiry)})\s+(?:${words(WORDS.expiryFrom)})\s+` +
    String.raw`(?:${DATE_PHRASE}|${phrase(WORDS.dayWord)}\s+(?<own>\p{L}+(?:\s+\p{L}+){0,3})\s+${phrase(relationsJson.selfWord)}\s+(?:${words(WORDS.inForce)}))`,
  "u",
);

// `Sửa đổi, bổ sung một số điều của <document>:`, `… sau đây`, `… như sau:`: the line names the document amended below.
const NAMES_TARGET = new RegExp(`${words(LAYOUT.namesTarget)}|(?:${words(LAYOUT.namesTargetAtEnd)})\\s*:?\\s*$`, "u");

const actionOf = (verb: string) => ACTION.get(fold(verb)) ?? "amends";

/**
 * The amendments a text makes, in order, read from its normalized source. `mentions` are its resolved mentions
 * (parseDocument); `effective` is the text's own entry into force, the date of what it repeals `từ ngày Luật này
 * có hiệu lực`. Mentions and the spans returned are in normalized offsets.
 */
export function findAmendments(src: Source, mentions: Mention[], effective: string | null = null, layout: Layout = readLayout(src.text)): Amendment[] {
  const text = src.text;
  const out: Amendment[] = [];
  const cited = mentions.filter((m) => m.citation !== null && m.resolvedKey !== null && !m.isDefinition);
  const inNote = (at: number) => quotationAt(src.normalizedNotes, at) !== undefined;
  let target: string | null = null;
  // The part a numbered item names, which its lettered sub-items (`a) Sửa đổi khoản 1`) refine.
  let parent: PinpointPath = {};
  const { lines } = layout;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    ACTION_AT.lastIndex = l.at;
    const m = ACTION_AT.exec(text);
    if (!m) continue;
    const lineStart = l.start;
    let lineEnd = l.end;
    // `Điều 2. Sửa đổi, bổ sung` broken after its verb: the line goes on on the next one.
    const next = lines[i + 1];
    if (/^\s*$/.test(text.slice(l.at + m[0].length, lineEnd)) && next && next.start === l.end + 1) lineEnd = next.end;
    const line = text.slice(lineStart, lineEnd);
    const visible = withoutNotes(line);
    // The first citation on the line outside a note (found by search: thousands of lines stay linear).
    let named: Mention | undefined;
    for (let k = firstIndex(cited.length, (i) => (cited[i] as Mention).start >= lineStart); k < cited.length && (cited[k] as Mention).start < lineEnd; k++) {
      if (!inNote((cited[k] as Mention).start)) {
        named = cited[k];
        break;
      }
    }
    const action = actionOf(m[0]);
    // The line's own pinpoints, read alone (the line is normalized already): `Điều này` points nowhere here.
    const [found, then] = pinpointsIn(normalizedSource(visible));
    const sub = l.kind === "point";
    // `Bổ sung khoản 11 vào Điều 7`: the second pinpoint completes the first (not `Điều 6a vào sau Điều 6`).
    const within = found && then && !found.paths.some((p) => p.article) && then.paths[0]?.article ? (then.paths[0] as PinpointPath) : {};
    const pinpoint = found
      ? { ...spanOf(text, found.start + lineStart, found.end + lineStart), paths: found.paths.map((p) => ({ ...(sub ? parent : {}), ...within, ...p })) }
      : null;
    if (!sub) parent = pinpoint?.paths[0] ?? {};
    // `Sửa đổi, bổ sung một số điều của <document>:` names the document the items below it amend.
    if (named && (!pinpoint || pinpoint.start > named.start) && NAMES_TARGET.test(line)) {
      target = named.resolvedKey;
      if (!pinpoint) continue;
    }
    // The document the line names, else the one its heading named.
    const on = named?.resolvedKey ?? target;
    const phrase = PHRASE.exec(visible);
    if (!on || (!pinpoint && !named && !phrase)) continue;
    out.push({
      action, target: on, pinpoint, date: null, phrase: phrase ? { from: phrase[1] as string, to: phrase[2] as string } : null,
      span: spanOf(text, lineStart, lineStart + line.trimEnd().length),
    });
  }
  // `<document> hết hiệu lực kể từ ngày …`: repealed from that date.
  for (const c of cited) {
    const e = EXPIRES.exec(text.slice(c.end, c.end + 120));
    if (!e) continue;
    const date = e.groups?.own ? effective : dateValue(e.groups).iso;
    out.push({
      action: "repeals", target: c.resolvedKey as string, pinpoint: null, date, phrase: null,
      span: spanOf(text, c.start, c.end + e[0].length),
    });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
