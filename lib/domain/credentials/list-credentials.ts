import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import { filterOn } from "../../api/filter";
import { planList, type ListParams, type ListSpec } from "../../api/list";
import type { Prisma } from "../../generated/prisma/client";
import type { ListCredentialsOutput } from "../../schemas/credentials";
import { credentialSelect, toCredentialOutput } from "./credential-output";

export const credentialsSpec: ListSpec<Prisma.OAuthCredentialWhereInput> = {
  filter: { name: filterOn.text("name"), actor_type: filterOn.text("actorType") },
  order: {
    create_time: { path: "createdAt", kind: "date" },
    name: { path: "name", kind: "string" },
  },
  defaultOrder: "create_time desc",
  idPath: "id",
};

/** GET …/oauth-credentials (`read:Credential`): newest first, secrets masked. */
export async function listCredentials(_ctx: RequestContext, access: WorkspaceAccess, params: ListParams): Promise<ListCredentialsOutput> {
  const plan = planList(credentialsSpec, params, ["oauth-credentials", access.organizationId, access.workspaceId]);
  const prisma = await db();
  const rows = await prisma.oAuthCredential.findMany({
    where: {
      AND: [
        { workspaceId: access.workspaceId, organizationId: access.organizationId },
        ...(plan.filter ? [plan.filter] : []),
        ...(plan.cursor ? [plan.cursor] : []),
      ],
    },
    orderBy: plan.orderBy,
    take: plan.pageSize + 1,
    select: credentialSelect,
  });
  const page = plan.page(rows);
  return { oauth_credentials: page.items.map(toCredentialOutput), next_page_token: page.nextPageToken };
}
