import type { ReactNode } from "react";
import Link from "next/link";
import { getOrganization } from "@/lib/domain/organizations/get-organization";
import { listMyOrganizations } from "@/lib/domain/organizations/list-my-organizations";
import { UserMenu } from "@/components/user-menu";
import { ListOrganizationAuditLogs } from "@/lib/operations/audit";
import { gate } from "@/lib/operations/gates";
import { ListOutboxMails } from "@/lib/operations/invitations";
import { GetOrganization } from "@/lib/operations/organizations";
import { AddOrganizationUser } from "@/lib/operations/members";
import { CreateWorkspace } from "@/lib/operations/workspaces";
import { CommandPalette, type PaletteCommand } from "./_components/command-palette";
import { requireConsoleOrg } from "./_lib/console-org";
import { OrgNav } from "./_components/org-nav";
import { OrgSwitcher } from "./_components/org-switcher";
import { RememberOrg } from "./_components/remember-org";
import { LogoMark } from "@/components/logo-mark";
import { ThemeToggle } from "@/components/theme-toggle";
import { isEmailVerified } from "@/lib/domain/users/verify-email";
import { VerifyEmailBanner } from "./_components/verify-email-banner";
import { pendingInvitationsOf } from "@/app/_lib/pending-invitations";
import { DisplayPreferencesProvider } from "@/components/display-preferences";
import { getDisplayPreferences } from "@/lib/domain/preferences/get-display-preferences";

export const dynamic = "force-dynamic";

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { ctx, access } = await requireConsoleOrg(org, `/o/${org}/workspaces`);
  const [current, mine, verified, display, invitations] = await Promise.all([
    getOrganization(access),
    listMyOrganizations(ctx, { page_size: "100" }),
    isEmailVerified(ctx),
    getDisplayPreferences(access),
    pendingInvitationsOf(ctx),
  ]);
  const orgs = mine.user_organizations.map((o) => ({ id: o.organization_id, title: o.title }));
  if (!orgs.some((o) => o.id === current.organization_id)) orgs.unshift({ id: current.organization_id, title: current.title });
  const { displayName, email } = ctx.caller;
  const canReadSettings = gate(access, GetOrganization).can;
  const canReadActivity = gate(access, ListOrganizationAuditLogs).can;
  const canReadMail = gate(access, ListOutboxMails).can;
  const base = `/o/${current.organization_id}`;
  const pages: PaletteCommand[] = [
    { label: "Workspaces", href: `${base}/workspaces` },
    ...(canReadActivity ? [{ label: "Activity", href: `${base}/activity`, keywords: ["audit log"] }] : []),
    ...(canReadSettings ? [{ label: "Organization settings", href: `${base}/settings`, keywords: ["members", "preferences", "owner"] }] : []),
    ...(canReadMail ? [{ label: "Mail", href: `${base}/mail`, keywords: ["outbox"] }] : []),
    { label: "Access tokens", href: "/settings/tokens", keywords: ["api", "token"] },
    { label: "All organizations", href: "/?home", keywords: ["switch", "deleted", "restore"] },
  ];
  // Only what the caller may do here; the server refuses the rest anyway.
  const actions: PaletteCommand[] = [
    ...(gate(access, CreateWorkspace).can
      ? [
          { label: "New workspace…", href: `${base}/workspaces?dialog=new`, keywords: ["create"] },
          { label: "Bulk provision workspaces…", href: `${base}/workspaces?dialog=bulk`, keywords: ["csv", "import"] },
        ]
      : []),
    ...(gate(access, AddOrganizationUser).can ? [{ label: "Add an organization member…", href: `${base}/settings`, keywords: ["invite", "people"] }] : []),
    { label: "Create an access token…", href: "/settings/tokens", keywords: ["api"] },
    { label: "Create an organization…", href: "/?new", keywords: ["new"] },
  ];

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-surface px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 sm:gap-3 sm:px-6">
          <Link href="/" className="flex shrink-0 items-center gap-2 rounded-md font-semibold" aria-label="Workspace Admin home">
            <LogoMark size="sm" />
            <span className="hidden md:inline">Workspace Admin</span>
          </Link>
          <span aria-hidden="true" className="text-border-strong">
            /
          </span>
          <OrgSwitcher current={{ id: current.organization_id, title: current.title }} orgs={orgs} invitations={invitations} />
          <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-3">
            <CommandPalette org={current.organization_id} pages={pages} actions={actions} />
            <ThemeToggle />
            <UserMenu displayName={displayName} email={email} />
          </div>
        </div>
        <div className="mx-auto max-w-7xl px-4 sm:px-6">
          <OrgNav
            org={current.organization_id}
            canReadSettings={canReadSettings}
            canReadActivity={canReadActivity}
            canReadMail={canReadMail}
          />
        </div>
      </header>
      {verified ? null : <VerifyEmailBanner email={email} />}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 outline-none sm:px-6 sm:py-8">
        <DisplayPreferencesProvider value={display}>{children}</DisplayPreferencesProvider>
      </main>
      <RememberOrg orgId={current.organization_id} />
    </div>
  );
}
