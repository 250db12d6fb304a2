"use client";

// "Invite people": a pasted list of addresses, each shown validated (and checked against the
// workspace's domain), a role choice, then one request for all of them. react-hook-form checks
// the list with the API's own schema (InvitationCreateInput) and puts the server's refusals on
// the field they name. Once sent, the new links are shown this once to copy.

import { useId, useMemo, useState } from "react";
import { Controller, useForm, useWatch, type FieldErrors, type Resolver } from "react-hook-form";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { inputClass } from "@/components/field";
import type { ActionFailure } from "@/lib/console/action-result";
import { parseEmailList } from "@/lib/console/email-list";
import { applyServerErrors, labelMessage } from "@/lib/console/form-errors";
import { InvitationCreateInput, MAX_EMAILS_PER_INVITE, type CreateInvitationsOutput } from "@/lib/schemas/invitations";
import type { RoleOutput } from "@/lib/schemas/roles";
import { RoleChecklist } from "../../members/_components/role-checklist";
import { createInvitationsAction, type WithLinks } from "../actions";
import { SentLinks } from "./invite-links";

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

interface InviteValues {
  /** The pasted text; the list sent is what parseEmailList reads out of it. */
  emails: string;
  roles: string[];
}

const LABELS = { emails: "Email addresses", roles: "Roles" };

/** The form checked as the server will check its request: the list read from the text, through InvitationCreateInput. */
function inviteResolver(domain: string): Resolver<InviteValues> {
  return async (values) => {
    const parsed = parseEmailList(values.emails, domain);
    const bad = parsed.filter((p) => p.problem).length;
    const errors: FieldErrors<InviteValues> = {};
    if (parsed.length === 0) errors.emails = { type: "required", message: "Enter at least one email address." };
    else if (bad) errors.emails = { type: "validate", message: `Fix or remove ${bad === 1 ? "the address" : `the ${bad} addresses`} marked below.` };
    const check = InvitationCreateInput.safeParse({ emails: parsed.map((p) => p.email), roles: values.roles });
    for (const issue of check.success ? [] : check.error.issues) {
      const field = issue.path[0] === "roles" ? "roles" : "emails";
      errors[field] ??= { type: "schema", message: field === "roles" && values.roles.length === 0 ? "Choose at least one role." : labelMessage(issue.message, field, LABELS) };
    }
    return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
  };
}

export function InviteDialog({ open, onOpenChange, ...rest }: InviteDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open ? (
        <DialogContent
          title="Invite people"
          description={rest.domain ? `Only addresses of ${rest.domain} can be invited to this workspace.` : "Each address gets a mail with a link to join this workspace."}
        >
          <InviteForm {...rest} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function InviteForm({ org, ws, roles, held, domain, onDone }: Omit<InviteDialogProps, "open" | "onOpenChange">) {
  const uid = useId();
  const resolver = useMemo(() => inviteResolver(domain), [domain]);
  const form = useForm<InviteValues>({ defaultValues: { emails: "", roles: ["workspace-viewer"] }, resolver });
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [sent, setSent] = useState<WithLinks<CreateInvitationsOutput> | null>(null);
  const text = useWatch({ control: form.control, name: "emails" });
  const parsed = useMemo(() => parseEmailList(text, domain), [text, domain]);
  const emailsError = form.formState.errors.emails?.message;
  const pending = form.formState.isSubmitting;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await createInvitationsAction({ org, ws }, { emails: parseEmailList(values.emails, domain).map((p) => p.email), roles: values.roles });
      if (result.ok) {
        onDone(result.data);
        setSent(result.data);
        return;
      }
      // An address refused by the server (outside the domain…): its message names which.
      if (result.error.fieldViolations.some((v) => v.field.startsWith("emails"))) form.setError("emails", { type: "server", message: result.error.message }, { shouldFocus: true });
      else setFailure(applyServerErrors(form, result.error, { labels: LABELS }));
    } catch {
      setFailure(UNREACHABLE);
    }
  });

  if (sent) {
    return (
      <SentLinks links={sent.links}>
        <p role="status" className="text-sm font-medium">
          {sent.invitations.length} invitation{sent.invitations.length === 1 ? "" : "s"} sent.
          {sent.skipped.length ? ` ${sent.skipped.map((s) => s.email).join(", ")} already ${sent.skipped.length === 1 ? "is a member" : "are members"}.` : ""}
        </p>
      </SentLinks>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4 px-5 py-5">
      <ActionErrorAlert failure={failure} />
      <div className="space-y-1.5">
        <label htmlFor={`${uid}-emails`} className="block text-sm font-medium">
          {LABELS.emails}
        </label>
        <textarea
          id={`${uid}-emails`}
          {...form.register("emails")}
          rows={4}
          placeholder="ada@example.com, grace@example.com"
          aria-describedby={`${uid}-emails-help${emailsError ? ` ${uid}-emails-error` : ""}`}
          aria-invalid={emailsError ? true : undefined}
          className={inputClass}
          autoFocus
        />
        <p id={`${uid}-emails-help`} className="text-xs text-muted">
          Paste one or many, separated by commas, spaces or lines (up to {MAX_EMAILS_PER_INVITE}).{domain ? ` Addresses must end in @${domain}.` : ""}
        </p>
        {emailsError ? (
          <p id={`${uid}-emails-error`} className="text-sm text-danger">
            {emailsError}
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
      <Controller
        control={form.control}
        name="roles"
        render={({ field, fieldState }) => (
          <RoleChecklist legend={LABELS.roles} roles={roles} value={field.value} onChange={field.onChange} held={held} error={fieldState.error?.message} />
        )}
      />
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
