// The organization a user last opened, remembered in a cookie so `/` can return there.
// It is only a preference: `/` checks it against the user's memberships before following it.

export const LAST_ORG_COOKIE = "wsa_last_org";

export function rememberOrganization(orgId: string): void {
  document.cookie = `${LAST_ORG_COOKIE}=${encodeURIComponent(orgId)}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
}
