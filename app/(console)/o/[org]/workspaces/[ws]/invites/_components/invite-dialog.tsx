"use client";

// "Invite people": a pasted list of addresses, each shown validated (and checked against the
// workspace's domain), a role choice, then one request for all of them.

import { useId, useMemo, useState, type FormEvent } from "react";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { inputClass } from "@/components/field";
import type { ActionFailure } from "@/lib/console/action-result";
import { parseEmailList } from "@/lib/console/email-list";
import { MAX_EMAILS_PER_INVITE, type CreateInvitationsOutput } from "@/lib/schemas/invitations";
import type { RoleOutput } from "@/lib/schemas/roles";
import { RoleChecklist } from "../../members/_components/role-checklist";
import { createInvitationsAction } from "../actions";

export interface InviteDialogProps {
  org: string;
  ws: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  roles: RoleOutput[];
  held: ReadonlySet<string>;
  domain: string;
  onDone: (result: CreateInvitationsOutput) => void;
}

export function InviteDialog({ open, onOpenChange, ...rest }: InviteDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open ? (
        <DialogContent
          title="Invite people"
          description={rest.domain ? `Only addresses of ${rest.domain} can be invited to this workspace.` : "Each address gets a mail with a link to join this workspace."}
        >
          <InviteForm {...rest} close={() => onOpenChange(false)} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function InviteForm({ org, ws, roles, held, domain, onDone, close }: Omit<InviteDialogProps, "open" | "onOpenChange"> & { close: () => void }) {
  const uid = useId();
  const [text, setText] = useState("");
  const [selected, setSelected] = useState<string[]>(["workspace-viewer"]);
  const [errors, setErrors] = useState<{ emails?: string; roles?: string }>({});
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, setPending] = useState(false);
  const parsed = useMemo(() => parseEmailList(text, domain), [text, domain]);
  const bad = parsed.filter((p) => p.problem);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const next: typeof errors = {};
    if (parsed.length === 0) next.emails = "Enter at least one email address.";
    else if (bad.length) next.emails = `Fix or remove ${bad.length === 1 ? "the address" : `the ${bad.length} addresses`} marked below.`;
    else if (parsed.length > MAX_EMAILS_PER_INVITE) next.emails = `Invite at most ${MAX_EMAILS_PER_INVITE} people at once.`;
    if (selected.length === 0) next.roles = "Choose at least one role.";
    setErrors(next);
    setFailure(null);
    if (Object.keys(next).length) return;
    setPending(true);
    try {
      const result = await createInvitationsAction({ org, ws }, { emails: parsed.map((p) => p.email), roles: selected });
      if (result.ok) {
        onDone(result.data);
        close();
        return;
      }
      const emailViolations = result.error.fieldViolations.filter((v) => v.field.startsWith("emails"));
      if (emailViolations.length) setErrors({ emails: result.error.message });
      else setFailure(result.error);
    } catch {
      setFailure(UNREACHABLE);
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ActionErrorAlert failure={failure} />
      <div className="space-y-1.5">
        <label htmlFor={`${uid}-emails`} className="block text-sm font-medium">
          Email addresses
        </label>
        <textarea
          id={`${uid}-emails`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={4}
          placeholder="ada@example.com, grace@example.com"
          aria-describedby={`${uid}-emails-help${errors.emails ? ` ${uid}-emails-error` : ""}`}
          aria-invalid={errors.emails ? true : undefined}
          className={inputClass}
          autoFocus
        />
        <p id={`${uid}-emails-help`} className="text-xs text-muted">
          Paste one or many, separated by commas, spaces or lines (up to {MAX_EMAILS_PER_INVITE}).{domain ? ` Addresses must end in @${domain}.` : ""}
        </p>
        {errors.emails ? (
          <p id={`${uid}-emails-error`} className="text-sm text-danger">
            {errors.emails}
          </p>
        ) : null}
        {parsed.length ? (
          <ul aria-label="Addresses to invite" className="max-h-40 space-y-1 overflow-y-auto text-sm">
            {parsed.map((p) => (
              <li key={p.email} className="flex items-center justify-between gap-2">
                <span className="min-w-0 truncate">{p.email}</span>
                <span className={p.problem ? "text-danger" : "text-muted"}>{p.problem || "ok"}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <RoleChecklist legend="Roles" roles={roles} value={selected} onChange={setSelected} held={held} error={errors.roles} />
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={pending}>
          {pending ? (
            <>
              <Spinner />
              Inviting…
            </>
          ) : parsed.length > 1 ? (
            `Invite ${parsed.length} people`
          ) : (
            "Send invitation"
          )}
        </Button>
      </div>
    </form>
  );
}
