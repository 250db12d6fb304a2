"use client";

import { useState, type ReactNode } from "react";
import type { OrgMemberListQuery } from "@/lib/console/member-list-query";
import type { ListOrganizationUsersOutput, OrganizationOutput } from "@/lib/schemas/organizations";
import { ReasonButton } from "@/components/reason-button";
import { permissionReason } from "@/lib/console/permission-reasons";
import type { OrgRole } from "./member-dialogs";
import { MembersSection } from "./members-section";
import { OrganizationProfileForm } from "./organization-profile-form";
import { TransferOwnershipDialog } from "./transfer-ownership";

export interface OrgSettingsViewProps {
  org: string;
  organization: OrganizationOutput;
  roles: OrgRole[];
  /** The caller's organization-level permissions. */
  permissions: string[];
  caller: { userId: string; email: string };
  initialQuery: OrgMemberListQuery;
  initialMembers: ListOrganizationUsersOutput | null;
  renderedAt: number;
  /** The organization's default-preferences form, rendered by the page. */
  defaultPreferences?: ReactNode;
}

export function OrgSettingsView({ org, organization, roles, permissions, caller, initialQuery, initialMembers, renderedAt, defaultPreferences }: OrgSettingsViewProps) {
  const canEdit = permissions.includes("update:Organization");
  const canManage = permissions.includes("manage:OrganizationMember");
  const isOwner = caller.email === organization.owner_email;
  const owner = organization.owner_display_name ? `${organization.owner_display_name} (${organization.owner_email})` : organization.owner_email;
  const [transferring, setTransferring] = useState(false);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Organization settings</h1>
        <p className="mt-1 text-sm text-muted">
          Owned by <span className="font-medium text-fg" data-testid="org-owner">{owner}</span>
          {isOwner ? " (you)" : ""}.
          {!canEdit && !canManage ? " You can look, but changes need an organization admin." : ""}
        </p>
      </div>

      <section aria-labelledby="general-heading" className="rounded-xl border border-border bg-surface p-4 shadow-sm sm:p-5">
        <h2 id="general-heading" className="mb-4 text-base font-semibold">
          General
        </h2>
        <OrganizationProfileForm org={org} organization={organization} canEdit={canEdit} />
      </section>

      {defaultPreferences}

      <MembersSection
        org={org}
        orgTitle={organization.title}
        ownerEmail={organization.owner_email}
        roles={roles}
        canManage={canManage}
        callerEmail={caller.email}
        initialQuery={initialQuery}
        initialData={initialMembers}
        renderedAt={renderedAt}
      />

      <section aria-labelledby="ownership-heading" className="rounded-xl border border-red-300 bg-surface p-4 shadow-sm sm:p-5 dark:border-red-900">
        <h2 id="ownership-heading" className="text-base font-semibold">
          Transfer ownership
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-muted">
          The owner cannot be removed or lose the Organization Admin role, and is the only one who can hand the organization to another member.
        </p>
        <div className="mt-4">
          <ReasonButton
            variant="secondary"
            reason={isOwner ? (canManage ? undefined : permissionReason("manage:OrganizationMember")) : `Only the owner, ${owner}, can transfer ownership.`}
            onClick={() => setTransferring(true)}
          >
            Transfer ownership…
          </ReasonButton>
        </div>
      </section>

      <TransferOwnershipDialog
        org={org}
        orgTitle={organization.title}
        ownerEmail={organization.owner_email}
        open={transferring}
        onOpenChange={setTransferring}
      />
    </div>
  );
}
