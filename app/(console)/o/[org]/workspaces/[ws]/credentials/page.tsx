import type { Metadata } from "next";
import type { WorkspaceAccess } from "@/lib/auth/authorize";
import type { RequestContext } from "@/lib/auth/context";
import { listCredentials } from "@/lib/domain/credentials/list-credentials";
import { CreateOAuthCredential, DeleteOAuthCredential, ListOAuthCredentials, RotateOAuthCredential } from "@/lib/operations/credentials";
import { gate } from "@/lib/operations/gates";
import { ErrorState } from "@/components/states";
import { readOnlyReason, requireWorkspaceTab } from "../_lib/tab-access";
import { CredentialsView } from "./_components/credentials-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Credentials" };

async function firstPaint(ctx: RequestContext, access: WorkspaceAccess) {
  const list = await listCredentials(ctx, access, { page_size: "100" });
  return { list, fetchedAt: Date.now() };
}

export default async function CredentialsPage({ params }: { params: Promise<{ org: string; ws: string }> }) {
  const { org, ws } = await params;
  const { ctx, access } = await requireWorkspaceTab(org, ws);

  const view = gate(access, ListOAuthCredentials);
  if (!view.can) {
    return (
      <ErrorState
        title="You cannot see this workspace's credentials"
        message={`${view.reason} Ask a workspace admin for access.`}
        requestId={ctx.requestId}
      />
    );
  }

  const first = await firstPaint(ctx, access);
  return (
    <CredentialsView
      org={org}
      ws={ws}
      create={gate(access, CreateOAuthCredential)}
      rotate={gate(access, RotateOAuthCredential)}
      remove={gate(access, DeleteOAuthCredential)}
      readOnly={readOnlyReason(access.workspaceState)}
      initial={first.list}
      renderedAt={first.fetchedAt}
    />
  );
}
