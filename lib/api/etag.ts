// AIP-154 etags for resources versioned by an integer column: `W/"<version>"` on the wire.
// A request may state its precondition in the body (`etag`), the `If-Match` header, or (DELETE
// has no body by custom) the `etag` query parameter; every one given must hold.

import { invalidArgument } from "./errors";

export const versionEtag = (version: number) => `W/"${version}"`;

/** The version an etag names, or `"*"` (If-Match: any current version). */
export type EtagVersion = number | "*";

const ETAG = /^(?:W\/)?"(\d{1,9})"$/;

function parseOne(text: string, field: string): EtagVersion {
  const value = text.trim();
  if (value === "*") return "*";
  const m = ETAG.exec(value);
  if (!m) throw invalidArgument(field, `'${value.slice(0, 64)}' is not an etag such as W/"3"`, "INVALID_ETAG");
  return Number(m[1]);
}

/** Parses one etag value, or an If-Match list (`W/"3", W/"4"`): any of them may match. */
export function parseEtagList(text: string, field: string): EtagVersion[] {
  const parts = text.split(",").map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw invalidArgument(field, "is empty", "INVALID_ETAG");
  return parts.map((p) => parseOne(p, field));
}

/**
 * The preconditions a request states. Each entry is a set of acceptable versions; the request
 * may proceed only if the current version satisfies every entry.
 */
export type EtagPreconditions = EtagVersion[][];

export function etagPreconditions(sources: { body?: string | null; ifMatch?: string | null; query?: string | null }): EtagPreconditions {
  const out: EtagPreconditions = [];
  if (sources.body != null && sources.body !== "") out.push(parseEtagList(sources.body, "etag"));
  if (sources.ifMatch != null) out.push(parseEtagList(sources.ifMatch, "If-Match"));
  if (sources.query != null && sources.query !== "") out.push(parseEtagList(sources.query, "etag"));
  return out;
}

export function etagsMatch(preconditions: EtagPreconditions, version: number): boolean {
  return preconditions.every((accepted) => accepted.some((v) => v === "*" || v === version));
}

