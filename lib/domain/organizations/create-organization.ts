import "server-only";
import { db } from "../../db";
import { newId } from "../../ids";
import type { RequestContext } from "../../auth/context";
import { authorizeAccount } from "../../auth/authorize";
import { ORG_ADMIN } from "../../auth/permissions";
import type { OrganizationCreateInput, OrganizationOutput } from "../../schemas/organizations";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { organizationSelect, toOrganizationOutput } from "./organization-output";
import type { Tx } from "../../prisma-client";

/** Creates the organization inside `tx`; the owner becomes its org admin. Used by sign-up and the CLI too. */
export async function insertOrganization(tx: Tx, ownerId: string, input: OrganizationCreateInput) {
  const id = newId("org");
  await tx.organization.create({
    data: {
      id,
      title: input.title,
      logoDataUri: input.logo_data_uri,
      ownerId,
      members: { create: { userId: ownerId, roles: [ORG_ADMIN] } },
      preferences: { create: {} },
    },
  });
  return tx.organization.findUniqueOrThrow({ where: { id }, select: organizationSelect });
}

/** POST /organizations: any signed-in user may create one and becomes its owner (a token only when unscoped and FULL). */
export async function createOrganization(ctx: RequestContext, input: OrganizationCreateInput): Promise<OrganizationOutput> {
  authorizeAccount(ctx, "create:Organization");
  const prisma = await db();
  const row = await prisma.$transaction(async (tx) => {
    const org = await insertOrganization(tx, ctx.caller.userId, input);
    await writeAuditEntry(tx, ctx, {
      organizationId: org.id,
      action: "organization.create",
      resource: `organizations/${org.id}`,
      changes: { after: { title: org.title } },
    });
    return org;
  });
  return toOrganizationOutput(row);
}
