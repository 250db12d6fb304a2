// Sessions end when the password changes: the session JWT carries the credential version the
// user had at sign-in, and a session whose version is not the user's current one is refused.
// Sessions issued before versions existed carry none and count as version 1.

export function sessionVersion(claim: unknown): number {
  return typeof claim === "number" && Number.isInteger(claim) && claim > 0 ? claim : 1;
}

export function sessionIsCurrent(sessionClaim: unknown, current: number): boolean {
  return sessionVersion(sessionClaim) === current;
}
