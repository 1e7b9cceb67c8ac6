import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Log, ReportingDescriptor, Result } from "sarif";
import type { Rule } from "../engine/rule";
import { PRODUCT, ruleDocUrl } from "../product";
import type { Locale, ResolvedFinding, Severity } from "../engine/types";

export interface JsonFinding {
  rule: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  factors: number[];
  categories: string[];
  message: string;
  fixes: string[];
}

export interface FormatOptions {
  root: string;
  locale: Locale;
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

/** A relative path as a URI reference: each segment percent-encoded (`#`, spaces, non-ASCII). */
function relativeUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

export function toJsonFinding(finding: ResolvedFinding, options: FormatOptions): JsonFinding {
  return {
    rule: finding.rule,
    file: relative(options.root, finding.file),
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    severity: finding.severity,
    factors: finding.factors,
    categories: finding.categories,
    message: finding.message[options.locale],
    fixes: finding.fixes.map((f) => f.title[options.locale]),
  };
}

export function formatJson(findings: ResolvedFinding[], options: FormatOptions): string {
  const output = { version: 1, findings: findings.map((f) => toJsonFinding(f, options)) };
  return JSON.stringify(output, null, 2);
}

export function formatText(findings: ResolvedFinding[], options: FormatOptions): string {
  const lines = findings.map((f) => {
    const j = toJsonFinding(f, options);
    const fix = j.fixes.length > 0 ? ` [fix: ${j.fixes.join("; ")}]` : "";
    return `${j.file}:${j.line}:${j.column}  ${j.severity.padEnd(7)}  ${j.rule}  ${j.message}${fix}`;
  });
  const files = new Set(findings.map((f) => f.file)).size;
  const summary =
    findings.length === 0
      ? options.locale === "zh"
        ? "没有发现问题"
        : "No findings"
      : options.locale === "zh"
        ? `${files} 个文件中发现 ${findings.length} 个问题`
        : `${findings.length} finding${findings.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}`;
  return lines.length === 0 ? summary : [...lines, "", summary].join("\n");
}

const SARIF_LEVELS: Record<Severity, Result.level> = {
  error: "error",
  warning: "warning",
  info: "note",
  hint: "note",
};

/** A folder as a file URI ending in a slash, as SARIF wants a base URI. */
function directoryUri(folder: string): string {
  const uri = pathToFileURL(folder).href;
  return uri.endsWith("/") ? uri : `${uri}/`;
}

export function formatSarif(
  findings: ResolvedFinding[],
  rules: readonly Rule[],
  options: FormatOptions,
): string {
  const descriptors: ReportingDescriptor[] = rules.map((r) => ({
    id: r.meta.id,
    name: r.meta.id,
    shortDescription: { text: r.meta.title[options.locale] },
    fullDescription: { text: r.meta.description[options.locale] },
    helpUri: ruleDocUrl(r.meta.id),
    defaultConfiguration: { level: SARIF_LEVELS[r.meta.severity] },
    properties: { tags: r.meta.categories, factors: r.meta.factors },
  }));
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const results: Result[] = findings.map((f) => {
    const j = toJsonFinding(f, options);
    return {
      ruleId: f.rule,
      ruleIndex: index.get(f.rule),
      level: SARIF_LEVELS[f.severity],
      message: { text: j.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: relativeUri(j.file), uriBaseId: "%SRCROOT%" },
            region: {
              startLine: j.line,
              startColumn: j.column,
              endLine: j.endLine,
              endColumn: j.endColumn,
            },
          },
        },
      ],
    };
  });
  const log: Log = {
    version: "2.1.0",
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    runs: [
      {
        tool: {
          driver: {
            name: PRODUCT.name,
            version: PRODUCT.version,
            semanticVersion: PRODUCT.version,
            informationUri: PRODUCT.repository,
            rules: descriptors,
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: directoryUri(options.root) } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
