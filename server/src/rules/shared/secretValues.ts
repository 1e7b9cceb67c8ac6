/**
 * Whether a literal under a secret name is a credential. The name alone is not enough: empty
 * values, masks, template references, URLs, paths, identifiers and header names sit under such
 * names all the time. Obvious placeholders are reported at the lowest severity, not dropped.
 */

export type SecretValueClass = "secret" | "placeholder" | "ignore";

/** Whole-value template references: `${X}`, `$X`, `{{ x }}`, `$(X)`, `%(x)s`, `{x}`, `%s`. */
const TEMPLATE =
  /\$\{\{|\$\([A-Za-z_][\w.-]*\)|%\([\w.-]+\)[sdr]|%[sd]|^\{[\w.-]*\}$|^\$\$?[A-Za-z_]\w*$/;
/** Delimited references, `${…}`, `{{…}}`, `#{…}`, `<%…%>`: checked by `enclosed`. */
const DELIMITERS: Array<[string, string]> = [
  ["${", "}"],
  ["{{", "}}"],
  ["#{", "}"],
  ["<%", "%>"],
];

/**
 * Whether `open`, then anything but the first character of `close`, then `close` occurs in a
 * text. A regular expression (`/\{\{[^}]*\}\}/`) rescans the rest of the text from every `open`.
 */
function enclosed(text: string, open: string, close: string): boolean {
  let at = text.indexOf(open);
  while (at >= 0) {
    const stop = text.indexOf(close[0], at + open.length);
    if (stop < 0) return false;
    if (text.startsWith(close, stop)) return true;
    // Every `open` before this one's stop ends at the same stop.
    at = text.indexOf(open, stop - open.length + 1);
  }
  return false;
}

const TOKEN_TYPES = /^(bearer|basic|token|jwt|digest|mac|negotiate|hoba|apikey|api-key)$/i;

/** Values that configure something rather than authenticate. */
const SETTING_WORDS = new Set(
  (
    "true false yes no none null nil undefined on off required optional disabled enabled " +
    "disable enable strict lax auto default plain md5 sha1 sha256 sha512 scram-sha-256 trust " +
    "peer ident cert env file vault aws gcp azure kms header query cookie body form oauth oauth2 " +
    "jwt hs256 rs256 es256 random generated prompt ask"
  ).split(" "),
);

/** Words that people write where the real value should go. */
const PLACEHOLDER_WORDS = new Set(
  (
    "changeme change_me change-me changethis changeit replaceme replace_me replace-me todo tbd " +
    "fixme example sample dummy fake test testing secret password passwd pass pwd mysecret " +
    "mypassword supersecret topsecret secretpassword admin root postgres mysql guest default " +
    "foo bar baz foobar qwerty letmein welcome abc123 123456 12345678 1234567890 password1 " +
    "password123 s3cr3t p@ssw0rd p@ssword pa55word dev development local localdev token apikey " +
    "api_key api-key key mytoken mykey"
  ).split(" "),
);

const PLACEHOLDER_FRAGMENTS =
  /changeme|change[_-]?me|replace[_-]?(me|this|with)|placeholder|example|dummy|fake|sample|insert[_-]?here|goes[_-]?here|^your[_-]?|^my[_-]?(secret|password|token|key)|redacted|^todo\b|^tbd\b|^n\/?a$/i;

/** `dev_password`, `mysecretpassword`, `test-secret-123`: the word itself, decorated. */
const DECORATED_WORD =
  /^(my|dev|test|testing|local|default|example|sample|some|super|top|the|db|admin|root|user)?[_-]?(secret|password|passwd|pass|pwd|token|key)([_-]?(secret|password|key|123|1234|12345|1|01))?$/i;

/** Classifies the literal value found under a secret name. */
export function classifySecretValue(raw: string): SecretValueClass {
  const value = stripTokenType(raw.trim());
  if (isIgnored(value)) return "ignore";
  if (isPlaceholder(value)) return "placeholder";
  if (isProse(value) || isIdentifier(value)) return "ignore";
  if (/^[A-Za-z]+$/.test(value)) return "placeholder";
  return "secret";
}

/** `Bearer abc…` → `abc…`; a bare token type stays as it is. */
export function stripTokenType(value: string): string {
  const match = /^(bearer|basic|token|digest)\s+(\S.*)$/i.exec(value);
  return match ? match[2] : value;
}

function isIgnored(value: string): boolean {
  if (value.length < 4) return true;
  if (/^[*•·#.\-_x]{3,}$/i.test(value) && /^[*•·#.]/.test(value)) return true;
  if (/^\*{3,}\w{0,4}$|^\w{0,4}\*{3,}$/.test(value)) return true;
  if (isTemplateReference(value)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return true;
  if (isPath(value)) return true;
  if (/^\d{1,5}$/.test(value)) return true;
  if (TOKEN_TYPES.test(value)) return true;
  if (isHeaderName(value)) return true;
  return SETTING_WORDS.has(value.toLowerCase());
}

/** Secrets copied from framework documentation into real apps (express-session's README). */
const DOCUMENTED_SECRETS = new Set(["keyboard cat"]);

/** `Keep this secret`, `Passwort bestätigen`: words and spaces without a digit are text. */
export function isProse(value: string): boolean {
  const text = value.trim();
  return /\s/.test(text) && !/\d/.test(text) && !DOCUMENTED_SECRETS.has(text.toLowerCase());
}

/** Whether a value refers to something else instead of holding a value. */
export function isTemplateReference(value: string): boolean {
  const text = value.trim();
  return TEMPLATE.test(text) || DELIMITERS.some(([open, close]) => enclosed(text, open, close));
}

function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (/^<[^<>]+>$|^\[[^\]]+\]$|^x{3,}$|^\.{3,}$|^(.)\1{5,}$/i.test(value)) return true;
  if (/^(x+[-_])+x+$/i.test(value)) return true;
  if (/EXAMPLE(KEY)?$/.test(value) || DECORATED_WORD.test(value)) return true;
  return PLACEHOLDER_FRAGMENTS.test(value);
}

/** `/run/secrets/db`, `./certs/key.pem`, `shop/prod/payment-gateway`, `C:\keys\a.pfx`. */
function isPath(value: string): boolean {
  if (/\s/.test(value)) return false;
  if (/^(~|\.{1,2})?\/[\w.@~+-]/.test(value) || /^[A-Za-z]:\\/.test(value)) return true;
  if (/\.(pem|key|crt|cer|p12|pfx|json|ya?ml|txt|env|jks|der|pub)$/i.test(value)) return true;
  if (!value.includes("/")) return false;
  return value.split("/").every((segment) => segment === "" || isWordy(segment));
}

/** A segment made of lower-case words, e.g. `payment-gateway`, `v2`, `prod`. */
function isWordy(segment: string): boolean {
  return /^[a-z0-9]+([._-][a-z0-9]+)*$/.test(segment) && !looksRandom(segment);
}

/** `X-Api-Key`, `Authorization`, `X-Auth-Token`. */
function isHeaderName(value: string): boolean {
  return /^X-[A-Za-z]+(-[A-Za-z]+)*$/.test(value) || /^[A-Z][a-z]+(-[A-Z][a-z]+)+$/.test(value);
}

/**
 * Names rather than values: `NextPageToken`, `access_token`, `billing:oauth:access-token`. A
 * digit or a symbol makes a value a credential, so `orchid-lantern-52` still counts.
 */
function isIdentifier(value: string): boolean {
  if (/^[A-Za-z][a-z]+([A-Z][a-z]+)+$/.test(value)) return true;
  return /^[a-z]+([_.:-][a-z]+)+$/.test(value) || /^[A-Z]+(_[A-Z]+)+$/.test(value);
}

/** Mixed letters and digits with few repeats, as generated keys are. */
export function looksRandom(value: string): boolean {
  if (value.length < 8) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((r) => r.test(value)).length;
  const distinct = new Set(value).size;
  return classes >= 2 && /\d/.test(value) && distinct >= Math.min(10, value.length / 2);
}

/**
 * What a message may show of a secret: at most its first four characters, fewer for short
 * values, so the message never gives the secret away.
 */
export function secretPreview(value: string): string {
  const shown = Math.min(4, Math.floor(value.length / 3));
  return shown > 0 ? `${value.slice(0, shown)}…` : "…";
}
