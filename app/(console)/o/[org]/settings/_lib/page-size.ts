/** Pending invitations per page in the organization settings (client-safe). */
export const PENDING_INVITES_PAGE_SIZE = 25;
