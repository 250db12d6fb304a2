import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { RequestContext } from "@/lib/auth/context";
import { consoleContext } from "@/lib/auth/session";
import { loginUrl } from "@/lib/console/callback-url";
import { listTokens } from "@/lib/domain/tokens/list-tokens";
import { listMyOrganizations } from "@/lib/domain/organizations/list-my-organizations";
import { TokensView } from "./_components/tokens-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Access tokens" };

async function firstPaint(ctx: RequestContext) {
  const [tokens, orgs] = await Promise.all([listTokens(ctx, { page_size: "100" }), listMyOrganizations(ctx, { page_size: "1000" })]);
  return { tokens, organizations: orgs.user_organizations.map((o) => ({ id: o.organization_id, title: o.title })), fetchedAt: Date.now() };
}

export default async function TokensPage() {
  const ctx = await consoleContext();
  if (!ctx) redirect(loginUrl("/settings/tokens"));
  const first = await firstPaint(ctx);
  return <TokensView initialTokens={first.tokens} organizations={first.organizations} renderedAt={first.fetchedAt} />;
}
