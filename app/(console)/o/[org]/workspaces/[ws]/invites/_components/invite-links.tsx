"use client";

// "Copy link": the invitation links just minted by an invite or a resend, shown this once (the
// server keeps only their hashes). Each in a read-only field with a Copy button.

import type { ReactNode } from "react";
import { Button } from "@/components/button";
import { CopyField } from "@/components/copy-field";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import type { MintedLink } from "@/lib/domain/invitations/minted-links";

export function InviteLinks({ links }: { links: MintedLink[] }) {
  if (links.length === 0) return null;
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">
        The mail is on its way. To send {links.length === 1 ? "the link" : "a link"} another way, copy it now: it is shown only this once, and only the invited address can use it.
      </p>
      <ul aria-label="Invitation links" className="max-h-72 space-y-3 overflow-y-auto">
        {links.map((l) => (
          <li key={l.invitation_id}>
            <CopyField label={`Invitation link for ${l.email}`} value={l.link} noun="link" testId="invitation-link" />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A dialog's closing view once invitations went out: what happened, the links, and Done. */
export function SentLinks({ children, links }: { children?: ReactNode; links: MintedLink[] }) {
  return (
    <div className="space-y-4 px-5 py-5">
      {children}
      <InviteLinks links={links} />
      <div className="flex justify-end">
        <DialogClose asChild>
          {/* The view replaced the form (and its focused button): keyboard users land here. */}
          <Button autoFocus>Done</Button>
        </DialogClose>
      </div>
    </div>
  );
}

/** After a resend: the new link, with Done to close. */
export function ResentLinkDialog({ resent, onClose }: { resent: { email: string; links: MintedLink[] } | null; onClose: () => void }) {
  return (
    <Dialog open={resent !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {resent ? (
        <DialogContent title={`Invitation sent again to ${resent.email}`} description="A new link and expiry; the previous link no longer works.">
          <SentLinks links={resent.links} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
