// The signed-in user's pending invitations as the console shows them (home page, organization
// switcher): names instead of ids, and where accepting leads.

export interface PendingInvitation {
  id: string;
  organizationId: string;
  organizationTitle: string;
  /** Empty for an invitation to the organization alone. */
  workspaceId: string;
  workspaceTitle: string;
  roleTitles: string[];
  inviter: string;
  expireTime: string;
}

/** Where the invitee lands once the invitation is accepted. */
export function landingOf(accepted: { organization_id: string; workspace_id: string }): string {
  return accepted.workspace_id ? `/o/${accepted.organization_id}/workspaces/${accepted.workspace_id}` : `/o/${accepted.organization_id}/workspaces`;
}

/** "Design in Acme" or "Acme" for an organization-level invitation. */
export function invitationTarget(inv: Pick<PendingInvitation, "organizationTitle" | "workspaceTitle">): string {
  return inv.workspaceTitle ? `${inv.workspaceTitle} in ${inv.organizationTitle}` : inv.organizationTitle;
}

/** The home page's invitations section: where the organization switcher's entries lead. */
export const MY_INVITATIONS_HREF = "/?home#invitations";
