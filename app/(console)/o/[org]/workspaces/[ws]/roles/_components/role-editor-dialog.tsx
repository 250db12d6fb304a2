"use client";

// "New role" and "Edit role": title, description and a permission matrix (resources × actions from
// the catalog). A permission the user does not hold cannot be added (no escalation); one the role
// already has can still be taken away.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { Field, FieldError, controlProps, fieldIds, inputClass } from "@/components/field";
import { useToast } from "@/components/toast";
import { fieldErrorsOf, type ActionFailure } from "@/lib/console/action-result";
import { permissionMatrix, resourceLabel, type CatalogPermission } from "@/lib/console/permission-matrix";
import { memberKeys, roleKeys } from "@/lib/console/query-keys";
import { RoleCreateInput, type RoleOutput } from "@/lib/schemas/roles";
import { createRoleAction, updateRoleAction } from "../actions";

type Mode = { kind: "new" } | { kind: "edit"; role: RoleOutput };
type FormField = "title" | "description" | "permissions";

export interface RoleEditorDialogProps {
  org: string;
  ws: string;
  mode: Mode | null;
  onOpenChange: (open: boolean) => void;
  catalog: CatalogPermission[];
  held: ReadonlySet<string>;
}

export function RoleEditorDialog({ mode, onOpenChange, ...rest }: RoleEditorDialogProps) {
  return (
    <Dialog open={mode !== null} onOpenChange={onOpenChange}>
      {mode ? (
        <DialogContent
          title={mode.kind === "new" ? "New role" : `Edit role`}
          description={mode.kind === "new" ? "A custom role holds exactly the permissions you tick." : mode.role.title}
          width="max-w-3xl"
        >
          <RoleForm key={mode.kind === "edit" ? mode.role.role_id : "new"} mode={mode} {...rest} onDone={() => onOpenChange(false)} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function formFieldOf(path: string): FormField | undefined {
  if (path === "title") return "title";
  if (path === "description") return "description";
  if (path.startsWith("permissions")) return "permissions";
  return undefined;
}

const capitalize = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

function RoleForm({ org, ws, mode, catalog, held, onDone }: Omit<RoleEditorDialogProps, "mode" | "onOpenChange"> & { mode: Mode; onDone: () => void }) {
  const uid = useId();
  const ids = { title: fieldIds(`${uid}-title`), description: fieldIds(`${uid}-description`) };
  const permissionsErrorId = `${uid}-permissions-error`;
  const original = mode.kind === "edit" ? mode.role : null;
  const [title, setTitle] = useState(original?.title ?? "");
  const [description, setDescription] = useState(original?.description ?? "");
  const [chosen, setChosen] = useState<string[]>(original?.permissions ?? []);
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const matrix = permissionMatrix(catalog);

  const focusFirstInvalid = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());

  const save = useMutation({
    mutationFn: (input: { title: string; description: string; permissions: string[] }) =>
      original ? updateRoleAction(org, ws, original.role_id, input, original.etag) : createRoleAction(org, ws, input),
    onSuccess: async (result) => {
      if (result.ok) {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: roleKeys.workspace(ws) }),
          queryClient.invalidateQueries({ queryKey: memberKeys.workspace(ws) }),
        ]);
        toast({ title: original ? "Role saved" : "Role created", description: `“${result.data.title}” is ready to assign.` });
        onDone();
        return;
      }
      if (result.error.code === "ABORTED") {
        setFailure({ ...result.error, message: "This role was changed by someone else since you opened it. Close this dialog and open it again to see the current version." });
        await queryClient.invalidateQueries({ queryKey: roleKeys.list(ws) });
        return;
      }
      const { fields, unplaced } = fieldErrorsOf(result.error, formFieldOf);
      setErrors(fields);
      const placedAny = Object.keys(fields).length > 0;
      setFailure(placedAny && unplaced.length === 0 ? null : result.error);
      if (placedAny) focusFirstInvalid();
    },
    onError: () => setFailure(UNREACHABLE),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    setFailure(null);
    const input = { title, description, permissions: chosen };
    const parsed = RoleCreateInput.safeParse(input);
    if (!parsed.success) {
      const next: Partial<Record<FormField, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = formFieldOf(issue.path.map(String).join("."));
        if (field && !next[field]) next[field] = capitalize(issue.message);
      }
      setErrors(next);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    save.mutate(input);
  };

  const toggle = (p: string, on: boolean) => {
    setChosen((c) => (on ? [...c, p] : c.filter((x) => x !== p)));
    if (errors.permissions) setErrors((e) => ({ ...e, permissions: undefined }));
  };
  const lacking = catalog.filter((p) => !held.has(p.permission)).length;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col">
      <div className="space-y-5 px-5 py-5">
        <ActionErrorAlert failure={failure} />
        <Field ids={ids.title} label="Title" error={errors.title}>
          <input
            {...controlProps(ids.title, { error: errors.title })}
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              if (errors.title) setErrors((x) => ({ ...x, title: undefined }));
            }}
            maxLength={128}
            autoComplete="off"
            autoFocus
            placeholder="e.g. Member manager"
            className={inputClass}
          />
        </Field>
        <Field ids={ids.description} label="Description" labelNote="(optional)" error={errors.description}>
          <textarea
            {...controlProps(ids.description, { error: errors.description })}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            rows={2}
            maxLength={1024}
            className={`${inputClass} resize-y`}
          />
        </Field>

        <fieldset aria-describedby={errors.permissions ? permissionsErrorId : undefined}>
          <legend className="text-sm font-medium">Permissions</legend>
          <p className="mb-2 text-xs text-muted">
            Hover or focus a box for what the permission allows.
            {lacking > 0 ? " Permissions you do not hold yourself cannot be added (you cannot grant more than you have)." : ""}
          </p>
          <div className="relative overflow-x-auto rounded-lg border border-border">
            <table className="w-full min-w-[32rem] text-sm">
              <caption className="sr-only">Permissions by resource (rows) and action (columns)</caption>
              <thead className="bg-surface-2 text-xs text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left font-medium">
                    Resource
                  </th>
                  {matrix.actions.map((a) => (
                    <th key={a} scope="col" className="px-2 py-2 text-center font-medium capitalize">
                      {a}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {matrix.resources.map((resource) => (
                  <tr key={resource}>
                    <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                      {resourceLabel(resource)}
                    </th>
                    {matrix.actions.map((action) => {
                      const entry = matrix.cell(resource, action);
                      if (!entry) {
                        return (
                          <td key={action} className="px-2 py-2 text-center text-muted" aria-hidden="true">
                            ·
                          </td>
                        );
                      }
                      const checked = chosen.includes(entry.permission);
                      const grantable = held.has(entry.permission) || (original?.permissions.includes(entry.permission) ?? false);
                      const blocked = !checked && !grantable;
                      return (
                        <td key={action} className="px-2 py-2 text-center">
                          <input
                            type="checkbox"
                            aria-label={entry.permission}
                            title={blocked ? `${entry.description} You do not hold ${entry.permission}, so you cannot grant it.` : entry.description}
                            checked={checked}
                            disabled={blocked}
                            onChange={(e) => toggle(entry.permission, e.target.checked)}
                            className="size-4 accent-[var(--accent)] disabled:cursor-not-allowed disabled:opacity-40"
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-1.5 text-xs text-muted" aria-live="polite">
            {chosen.length === 0 ? "No permission selected." : `${chosen.length} selected: ${chosen.join(", ")}`}
          </p>
          <FieldError id={permissionsErrorId} message={errors.permissions} />
        </fieldset>
      </div>

      <div className="sticky bottom-0 flex flex-col-reverse gap-2 border-t border-border bg-surface px-5 py-4 sm:flex-row sm:justify-end">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? <Spinner /> : null}
          {original ? "Save role" : "Create role"}
        </Button>
      </div>
    </form>
  );
}
