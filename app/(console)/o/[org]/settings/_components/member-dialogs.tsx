"use client";

// The dialogs of the members table: add by email, change organization roles (removing is
// remove-org-member-dialog.tsx). Each calls
// one server action; the table refetches afterwards.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Dialog, DialogContent } from "@/components/dialog";
import { DialogFooter } from "@/components/form-dialog";
import { Field, FieldError, controlProps, fieldIds, inputClass } from "@/components/field";
import { useToast } from "@/components/toast";
import type { ActionFailure, ActionOutcome } from "@/lib/console/action-result";
import { organizationKeys } from "@/lib/console/query-keys";
import { addOrganizationMemberAction, updateOrganizationMemberAction } from "../actions";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";

export interface OrgRole {
  id: string;
  title: string;
  description: string;
}

export interface MemberRef {
  userId: string;
  name: string;
  email: string;
  roleIds: string[];
}

/** Runs a server action, turning a thrown network error into a failure like any other. */
function useOrgMutation<I, T>(org: string, run: (input: I) => Promise<ActionOutcome<T>>, onOk: (data: T) => void) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const mutation = useMutation({
    mutationFn: run,
    onMutate: () => setFailure(null),
    onSuccess: async (result) => {
      if (!result.ok) {
        setFailure(result.error);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: organizationKeys.members(org) });
      onOk(result.data);
    },
    onError: () => setFailure(UNREACHABLE),
  });
  return { mutation, failure, setFailure };
}

function RoleChoices({
  roles,
  value,
  onChange,
  legend,
  describedBy,
}: {
  roles: OrgRole[];
  value: string[];
  onChange: (ids: string[]) => void;
  legend: string;
  describedBy?: string;
}) {
  const uid = useId();
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="mb-1.5 text-sm font-medium">{legend}</legend>
      <div className="space-y-2">
        {roles.map((r) => {
          const id = `${uid}-${r.id}`;
          return (
            <label key={r.id} htmlFor={id} className="flex cursor-pointer items-start gap-3 rounded-md border border-border p-3 has-checked:border-accent">
              <input
                id={id}
                type="checkbox"
                checked={value.includes(r.id)}
                onChange={(e) => onChange(e.target.checked ? [...value, r.id] : value.filter((x) => x !== r.id))}
                className="mt-0.5 size-4 accent-accent"
              />
              <span className="min-w-0">
                <span className="block text-sm font-medium">{r.title}</span>
                <span className="block text-xs text-muted">{r.description}</span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function AddMemberDialog({ org, roles, open, onOpenChange }: { org: string; roles: OrgRole[]; open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open ? (
        <DialogContent title="Add member" description="Add someone who already has an account here to this organization.">
          <AddMemberForm org={org} roles={roles} onDone={() => onOpenChange(false)} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function AddMemberForm({ org, roles, onDone }: { org: string; roles: OrgRole[]; onDone: () => void }) {
  const uid = useId();
  const emailIds = fieldIds(`${uid}-email`);
  const rolesErrorId = `${uid}-roles-error`;
  const [email, setEmail] = useState("");
  const [roleIds, setRoleIds] = useState<string[]>(["org-member"]);
  const [errors, setErrors] = useState<{ email?: string; roles?: string }>({});
  const toast = useToast();
  const { mutation, failure, setFailure } = useOrgMutation(
    org,
    (input: { email: string; roles: string[] }) => addOrganizationMemberAction(org, input),
    (data) => {
      toast({ title: "Member added", description: `${data.user.display_name || data.user.email} is now a member.` });
      onDone();
    },
  );
  // No account (FAILED_PRECONDITION) and already a member (ALREADY_EXISTS) are about the email.
  const emailError =
    errors.email ??
    (failure && (failure.code === "FAILED_PRECONDITION" || failure.code === "ALREADY_EXISTS")
      ? failure.message
      : failure?.fieldViolations.find((v) => v.field === "email")?.description);
  const formFailure = failure && !emailError ? failure : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (mutation.isPending) return;
    const next: { email?: string; roles?: string } = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) next.email = "Enter the email address of their account.";
    if (roleIds.length === 0) next.roles = "Choose at least one role.";
    setErrors(next);
    setFailure(null);
    if (next.email || next.roles) return;
    mutation.mutate({ email: email.trim(), roles: roleIds });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="space-y-5 px-5 py-5">
        <ActionErrorAlert failure={formFailure} />
        <Field
          ids={emailIds}
          label="Email"
          error={emailError}
          hint="They need an account already. To bring in someone new, invite them to a workspace instead."
        >
          <input
            {...controlProps(emailIds, { error: emailError, hint: true })}
            type="email"
            name="email"
            value={email}
            onChange={(e) => {
              setEmail(e.target.value);
              setErrors((x) => ({ ...x, email: undefined }));
              if (failure) setFailure(null);
            }}
            autoComplete="off"
            autoFocus
            className={inputClass}
          />
        </Field>
        <div>
          <RoleChoices roles={roles} value={roleIds} onChange={setRoleIds} legend="Organization roles" describedBy={errors.roles ? rolesErrorId : undefined} />
          <FieldError id={rolesErrorId} message={errors.roles} />
        </div>
      </div>
      <DialogFooter submitLabel="Add member" pending={mutation.isPending} />
    </form>
  );
}

export function RolesDialog({ org, roles, member, onClose }: { org: string; roles: OrgRole[]; member: MemberRef | null; onClose: () => void }) {
  return (
    <Dialog open={member !== null} onOpenChange={(o) => (o ? undefined : onClose())}>
      {member ? (
        <DialogContent title="Change organization roles" description={`${member.name} (${member.email})`}>
          <RolesForm org={org} roles={roles} member={member} onDone={onClose} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function RolesForm({ org, roles, member, onDone }: { org: string; roles: OrgRole[]; member: MemberRef; onDone: () => void }) {
  const errorId = `${useId()}-roles-error`;
  const [roleIds, setRoleIds] = useState<string[]>(member.roleIds);
  const [error, setError] = useState("");
  const toast = useToast();
  const { mutation, failure } = useOrgMutation(
    org,
    (ids: string[]) => updateOrganizationMemberAction(org, member.userId, { roles: ids }),
    () => {
      toast({ title: "Roles updated", description: `${member.name}'s organization roles were saved.` });
      onDone();
    },
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (mutation.isPending) return;
    if (roleIds.length === 0) {
      setError("Choose at least one role.");
      return;
    }
    setError("");
    mutation.mutate(roleIds);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="space-y-5 px-5 py-5">
        <ActionErrorAlert failure={failure} />
        <div>
          <RoleChoices roles={roles} value={roleIds} onChange={setRoleIds} legend="Organization roles" describedBy={error ? errorId : undefined} />
          <FieldError id={errorId} message={error} />
        </div>
        <p className="text-xs text-muted">Organization Admins manage every workspace of the organization. Workspace roles are set on each workspace&apos;s Members tab.</p>
      </div>
      <DialogFooter submitLabel="Save roles" pending={mutation.isPending} />
    </form>
  );
}
