import { ApiError } from "../../api/errors";
import { etagsMatch, versionEtag, type EtagPreconditions } from "../../api/etag";

export function assertEtag(preconditions: EtagPreconditions, version: number, name: string): void {
  if (etagsMatch(preconditions, version)) return;
  throw new ApiError("ABORTED", `Role ${name} was changed since it was read (its etag is now ${versionEtag(version)}); read it again.`, {
    reason: "ETAG_MISMATCH",
    metadata: { etag: versionEtag(version) },
  });
}
