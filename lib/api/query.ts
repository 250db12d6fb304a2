import { invalidArgument } from "./errors";

/** A boolean query parameter: absent/`false`/`0` → false, `true`/`1` → true, anything else rejected. */
export function parseBoolean(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  if (raw == null || raw === "" || raw === "false" || raw === "0") return false;
  if (raw === "true" || raw === "1") return true;
  throw invalidArgument(name, "must be true or false");
}
