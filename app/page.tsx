import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { parseWith } from "@/lib/api/http";
import { userAction } from "@/lib/auth/action";
import { consoleContext } from "@/lib/auth/session";
import { LAST_ORG_COOKIE } from "@/lib/console/last-org";
import { createOrganization } from "@/lib/domain/organizations/create-organization";
import { listMyOrganizations } from "@/lib/domain/organizations/list-my-organizations";
import { OrganizationCreateInput } from "@/lib/schemas/organizations";
import { CreateOrganizationForm, type CreateOrganizationState } from "@/components/create-organization-form";
import { SignOutButton } from "@/components/sign-out-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organizations" };

async function createOrganizationAction(_state: CreateOrganizationState, form: FormData): Promise<CreateOrganizationState> {
  "use server";
  const title = form.get("title");
  const result = await userAction((ctx) =>
    createOrganization(ctx, parseWith(OrganizationCreateInput, { title: typeof title === "string" ? title : "" })),
  );
  // redirect() throws, so it must run outside the action wrapper's error handling.
  if (result.ok) redirect(`/o/${result.data.organization_id}/workspaces`);
  return result;
}

export default async function Home({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await consoleContext();
  if (!ctx) redirect("/login");
  const wantsNew = (await searchParams).new !== undefined;

  const { user_organizations: orgs } = await listMyOrganizations(ctx, { page_size: "1000" });
  if (orgs.length > 0 && !wantsNew) {
    const last = (await cookies()).get(LAST_ORG_COOKIE)?.value;
    const target = orgs.find((o) => o.organization_id === last) ?? orgs[0];
    redirect(`/o/${target.organization_id}/workspaces`);
  }

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-md">
        <div className="rounded-xl border border-border bg-surface p-6 shadow-sm sm:p-8">
          <h1 className="text-xl font-semibold tracking-tight">
            {orgs.length === 0 ? "Create your first organization" : "Create an organization"}
          </h1>
          <p className="mt-2 text-sm text-muted">
            {orgs.length === 0
              ? "You are not a member of any organization yet. Create one to start adding workspaces, or ask an administrator to add you to theirs."
              : "An organization holds workspaces and the people who work in them. You become its owner and administrator."}
          </p>
          <div className="mt-6">
            <CreateOrganizationForm action={createOrganizationAction} />
          </div>
        </div>
        <div className="mt-4 flex items-center justify-between gap-4 text-sm text-muted">
          <span className="truncate">
            Signed in as <span className="font-medium text-fg">{ctx.caller.email}</span>
          </span>
          {orgs.length > 0 ? (
            <Link href="/" className="text-link underline-offset-2 hover:underline">
              Back to my organizations
            </Link>
          ) : (
            <SignOutButton />
          )}
        </div>
      </div>
    </main>
  );
}
