import "server-only";
import { db } from "../../db";
import { etagsMatch, type EtagPreconditions } from "../../api/etag";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import {
  type OrganizationPreferencesOutput,
  type OrganizationPreferencesUpdateInput,
} from "../../schemas/preferences";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { diffGeneral, plannedGeneral } from "./general-changes";
import { concurrentPreferencesChange, preferencesEtagMismatch } from "./preference-errors";
import { organizationPreferencesName, organizationPreferencesSelect, toOrganizationPreferencesOutput } from "./preferences-output";

export interface UpdateOrganizationPreferencesRequest {
  input: OrganizationPreferencesUpdateInput;
  paths: ReadonlySet<string>;
  preconditions: EtagPreconditions;
}

/**
 * PATCH /organizations/{org}/preferences: the defaults every workspace inherits. One UPDATE of
 * the organization's row; workspaces resolve against it when read, so each inheriting workspace
 * sees the new value at once and none is written.
 */
export async function updateOrganizationPreferences(
  ctx: RequestContext,
  access: OrgAccess,
  request: UpdateOrganizationPreferencesRequest,
): Promise<OrganizationPreferencesOutput> {
  const { paths, preconditions } = request;
  const planned = plannedGeneral(paths, request.input.general);
  const organizationId = access.organizationId;
  const name = organizationPreferencesName(organizationId);

  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await tx.organizationPreferences.upsert({ where: { organizationId }, create: { organizationId }, update: {} });
    const row = await tx.organizationPreferences.findUniqueOrThrow({ where: { organizationId }, select: organizationPreferencesSelect });
    if (!etagsMatch(preconditions, row.version)) throw preferencesEtagMismatch(name, row.version);
    const general = diffGeneral(row, planned);
    const data: Record<string, unknown> = { ...general.data };
    const before = { ...general.before };
    const after = { ...general.after };
    if (paths.has("members_can_create_workspaces")) {
      const next = request.input.members_can_create_workspaces ?? true;
      if (next !== row.membersCanCreateWorkspaces) {
        data.membersCanCreateWorkspaces = next;
        before.members_can_create_workspaces = row.membersCanCreateWorkspaces;
        after.members_can_create_workspaces = next;
      }
    }
    if (Object.keys(data).length === 0) return toOrganizationPreferencesOutput(organizationId, row);
    const written = await tx.organizationPreferences.updateMany({
      where: { organizationId, version: row.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (written.count !== 1) throw concurrentPreferencesChange(name);
    await writeAuditEntry(tx, ctx, { organizationId, action: "organization_preferences.update", resource: name, changes: { before, after } });
    const updated = await tx.organizationPreferences.findUniqueOrThrow({ where: { organizationId }, select: organizationPreferencesSelect });
    return toOrganizationPreferencesOutput(organizationId, updated);
  });
}
