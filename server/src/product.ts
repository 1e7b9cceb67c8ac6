import manifest from "../../package.json";

/** The product's name, version and home, as its manifest states them. */
export const PRODUCT = {
  name: "Twelve-Factor Doctor",
  id: manifest.name,
  version: manifest.version,
  repository: manifest.repository.url.replace(/\.git$/, ""),
};

/** The web address of a rule's documentation page for this version. */
export function ruleDocUrl(id: string): string {
  return `${PRODUCT.repository}/blob/v${PRODUCT.version}/docs/rules/${id}.md`;
}
