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
import { QueryProvider } from "@/components/query-provider";
import { isEmailVerified } from "@/lib/domain/users/verify-email";
import { DeletedOrganizations } from "./_components/deleted-organizations";
import { MyInvitations } from "./_components/my-invitations";
import { pendingInvitationsOf } from "./_lib/pending-invitations";

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
  const search = await searchParams;
  const wantsNew = search.new !== undefined;
  // `?home` shows this page even to a member of organizations (deleted ones to restore…).
  const wantsHome = search.home !== undefined;

  const { user_organizations: all } = await listMyOrganizations(ctx, { page_size: "1000" }, { showDeleted: true });
  const orgs = all.filter((o) => !o.delete_time);
  const deleted = all.filter((o) => o.delete_time).map((o) => ({ id: o.organization_id, title: o.title, purgeTime: o.purge_time ?? "" }));
  if (orgs.length > 0 && !wantsNew && !wantsHome) {
    const last = (await cookies()).get(LAST_ORG_COOKIE)?.value;
    const target = orgs.find((o) => o.organization_id === last) ?? orgs[0];
    redirect(`/o/${target.organization_id}/workspaces`);
  }

  const [invitations, verified] = await Promise.all([pendingInvitationsOf(ctx), isEmailVerified(ctx)]);
  // One h1 per page: the list of organizations when it is shown, else the create form.
  const CreateHeading = orgs.length > 0 && wantsHome ? "h2" : "h1";
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-md space-y-4">
        {orgs.length > 0 && wantsHome ? (
          <nav aria-labelledby="my-orgs-heading" className="rounded-xl border border-border bg-surface p-5 shadow-sm">
            <h1 id="my-orgs-heading" className="text-base font-semibold">
              Your organizations
            </h1>
            <ul className="mt-2 space-y-1">
              {orgs.map((o) => (
                <li key={o.organization_id}>
                  <Link href={`/o/${o.organization_id}/workspaces`} className="block truncate rounded-md px-2 py-1.5 text-sm text-link hover:bg-surface-2" title={o.title}>
                    {o.title}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <QueryProvider>
          {invitations.length > 0 ? <MyInvitations invitations={invitations} verified={verified} /> : null}
          {deleted.length > 0 ? <DeletedOrganizations orgs={deleted} /> : null}
        </QueryProvider>
        <div className="rounded-xl border border-border bg-surface p-6 shadow-sm sm:p-8">
          <CreateHeading className="text-xl font-semibold tracking-tight">
            {orgs.length === 0 ? "Create your first organization" : "Create an organization"}
          </CreateHeading>
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
