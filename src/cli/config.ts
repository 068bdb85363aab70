/**
 * A project's settings for `vncite check`: `vncite.config.json` in the working directory, else the `vncite`
 * key of its package.json, else a file named with --config. The command line wins over the file.
 *
 *   { "severity": "warning", "ignore": ["bare-identifier"], "rules": { "issuer-mismatch": "error", "unknown-issuer": "off" }, "lang": "vi" }
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIAGNOSTIC_CODES } from "../diagnostics.js";
import { reason, UsageError } from "./inputs.js";
import { type Lang, type Severity, SEVERITIES } from "./report.js";

export interface CheckConfig {
  severity?: Severity;
  ignore?: string[];
  rules?: Record<string, Severity | "off">;
  lang?: Lang;
  /** Where it was read, for messages. */
  from?: string;
}

const LANGS: readonly Lang[] = ["en", "vi"];

/** The config named, or found in `cwd`; {} when there is none. A usage error that says what is wrong otherwise. */
export function loadConfig(cwd: string, named?: string): CheckConfig {
  if (named !== undefined) return validConfig(readJson(named), named);
  const own = join(cwd, "vncite.config.json");
  const ownText = readIfThere(own);
  if (ownText !== null) return validConfig(parse(ownText, own), own);
  const pkg = join(cwd, "package.json");
  const pkgText = readIfThere(pkg);
  if (pkgText === null) return {};
  const json = parse(pkgText, pkg) as { vncite?: unknown } | null;
  return json && typeof json === "object" && json.vncite !== undefined ? validConfig(json.vncite, `${pkg} (vncite)`) : {};
}

function readIfThere(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new UsageError(`${path}: ${reason(e)}`);
  }
}

function readJson(path: string): unknown {
  const text = readIfThere(path);
  if (text === null) throw new UsageError(`--config ${path}: no such file`);
  return parse(text, path);
}

function parse(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Codes that are no diagnostic's: a usage error naming them, so that a misspelt code is not silently ignored. */
export function checkCodes(codes: Iterable<string>, where: string): void {
  const unknown = [...codes].filter((c) => !(DIAGNOSTIC_CODES as readonly string[]).includes(c));
  if (unknown.length > 0) throw new UsageError(`${where}: no diagnostic ${unknown.join(", ")} (vncite help check lists them)`);
}

/** The settings, each checked; unknown keys are refused so that a misspelt one is not silently ignored. */
function validConfig(value: unknown, from: string): CheckConfig {
  const bad = (what: string) => new UsageError(`${from}: ${what}`);
  if (!value || typeof value !== "object" || Array.isArray(value)) throw bad("the settings must be an object");
  const v = value as Record<string, unknown>;
  const unknown = Object.keys(v).filter((k) => !["severity", "ignore", "rules", "lang", "$schema"].includes(k));
  if (unknown.length > 0) throw bad(`unknown setting ${unknown.join(", ")} (severity, ignore, rules, lang)`);
  const out: CheckConfig = { from };
  if (v.severity !== undefined) {
    if (!SEVERITIES.includes(v.severity as Severity)) throw bad(`severity is one of ${SEVERITIES.join(", ")}`);
    out.severity = v.severity as Severity;
  }
  if (v.ignore !== undefined) {
    if (!Array.isArray(v.ignore) || !v.ignore.every((c) => typeof c === "string")) throw bad("ignore is a list of diagnostic codes");
    checkCodes(v.ignore as string[], `${from}: ignore`);
    out.ignore = v.ignore as string[];
  }
  if (v.rules !== undefined) {
    if (!v.rules || typeof v.rules !== "object" || Array.isArray(v.rules)) throw bad("rules maps a diagnostic code to error, warning, info or off");
    for (const [code, level] of Object.entries(v.rules)) {
      if (level !== "off" && !SEVERITIES.includes(level as Severity)) throw bad(`rules.${code} is error, warning, info or off, not ${JSON.stringify(level)}`);
    }
    checkCodes(Object.keys(v.rules), `${from}: rules`);
    out.rules = v.rules as Record<string, Severity | "off">;
  }
  if (v.lang !== undefined) {
    if (!LANGS.includes(v.lang as Lang)) throw bad("lang is en or vi");
    out.lang = v.lang as Lang;
  }
  return out;
}
