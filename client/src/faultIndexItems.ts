/** The rows of the fault-index view. Each row is its own tree item and knows its children. */
import { posix } from "node:path";

import * as vscode from "vscode";

import type { Category, Locale, Localized, Severity } from "../../server/src/engine/types";
import { formatFactors } from "../../server/src/handbook/factors";
import { pick } from "../../server/src/handbook/localized";
import type { FaultCategory, FaultFinding } from "../../server/src/protocol";

export type FaultIndexItem = CategoryItem | SectionItem | TextItem | FindingItem;

const CATEGORY_ICONS: Record<Category, string> = {
  startup: "rocket",
  "data-loss": "database",
  parity: "server-environment",
  performance: "dashboard",
  security: "shield",
  scaling: "layers",
};

const SEVERITY_ICONS: Record<Severity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon("error", new vscode.ThemeColor("problemsErrorIcon.foreground")),
  warning: new vscode.ThemeIcon("warning", new vscode.ThemeColor("problemsWarningIcon.foreground")),
  info: new vscode.ThemeIcon("info", new vscode.ThemeColor("problemsInfoIcon.foreground")),
  hint: new vscode.ThemeIcon("lightbulb"),
};

type SectionKind = "symptoms" | "causes" | "checklist" | "findings";

/** Inline code marks read as noise in a tree row. */
function plain(text: Localized, locale: Locale): string {
  return pick(text, locale).replace(/`/g, "");
}

export class CategoryItem extends vscode.TreeItem {
  constructor(
    readonly category: FaultCategory,
    readonly locale: Locale,
  ) {
    const count = category.findings.length;
    const label = `${pick(category.title, locale)} (${count})`;
    const factors = formatFactors(category.factors, locale);

    super(label, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `category:${category.id}`;
    this.contextValue = "faultCategory";
    this.description = factors;
    this.tooltip = symptomsTooltip(category, locale);
    this.accessibilityInformation = { label: `${label}, ${factors}` };
    this.iconPath = categoryIcon(category.id, count);
  }

  children(): SectionItem[] {
    const kinds: SectionKind[] = ["symptoms", "causes", "checklist", "findings"];

    return kinds.map((kind) => new SectionItem(this.category, kind, this.locale));
  }
}

function categoryIcon(id: Category, findings: number): vscode.ThemeIcon {
  const color = findings > 0 ? new vscode.ThemeColor("problemsWarningIcon.foreground") : undefined;

  return new vscode.ThemeIcon(CATEGORY_ICONS[id], color);
}

function symptomsTooltip(category: FaultCategory, locale: Locale): string {
  const lines = category.symptoms.map((symptom) => `• ${plain(symptom, locale)}`);

  return [vscode.l10n.t("Symptoms"), ...lines].join("\n");
}

export class SectionItem extends vscode.TreeItem {
  constructor(
    readonly category: FaultCategory,
    readonly kind: SectionKind,
    readonly locale: Locale,
  ) {
    super(sectionLabel(kind, category.findings.length), sectionState(kind, category));
    this.id = `category:${category.id}/${kind}`;
    this.contextValue = `faultSection.${kind}`;
    this.iconPath = new vscode.ThemeIcon(SECTION_ICONS[kind]);
  }

  children(): (TextItem | FindingItem)[] {
    const { category, locale } = this;

    switch (this.kind) {
      case "symptoms":
        return category.symptoms.map((text) => new TextItem(plain(text, locale), "pulse"));
      case "causes":
        return category.causes.map((text) => new TextItem(plain(text, locale), "search"));
      case "checklist":
        return category.checklist.map((text) => new TextItem(plain(text, locale), "check"));
      case "findings":
        return category.findings.map((finding) => new FindingItem(finding, locale));
    }
  }
}

const SECTION_ICONS: Record<SectionKind, string> = {
  symptoms: "pulse",
  causes: "search",
  checklist: "checklist",
  findings: "list-unordered",
};

function sectionLabel(kind: SectionKind, findings: number): string {
  switch (kind) {
    case "symptoms":
      return vscode.l10n.t("Symptoms");
    case "causes":
      return vscode.l10n.t("Likely causes");
    case "checklist":
      return vscode.l10n.t("Checklist");
    case "findings":
      return vscode.l10n.t("Findings ({0})", findings);
  }
}

function sectionState(kind: SectionKind, category: FaultCategory): vscode.TreeItemCollapsibleState {
  if (kind !== "findings") {
    return vscode.TreeItemCollapsibleState.Collapsed;
  }
  return category.findings.length > 0
    ? vscode.TreeItemCollapsibleState.Expanded
    : vscode.TreeItemCollapsibleState.None;
}

/** A symptom, cause or checklist entry. */
export class TextItem extends vscode.TreeItem {
  constructor(text: string, icon: string) {
    super(text, vscode.TreeItemCollapsibleState.None);
    this.tooltip = text;
    this.iconPath = new vscode.ThemeIcon(icon);
  }

  children(): [] {
    return [];
  }
}

/** One finding of the workspace; a click opens its location. */
export class FindingItem extends vscode.TreeItem {
  constructor(
    readonly finding: FaultFinding,
    locale: Locale,
  ) {
    const uri = vscode.Uri.parse(finding.uri);
    const position = new vscode.Position(finding.line, finding.character);
    const message = pick(finding.message, locale);
    const line = finding.line + 1;

    super(message, vscode.TreeItemCollapsibleState.None);
    this.contextValue = "faultFinding";
    this.description = `${posix.basename(uri.path)}:${line}`;
    this.tooltip = `${finding.rule} · ${vscode.workspace.asRelativePath(uri)}:${line}\n${message}`;
    this.accessibilityInformation = { label: `${message}, ${this.description}` };
    this.iconPath = SEVERITY_ICONS[finding.severity];
    this.command = openCommand(uri, new vscode.Range(position, position));
  }

  children(): [] {
    return [];
  }
}

function openCommand(uri: vscode.Uri, selection: vscode.Range): vscode.Command {
  const options: vscode.TextDocumentShowOptions = { selection };

  return { command: "vscode.open", title: vscode.l10n.t("Open"), arguments: [uri, options] };
}
