/**
 * Whether a variable, key, keyword or env name names a credential. Names are compared as whole
 * words after splitting camelCase, snake_case and kebab-case, so `GOPASS_VERSION` or `CC` are not
 * secrets, and words that say the value is about a secret rather than the secret itself
 * (`PASSWORD_MIN_LENGTH`, `TOKEN_URL`, `SECRET_NAME`, `DB_PASSWORD_FILE`) turn the name into
 * metadata.
 */

/** Words that name a credential on their own. */
const SECRET_WORDS = new Set([
  "password",
  "passwd",
  "passphrase",
  "pwd",
  "psw",
  "secret",
  "secrets",
  "token",
  "apikey",
  "credential",
  "credentials",
  "creds",
  "privatekey",
  "secretkey",
  "accesskey",
  "authkey",
  "authorization",
]);

/** Words that a run-together name may end with (`DATABASEPASSWORD`, `accesstoken`). */
const COMPOUND_ENDINGS = [
  "password",
  "passwd",
  "passphrase",
  "secret",
  "token",
  "apikey",
  "privatekey",
  "secretkey",
  "accesskey",
  "credentials",
];

/** `<word> key` pairs that name key material (`API_KEY`, `signingKey`). */
const KEY_QUALIFIERS = new Set([
  "api",
  "private",
  "secret",
  "access",
  "signing",
  "sign",
  "encryption",
  "encrypt",
  "crypt",
  "master",
  "client",
  "app",
  "hmac",
  "jwt",
  "webhook",
  "license",
  "auth",
  "consumer",
  "shared",
  "cipher",
]);

/** Words after the secret word that make the name describe the secret, not hold it. */
const METADATA_WORDS = new Set(
  (
    "field fields url urls uri uris endpoint endpoints path paths file files filename dir dirs " +
    "directory folder name names type types header headers prefix suffix length len min max " +
    "ttl expiry expires expiration lifetime lifespan timeout seconds secs sec ms minutes mins " +
    "hours days age policy policies mode alias version id ids label hint regex pattern format " +
    "count size env var variable param parameter placeholder prompt input column col attr " +
    "attribute location cache enabled enable required strength rotation hash hashed hasher " +
    "algorithm algo alg kind provider ref arn store manager backend class rule rules validator " +
    "validation error message msg text title description help link button view form template " +
    "scope scopes audience issuer interval limit rate retries namespace mount volume source " +
    "encoding charset bytes bits key keys reset"
  ).split(" "),
);

/** Words before the secret word that make it something else (`NextToken`, `PUBLIC_KEY`). */
const NON_SECRET_QUALIFIERS = new Set([
  "next",
  "prev",
  "previous",
  "page",
  "pagination",
  "continuation",
  "cursor",
  "csrf",
  "xsrf",
  "public",
  "is",
  "has",
  "use",
  "enable",
  "require",
  "show",
  "hide",
  "num",
  "min",
  "max",
  "forgot",
  "no",
]);

/** Compound prefixes that are not about a credential (`nexttoken`, `pagetoken`). */
const NON_SECRET_COMPOUND_PREFIXES = ["next", "page", "csrf", "xsrf", "continuation", "cursor"];

/** The words of a name, lower case: `dbPassword` → db, password; `API_KEY_2` → api, key, 2. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/(?<![A-Z])([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const stripDigits = (word: string): string => word.replace(/(?<!\d)\d+$/, "");

/** The index of the word where a credential is named, or -1. */
function secretIndex(words: string[]): number {
  for (let i = 0; i < words.length; i++) {
    const word = stripDigits(words[i]);
    if (SECRET_WORDS.has(word)) {
      if (word === "pwd" && words.length === 1) continue;
      return i;
    }
    if (word === "pass" && i === words.length - 1 && i > 0) return i;
    if (word === "key" && i > 0 && KEY_QUALIFIERS.has(stripDigits(words[i - 1]))) return i - 1;
    if (isSecretCompound(word)) return i;
  }
  return -1;
}

function isSecretCompound(word: string): boolean {
  return COMPOUND_ENDINGS.some(
    (ending) =>
      word.length > ending.length &&
      word.endsWith(ending) &&
      !NON_SECRET_COMPOUND_PREFIXES.some((p) => word === p + ending),
  );
}

/** Whether a name holds a credential (and not data about one). */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  const index = secretIndex(words);
  if (index < 0) return false;
  const before = words.slice(0, index).map(stripDigits);
  if (before.some((w) => NON_SECRET_QUALIFIERS.has(w))) return false;
  const keyPair = words[index + 1] === "key" && KEY_QUALIFIERS.has(stripDigits(words[index]));
  const after = words.slice(index + (keyPair ? 2 : 1)).map(stripDigits);
  return !after.some((w, i) => isMetadata(w, i > 0 ? after[i - 1] : words[index]));
}

/** `TOKEN_KEY` is where a token is stored; `SECRET_ACCESS_KEY` is key material. */
function isMetadata(word: string, previous: string): boolean {
  if (word === "key" || word === "keys") return !KEY_QUALIFIERS.has(stripDigits(previous));
  return METADATA_WORDS.has(word);
}

/** Names that say only "a secret" and read better with what it belongs to (`SESSION_SECRET`). */
const GENERIC = new Set([
  "password",
  "passwd",
  "pwd",
  "pass",
  "psw",
  "secret",
  "token",
  "credentials",
  "creds",
  "passphrase",
  "key",
  "auth",
  "authorization",
]);

export function isGenericSecretName(name: string): boolean {
  const words = nameWords(name);
  return words.length === 1 && GENERIC.has(words[0]);
}

/** A name in UPPER_SNAKE_CASE: `dbPassword` → `DB_PASSWORD`, `DATABASEPASSWORD` stays. */
export function envName(name: string): string {
  const upper = nameWords(name).join("_").toUpperCase();
  return /^[0-9]/.test(upper) ? `_${upper}` : upper || "SECRET";
}

/** Whether a text is already an environment variable name as shells write them. */
export function isEnvName(name: string): boolean {
  return /^[A-Z_][A-Z0-9_]*$/.test(name);
}
