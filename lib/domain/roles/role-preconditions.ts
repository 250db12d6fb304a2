import { etagMismatch } from "../../api/errors";
import { etagsMatch, versionEtag, type EtagPreconditions } from "../../api/etag";

/** AIP-154: refuses a role change based on another version than `version`. */
export function assertEtag(preconditions: EtagPreconditions, version: number, name: string): void {
  if (!etagsMatch(preconditions, version)) throw etagMismatch(`Role ${name}`, versionEtag(version));
}
