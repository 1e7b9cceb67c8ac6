import type { Localized } from "../../engine/types";

/**
 * Credentials whose shape gives them away wherever they sit: cloud access key ids, private key
 * blocks and vendor tokens with fixed prefixes. Lock-file integrity hashes and checksums never
 * match, and documented example keys are skipped.
 */

export interface KnownFormat {
  id: string;
  label: Localized;
  /** The variable a fix reads the value from when nothing names it. */
  envName: string;
  pattern: RegExp;
}

/** Boundaries: not inside a longer run of key characters (base64 included). */
const B = "(?<![A-Za-z0-9+/_-])";
const E = "(?![A-Za-z0-9+/=_-])";

export const KNOWN_FORMATS: readonly KnownFormat[] = [
  {
    id: "aws-access-key-id",
    label: { en: "AWS access key id", zh: "AWS 访问密钥 ID" },
    envName: "AWS_ACCESS_KEY_ID",
    pattern: new RegExp(`${B}(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}${E}`, "g"),
  },
  {
    id: "private-key",
    label: { en: "private key", zh: "私钥" },
    envName: "PRIVATE_KEY",
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g,
  },
  {
    id: "github-token",
    label: { en: "GitHub token", zh: "GitHub 令牌" },
    envName: "GITHUB_TOKEN",
    pattern: new RegExp(`${B}(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})${E}`, "g"),
  },
  {
    id: "gitlab-token",
    label: { en: "GitLab token", zh: "GitLab 令牌" },
    envName: "GITLAB_TOKEN",
    pattern: new RegExp(`${B}glpat-[A-Za-z0-9_-]{20,}${E}`, "g"),
  },
  {
    id: "slack-token",
    label: { en: "Slack token", zh: "Slack 令牌" },
    envName: "SLACK_TOKEN",
    pattern: new RegExp(`${B}xox[baprs]-[A-Za-z0-9-]{10,}${E}`, "g"),
  },
  {
    id: "stripe-live-key",
    label: { en: "Stripe live key", zh: "Stripe 生产环境密钥" },
    envName: "STRIPE_SECRET_KEY",
    pattern: new RegExp(`${B}(?:sk|rk)_live_[A-Za-z0-9]{16,}${E}`, "g"),
  },
  {
    id: "google-api-key",
    label: { en: "Google API key", zh: "Google API 密钥" },
    envName: "GOOGLE_API_KEY",
    pattern: new RegExp(`${B}AIza[0-9A-Za-z_-]{35}${E}`, "g"),
  },
  {
    id: "openai-key",
    label: { en: "OpenAI-style API key", zh: "OpenAI 风格的 API 密钥" },
    envName: "OPENAI_API_KEY",
    pattern: new RegExp(
      `${B}sk-(?:proj-|svcacct-|admin-|ant-[a-z0-9]+-)?[A-Za-z0-9_-]{32,}${E}`,
      "g",
    ),
  },
];

export interface KnownSecret {
  format: KnownFormat;
  /** Offsets in the text searched. */
  start: number;
  end: number;
  value: string;
}

/** Every known-format credential in a text, in order. */
export function findKnownSecrets(text: string): KnownSecret[] {
  const found: KnownSecret[] = [];
  for (const format of KNOWN_FORMATS) {
    for (const match of text.matchAll(format.pattern)) {
      const start = match.index ?? 0;
      const end =
        format.id === "private-key" ? privateKeyEnd(text, start) : start + match[0].length;
      if (end < 0) continue;
      const value = text.slice(start, end);
      if (isExample(format, value) || isChecksum(text, start)) continue;
      found.push({ format, start, end, value });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether a value holds a known-format credential anywhere. */
export function containsKnownSecret(value: string): boolean {
  return findKnownSecrets(value).length > 0;
}

/**
 * Where a private key block ends (its END line, else the end of its base64 body); -1 when the
 * block has no key material (`...`, a documentation stub).
 */
function privateKeyEnd(text: string, start: number): number {
  const header = text.indexOf("-----", start + 11) + 5;
  const footer = /-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g;
  footer.lastIndex = header;
  const match = footer.exec(text);
  const end = match ? match.index + match[0].length : Math.min(text.length, header + 4096);
  const body = text.slice(header, match ? match.index : end).replace(/\\[nr]|[\s"'+,]/g, "");
  return /[A-Za-z0-9+/]{32,}/.test(body) ? end : -1;
}

function isExample(format: KnownFormat, value: string): boolean {
  if (/EXAMPLE/i.test(value)) return true;
  const body = value.replace(/^[a-z]+[_-](?:[a-z]+[_-])?/i, "");
  if (format.id === "private-key") return false;
  if (new Set(body).size <= 6) return true;
  if (format.id === "openai-key")
    return !(/[A-Z]/.test(body) && /[a-z]/.test(body) && /\d/.test(body));
  return false;
}

/** Integrity strings (`sha512-…`) and `--hash=` values hold base64 that may look like a key. */
function isChecksum(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 120), start);
  return /(sha(1|224|256|384|512)|md5)[-:=][A-Za-z0-9+/=]*$/i.test(before);
}

/** What a message may show of a known-format credential: its vendor prefix. */
export function knownSecretPreview(secret: KnownSecret): string {
  return `${secret.value.slice(0, 4)}…`;
}
