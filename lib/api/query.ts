import { textProblem } from "../schemas/text";
import { invalidArgument } from "./errors";

/** A boolean query parameter: absent/`false`/`0` → false, `true`/`1` → true, anything else rejected. */
export function parseBoolean(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  if (raw == null || raw === "" || raw === "false" || raw === "0") return false;
  if (raw === "true" || raw === "1") return true;
  throw invalidArgument(name, "must be true or false");
}

function decodeComponent(raw: string, field: string, plusIsSpace: boolean): string {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replaceAll("+", " ") : raw);
  } catch {
    // URLSearchParams would turn the broken escape into U+FFFD and the request would go on with
    // text the client never sent.
    throw invalidArgument(field, "is not valid percent-encoded UTF-8", plusIsSpace ? "INVALID_ARGUMENT" : "MALFORMED_PATH");
  }
}

/**
 * The request's query parameters, decoded strictly: a parameter whose percent-encoding is not
 * UTF-8, or whose text fails the text check (control characters, lone surrogates, bidi
 * controls), is INVALID_ARGUMENT naming it. Filters allow tab and newline (whitespace to them).
 */
export function queryOf(req: Request | URL | string): URLSearchParams {
  const url = req instanceof URL ? req : new URL(typeof req === "string" ? req : req.url);
  const out = new URLSearchParams();
  const search = url.search.startsWith("?") ? url.search.slice(1) : url.search;
  if (search === "") return out;
  for (const pair of search.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const name = decodeComponent(rawName, "(query parameter name)", true);
    const nameProblem = textProblem(name);
    if (nameProblem) throw invalidArgument("(query parameter name)", nameProblem);
    const value = decodeComponent(eq < 0 ? "" : pair.slice(eq + 1), name, true);
    const problem = textProblem(value, { multiline: name === "filter" });
    if (problem) throw invalidArgument(name, problem);
    out.append(name, value);
  }
  return out;
}

/**
 * A path parameter as the route sees it, percent-decoded strictly: a lone surrogate or other
 * broken escape (`org_x%ED%A0%80y`) or a control character is INVALID_ARGUMENT naming the
 * parameter, not a URIError that escapes as a 500.
 */
export function decodePathParam(name: string, raw: string): string {
  const value = decodeComponent(raw, name, false);
  const problem = textProblem(value);
  if (problem) throw invalidArgument(name, problem);
  return value;
}

/** Whether a request path's percent-encoding is UTF-8 (proxy.ts and the node edge refuse others). */
export function pathIsDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
