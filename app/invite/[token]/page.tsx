import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth-card";
import { SignOutButton } from "@/components/sign-out-button";
import { ApiError } from "@/lib/api/errors";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { consoleContext } from "@/lib/auth/session";
import { normalizeEmail } from "@/lib/schemas/common";
import type { InvitationPreviewOutput } from "@/lib/schemas/invitations";
import { previewInvitation } from "@/lib/domain/invitations/preview-invitation";
import { InviteResponse } from "./invite-response";
import { InviteSignUpForm } from "./invite-signup-form";

export const dynamic = "force-dynamic";
// The token is in the URL: never send it on to another site as a referrer.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const CLOSED: Record<Exclude<InvitationPreviewOutput["state"], "PENDING">, { title: string; body: string }> = {
  EXPIRED: { title: "This invitation has expired", body: "Ask the person who invited you to send a new one." },
  REVOKED: { title: "This invitation was withdrawn", body: "It was revoked by an administrator. Ask them if you still need access." },
  ACCEPTED: { title: "This invitation was already used", body: "An invitation link works once. If it was you, sign in to reach the workspace." },
  DECLINED: { title: "This invitation was declined", body: "Ask the person who invited you to send a new one if you changed your mind." },
};

function Closed({ title, body }: { title: string; body: string }) {
  return (
    <AuthCard title={title} footer={<Link href="/login" className="font-medium text-link underline-offset-2 hover:underline">Go to sign in</Link>}>
      <p className="text-sm">{body}</p>
    </AuthCard>
  );
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let preview: InvitationPreviewOutput;
  try {
    preview = await previewInvitation(token);
  } catch (error) {
    if (error instanceof ApiError && error.code === "NOT_FOUND") {
      return <Closed title="This invitation link is not valid" body="It may have been replaced by a newer invitation: use the link of the most recent mail, or ask for a new one." />;
    }
    throw error;
  }
  if (preview.state !== "PENDING") return <Closed {...CLOSED[preview.state]} />;
  if (!preview.workspace_active) return <Closed title="This workspace is not available" body="The workspace of this invitation is disabled or deleted right now, so the invitation cannot be accepted." />;

  const ctx = await consoleContext();
  const target = preview.workspace_display_name ? `the workspace ${preview.workspace_display_name} of ${preview.organization_display_name}` : preview.organization_display_name;
  const expires = new Date(preview.expire_time).toUTCString();
  const summary = (
    <dl className="mb-5 space-y-2 text-sm">
      <div>
        <dt className="text-muted">Invited by</dt>
        <dd className="font-medium">{preview.inviter_display_name || "An administrator"}</dd>
      </div>
      <div>
        <dt className="text-muted">Role</dt>
        <dd className="font-medium">{preview.role_titles.join(", ")}</dd>
      </div>
      <div>
        <dt className="text-muted">For</dt>
        <dd className="font-medium break-all">{preview.email}</dd>
      </div>
      <div>
        <dt className="text-muted">Expires</dt>
        <dd>{expires}</dd>
      </div>
    </dl>
  );

  if (ctx && normalizeEmail(ctx.caller.email) !== normalizeEmail(preview.email)) {
    return (
      <AuthCard title={`Join ${target}`}>
        {summary}
        <div role="alert" className="space-y-3 text-sm">
          <p>
            You are signed in as <span className="font-medium break-all">{ctx.caller.email}</span>, but this invitation is for another address. Sign out, then open the link
            again and sign in (or sign up) with the invited address.
          </p>
          <SignOutButton variant="secondary" />
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={`Join ${target}`} subtitle={ctx ? undefined : "Create your account to accept, or sign in if you already have one."}>
      {summary}
      {ctx ? <InviteResponse token={token} /> : <InviteSignUpForm token={token} email={preview.email} minPasswordLength={MIN_PASSWORD_LENGTH} />}
    </AuthCard>
  );
}
