import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import { invalidArgument } from "../../api/errors";
import type { OrganizationOutput, OrganizationUpdateInput } from "../../schemas/organizations";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { organizationSelect, toOrganizationOutput } from "./organization-output";

// A logo is up to 256 KiB of base64: the audit log records that it changed, not the image.
const logoSummary = (uri: string) => (uri === "" ? "" : `(image, ${uri.length} characters)`);

/** PATCH /organizations/{org}: `title` and `logo_data_uri`, as the update mask (or the body) says. */
export async function updateOrganization(
  ctx: RequestContext,
  access: OrgAccess,
  input: OrganizationUpdateInput,
  paths: ReadonlySet<string>,
): Promise<OrganizationOutput> {
  const data: { title?: string; logoDataUri?: string } = {};
  if (paths.has("title")) {
    if (input.title === undefined) throw invalidArgument("title", "title is required");
    data.title = input.title;
  }
  if (paths.has("logo_data_uri")) data.logoDataUri = input.logo_data_uri ?? "";

  const prisma = await db();
  const row = await prisma.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: access.organizationId }, select: { title: true, logoDataUri: true } });
    const changed = (data.title !== undefined && data.title !== before.title) || (data.logoDataUri !== undefined && data.logoDataUri !== before.logoDataUri);
    if (!changed) return tx.organization.findUniqueOrThrow({ where: { id: access.organizationId }, select: organizationSelect });
    const after = await tx.organization.update({ where: { id: access.organizationId }, data, select: organizationSelect });
    await writeAuditEntry(tx, ctx, {
      organizationId: access.organizationId,
      action: "organization.update",
      resource: `organizations/${access.organizationId}`,
      changes: {
        before: { ...(data.title !== undefined ? { title: before.title } : {}), ...(data.logoDataUri !== undefined ? { logo_data_uri: logoSummary(before.logoDataUri) } : {}) },
        after: { ...(data.title !== undefined ? { title: after.title } : {}), ...(data.logoDataUri !== undefined ? { logo_data_uri: logoSummary(after.logoDataUri) } : {}) },
      },
    });
    return after;
  });
  return toOrganizationOutput(row);
}
