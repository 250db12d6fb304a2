import "server-only";
import { db } from "../../db";
import { notFound } from "../../api/errors";
import type { OrgAccess } from "../../auth/authorize";
import type { OrganizationOutput } from "../../schemas/organizations";
import { organizationSelect, toOrganizationOutput } from "./organization-output";

/** Kognitos GetOrganization. `access` proves the caller may read it. */
export async function getOrganization(access: OrgAccess): Promise<OrganizationOutput> {
  const prisma = await db();
  const row = await prisma.organization.findUnique({ where: { id: access.organizationId }, select: organizationSelect });
  if (!row) throw notFound("Organization", `organizations/${access.organizationId}`);
  return toOrganizationOutput(row);
}
