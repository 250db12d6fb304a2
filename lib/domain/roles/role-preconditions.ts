import { ApiError, invalidArgument } from "../../api/errors";
import { etagPreconditions, etagsMatch, versionEtag, type EtagPreconditions } from "../../api/etag";
import { queryOf } from "../../api/query";

/** The AIP-154 preconditions of a role change: `etag` in the body or query, and If-Match. */
export function rolePreconditions(req: Request, body: Record<string, unknown> = {}): EtagPreconditions {
  const etag = body.etag;
  if (etag !== undefined && etag !== null && typeof etag !== "string") throw invalidArgument("etag", "must be a string such as W/\"3\"", "INVALID_ETAG");
  return etagPreconditions({
    body: etag ?? null,
    ifMatch: req.headers.get("if-match"),
    query: queryOf(req).get("etag"),
  });
}

export function assertEtag(preconditions: EtagPreconditions, version: number, name: string): void {
  if (etagsMatch(preconditions, version)) return;
  throw new ApiError("ABORTED", `Role ${name} was changed since it was read (its etag is now ${versionEtag(version)}); read it again.`, {
    reason: "ETAG_MISMATCH",
    metadata: { etag: versionEtag(version) },
  });
}
