// What an answer may show of a configuration: secret values masked as "********" plus, for a
// value long enough that four characters give little away, its last four (as Stripe and GitHub
// show the end of a key so its owner can tell keys apart).

export const MASK = "********";
const SHOW_TAIL_FROM = 12;
// A field is secret when any word of its name says so (`client_secret`, `private_key_id`), or its
// last word names a secret thing (`refresh_token`, `api_key`), but not `token_url` or `key_format`.
const SECRET_ANYWHERE = new Set(["secret", "secrets", "password", "passwd", "passphrase", "private", "pwd"]);
const SECRET_LAST = new Set(["token", "key", "apikey", "credential", "credentials", "assertion", "signature"]);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function isSecretName(name: string): boolean {
  const w = words(name);
  return w.some((x) => SECRET_ANYWHERE.has(x)) || (w.length > 0 && SECRET_LAST.has(w[w.length - 1]));
}

export function maskSecret(value: unknown): string {
  if (typeof value !== "string") return MASK;
  const chars = [...value];
  return chars.length >= SHOW_TAIL_FROM ? MASK + chars.slice(-4).join("") : MASK;
}

/** A copy of the configuration with every secret-named value (at any depth) masked. */
export function maskConfiguration(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskConfiguration);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretName(k) ? maskSecret(v) : maskConfiguration(v)]));
  }
  return value;
}
