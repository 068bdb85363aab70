// No Vietnamese word in a regex under src/document/ (issue 25): every word those patterns read comes from
// grammar/*.json. Each regex literal, each `RegExp(…)` and `String.raw` source and each chevrotain token's
// `pattern` is read with the constants of its file it is built from; its literal text must hold no letter
// beyond ASCII and none of the known words written without marks.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "src", "document");
// Words of the tables as they may be written without their marks.
const WORDS = /\b(?:so|ngay|thang|nam|dieu|khoan|diem|chuong|muc|phan|va|cac|tu|den|nay|can cu|luat|v\/v)\b/i;
const NON_ASCII_LETTER = /(?![\x00-\x7F])\p{L}/u;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** The literal texts of the regexes of a source file, each with its line (1-based), that hold a word. */
function wordsInRegexes(source: string, name = "x.ts"): { line: number; text: string }[] {
  const file = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, true);
  const consts = new Map<string, ts.Expression>();
  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) consts.set(node.name.text, node.initializer);
    node.forEachChild(collect);
  };
  collect(file);
  const found: { line: number; text: string }[] = [];
  const seen = new Set<ts.Node>();
  const check = (node: ts.Node, text: string) => {
    if (NON_ASCII_LETTER.test(text) || WORDS.test(text)) found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  };
  // Everything literal a pattern is made of, following the file's constants it names.
  const walk = (node: ts.Node): void => {
    if (seen.has(node)) return;
    seen.add(node);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isRegularExpressionLiteral(node)) check(node, node.text);
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) check(node, node.rawText ?? node.text);
    else if (ts.isIdentifier(node)) {
      const init = consts.get(node.text);
      if (init) walk(init);
    }
    node.forEachChild(walk);
  };
  const isCall = (node: ts.Node, callee: string) =>
    (ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === callee;
  const find = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) walk(node);
    else if (isCall(node, "RegExp")) for (const arg of (node as ts.NewExpression).arguments ?? []) walk(arg);
    else if (ts.isTaggedTemplateExpression(node) && node.tag.getText(file) === "String.raw") walk(node.template);
    else if (isCall(node, "createToken")) {
      const options = (node as ts.CallExpression).arguments[0];
      if (options && ts.isObjectLiteralExpression(options)) {
        for (const p of options.properties) if (ts.isPropertyAssignment(p) && p.name.getText(file) === "pattern") walk(p.initializer);
      }
    }
    node.forEachChild(find);
  };
  find(file);
  return found;
}

describe("no Vietnamese word in a regex under src/document/", () => {
  it("finds a word written in a regex, a RegExp source, a String.raw source, a token's pattern or a constant they use", () => {
    const planted = [
      "const A = /[Nn]gày\\s+/u;",
      'const B = new RegExp("(?:Điều)\\\\s+\\\\d+");',
      "const C = String.raw`S[ốỐo]\\s*:`;",
      'const T = createToken({ name: "T", pattern: word("từ") });',
      'const Y = "\\\\s+nam\\\\s+"; const D = new RegExp(`${Y}\\\\d{4}`);',
    ].join("\n");
    expect(wordsInRegexes(planted).map((f) => f.line)).toEqual([1, 2, 3, 4, 5]);
  });
  it("takes a pattern built from the tables, a comment or a message for no word", () => {
    const clean = [
      "// Điều 5. Hiệu lực: `Căn cứ` opens a basis",
      "const A = new RegExp(`(?:${words(layout.article)})\\\\s+(\\\\d+)`, \"u\");",
      'const M = "Không đọc được"; const B = /[–•…“”]\\s+\\p{Lu}/u;',
    ].join("\n");
    expect(wordsInRegexes(clean)).toEqual([]);
  });
  it.each(filesUnder(ROOT).map((f) => [relative(ROOT, f), f]))("%s", (_name, path) => {
    expect(wordsInRegexes(readFileSync(path, "utf8"), path)).toEqual([]);
  });
});
