"use client";

// The dialogs of the members table: add by email, change organization roles (removing is
// remove-org-member-dialog.tsx). Each is react-hook-form over the API's own input schema
// (OrganizationMemberCreateInput, MemberRolesUpdateInput), runs one server action, and puts the
// server's field violations on the fields they name; the table refetches afterwards.

import { useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useController, useForm, type Control, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { Field, FieldError, controlProps, fieldIds, inputClass } from "@/components/field";
import { FormDialog } from "@/components/form-dialog";
import { useToast } from "@/components/toast";
import { useActionMutation } from "@/components/use-action-mutation";
import type { ActionOutcome } from "@/lib/console/action-result";
import { applyServerErrors, schemaResolver } from "@/lib/console/form-errors";
import { organizationKeys } from "@/lib/console/query-keys";
import { addOrganizationMemberAction, updateOrganizationMemberAction } from "../actions";

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

const LABELS = { roles: "Organization roles" } as const;

type AddValues = { email: string; roles: string[] };
type RolesValues = { roles: string[] };
const addResolver = schemaResolver<AddValues>(() => import("@/lib/schemas/members").then((m) => m.OrganizationMemberCreateInput.pick({ email: true, roles: true })), LABELS);
const rolesResolver = schemaResolver<RolesValues>(() => import("@/lib/schemas/members").then((m) => m.MemberRolesUpdateInput.pick({ roles: true })), LABELS);

/** Runs an organization member action; on success the members table refetches, then `onOk`. */
function useMemberMutation<I, T, V extends FieldValues>(
  org: string,
  form: UseFormReturn<V>,
  run: (input: I) => Promise<ActionOutcome<T>>,
  onOk: (data: T) => void,
  byCode?: Partial<Record<string, Path<V>>>,
) {
  const queryClient = useQueryClient();
  return useActionMutation(run, {
    onOk: async (data) => {
      await queryClient.invalidateQueries({ queryKey: organizationKeys.members(org) });
      onOk(data);
    },
    onRefused: (failure) => applyServerErrors(form, failure, { labels: LABELS, byCode }),
  });
}

/** The organization roles as checkboxes; a violation of `roles` shows under them and focuses the first. */
function RoleChoices<V extends FieldValues>({ roles, control, name }: { roles: OrgRole[]; control: Control<V>; name: Path<V> }) {
  const uid = useId();
  const errorId = `${uid}-roles-error`;
  const { field, fieldState } = useController({ control, name });
  const value = field.value as string[];
  const error = fieldState.error?.message;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1.5 text-sm font-medium">{LABELS.roles}</legend>
      <div className="space-y-2">
        {roles.map((r, i) => {
          const id = `${uid}-${r.id}`;
          return (
            <label key={r.id} htmlFor={id} className="flex cursor-pointer items-start gap-3 rounded-md border border-border p-3 has-checked:border-accent">
              <input
                ref={i === 0 ? field.ref : undefined}
                id={id}
                type="checkbox"
                checked={value.includes(r.id)}
                onChange={(e) => field.onChange(e.target.checked ? [...value, r.id] : value.filter((x) => x !== r.id))}
                onBlur={field.onBlur}
                aria-invalid={error ? true : undefined}
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
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

export function AddMemberDialog({ org, roles, open, onOpenChange }: { org: string; roles: OrgRole[]; open: boolean; onOpenChange: (open: boolean) => void }) {
  // Mounted only while open: each opening starts from an empty form.
  return open ? <AddMemberForm org={org} roles={roles} onOpenChange={onOpenChange} /> : null;
}

function AddMemberForm({ org, roles, onOpenChange }: { org: string; roles: OrgRole[]; onOpenChange: (open: boolean) => void }) {
  const emailIds = fieldIds(`${useId()}-email`);
  const form = useForm<AddValues>({ defaultValues: { email: "", roles: ["org-member"] }, resolver: addResolver });
  const toast = useToast();
  const { mutation, failure } = useMemberMutation(
    org,
    form,
    (input: AddValues) => addOrganizationMemberAction(org, input),
    (data) => {
      toast({ title: "Member added", description: `${data.user.display_name || data.user.email} is now a member.` });
      onOpenChange(false);
    },
    // No account (FAILED_PRECONDITION) and already a member (ALREADY_EXISTS) are about the email.
    { FAILED_PRECONDITION: "email", ALREADY_EXISTS: "email" },
  );
  const emailError = form.formState.errors.email?.message;

  return (
    <FormDialog
      open
      onOpenChange={onOpenChange}
      title="Add member"
      description="Add someone who already has an account here to this organization."
      submitLabel="Add member"
      pending={mutation.isPending}
      failure={failure}
      onSubmit={form.handleSubmit((values) => mutation.mutate({ email: values.email.trim(), roles: values.roles }))}
    >
      <Field ids={emailIds} label="Email" error={emailError} hint="They need an account already. To bring in someone new, invite them to a workspace instead.">
        <input {...controlProps(emailIds, { error: emailError, hint: true })} {...form.register("email")} type="email" autoComplete="off" autoFocus className={inputClass} />
      </Field>
      <RoleChoices roles={roles} control={form.control} name="roles" />
    </FormDialog>
  );
}

export function RolesDialog({ org, roles, member, onClose }: { org: string; roles: OrgRole[]; member: MemberRef | null; onClose: () => void }) {
  return member ? <RolesForm org={org} roles={roles} member={member} onClose={onClose} /> : null;
}

function RolesForm({ org, roles, member, onClose }: { org: string; roles: OrgRole[]; member: MemberRef; onClose: () => void }) {
  const form = useForm<RolesValues>({ defaultValues: { roles: member.roleIds }, resolver: rolesResolver });
  const toast = useToast();
  const { mutation, failure } = useMemberMutation(
    org,
    form,
    (ids: string[]) => updateOrganizationMemberAction(org, member.userId, { roles: ids }),
    () => {
      toast({ title: "Roles updated", description: `${member.name}'s organization roles were saved.` });
      onClose();
    },
  );
  return (
    <FormDialog
      open
      onOpenChange={(o) => (o ? undefined : onClose())}
      title="Change organization roles"
      description={`${member.name} (${member.email})`}
      submitLabel="Save roles"
      pending={mutation.isPending}
      failure={failure}
      onSubmit={form.handleSubmit((values) => mutation.mutate(values.roles))}
    >
      <RoleChoices roles={roles} control={form.control} name="roles" />
      <p className="text-xs text-muted">Organization Admins manage every workspace of the organization. Workspace roles are set on each workspace&apos;s Members tab.</p>
    </FormDialog>
  );
}
