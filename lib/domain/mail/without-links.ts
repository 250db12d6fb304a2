// Mailed links carry single-use tokens (invitation, email verification, password reset) that
// only the recipient may hold. Every copy of a mail other than the one delivered goes through
// here: the outbox row after delivery, and the outbox as organization admins list it.

/** The mail's text with each single-use link's token replaced by a note. */
export function withoutLinks(body: string, note = "link removed after delivery"): string {
  return body.replace(/\/(invite|verify-email|reset-password)\/[A-Za-z0-9_-]{16,}/g, `/$1/[${note}]`);
}
