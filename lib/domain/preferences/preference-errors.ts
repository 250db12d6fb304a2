import { ApiError } from "../../api/errors";
import { versionEtag } from "../../api/etag";

export function preferencesEtagMismatch(name: string, current: number): ApiError {
  return new ApiError("ABORTED", `The etag does not match the current version of ${name}; read it again and retry.`, {
    reason: "ETAG_MISMATCH",
    metadata: { resource: name, current_etag: versionEtag(current) },
  });
}

export function concurrentPreferencesChange(name: string): ApiError {
  return new ApiError("ABORTED", `${name} was changed by another request at the same time; retry.`, {
    reason: "CONCURRENT_MODIFICATION",
    metadata: { resource: name },
  });
}
