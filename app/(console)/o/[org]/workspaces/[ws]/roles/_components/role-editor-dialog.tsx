"use client";

// "New role" and "Edit role": title, description and a permission matrix (resources × actions from
// the catalog). A permission the user does not hold cannot be added (no escalation); one the role
// already has can still be taken away. A react-hook-form checked with the API's RoleCreateInput;
// a refusal that names a field (a title already taken) is shown under it.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent, type Ref } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { CharacterCount } from "@/components/character-count";
import { Dialog, DialogContent } from "@/components/dialog";
import { Field, FieldError, controlProps, fieldIds, inputClass } from "@/components/field";
import { DialogFooter } from "@/components/form-dialog";
import { ReasonCheckbox } from "@/components/reason-checkbox";
import { Tip } from "@/components/tip";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
import { applyServerErrors, schemaResolver } from "@/lib/console/form-errors";
import { permissionMatrix, resourceLabel, type CatalogPermission } from "@/lib/console/permission-matrix";
import { memberKeys, roleKeys } from "@/lib/console/query-keys";
import { RoleCreateInput, type RoleOutput } from "@/lib/schemas/roles";
import { createRoleAction, updateRoleAction } from "../actions";

type Mode = { kind: "new" } | { kind: "edit"; role: RoleOutput };

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

interface RoleValues {
  title: string;
  description: string;
  permissions: string[];
}

const TITLE_MAX = 128;
const DESCRIPTION_MAX = 1024;

// New and edited roles both send the whole role, so both are checked as a new one would be.
const resolver = schemaResolver<RoleValues>(RoleCreateInput);

function RoleForm({ org, ws, mode, catalog, held, onDone }: Omit<RoleEditorDialogProps, "mode" | "onOpenChange"> & { mode: Mode; onDone: () => void }) {
  const uid = useId();
  const ids = { title: fieldIds(`${uid}-title`), description: fieldIds(`${uid}-description`) };
  const permissionsErrorId = `${uid}-permissions-error`;
  const original = mode.kind === "edit" ? mode.role : null;
  const form = useForm<RoleValues>({
    defaultValues: { title: original?.title ?? "", description: original?.description ?? "", permissions: original?.permissions ?? [] },
    resolver,
  });
  const errors = form.formState.errors;
  const [title, description] = useWatch({ control: form.control, name: ["title", "description"] });
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const matrix = permissionMatrix(catalog);

  const save = useMutation({
    mutationFn: (input: RoleValues) => (original ? updateRoleAction(org, ws, original.role_id, input, original.etag) : createRoleAction(org, ws, input)),
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
      setFailure(applyServerErrors(form, result.error));
    },
    onError: () => setFailure(UNREACHABLE),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    setFailure(null);
    void form.handleSubmit((values) => save.mutate(values))(e);
  };

  const lacking = catalog.filter((p) => !held.has(p.permission)).length;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col">
      <div className="space-y-5 px-5 py-5">
        <ActionErrorAlert failure={failure} />
        <Field ids={ids.title} label="Title" error={errors.title?.message} hint={<CharacterCount value={title} max={TITLE_MAX} />}>
          <input
            {...controlProps(ids.title, { error: errors.title?.message, hint: true })}
            {...form.register("title")}
            maxLength={TITLE_MAX}
            autoComplete="off"
            autoFocus
            placeholder="e.g. Member manager"
            className={inputClass}
          />
        </Field>
        <Field
          ids={ids.description}
          label="Description"
          labelNote="(optional)"
          error={errors.description?.message}
          hint={<CharacterCount value={description} max={DESCRIPTION_MAX} />}
        >
          <textarea
            {...controlProps(ids.description, { error: errors.description?.message, hint: true })}
            {...form.register("description")}
            rows={2}
            maxLength={DESCRIPTION_MAX}
            className={`${inputClass} resize-y`}
          />
        </Field>

        <Controller
          control={form.control}
          name="permissions"
          render={({ field }) => (
            <PermissionMatrix
              fieldRef={field.ref}
              chosen={field.value}
              onChange={field.onChange}
              matrix={matrix}
              grantable={(p) => held.has(p) || (original?.permissions.includes(p) ?? false)}
              lacking={lacking}
              error={errors.permissions?.message ?? errors.permissions?.root?.message}
              errorId={permissionsErrorId}
            />
          )}
        />
      </div>

      <DialogFooter submitLabel={original ? "Save role" : "Create role"} pending={save.isPending} />
    </form>
  );
}

interface PermissionMatrixProps {
  fieldRef: Ref<HTMLFieldSetElement>;
  chosen: string[];
  onChange: (next: string[]) => void;
  matrix: ReturnType<typeof permissionMatrix>;
  /** The user may tick it: they hold it, or the role already has it. */
  grantable: (permission: string) => boolean;
  lacking: number;
  error?: string;
  errorId: string;
}

/** The permission checklist as a matrix; on an error it takes focus, and its legend and error are read. */
function PermissionMatrix({ fieldRef, chosen, onChange, matrix, grantable, lacking, error, errorId }: PermissionMatrixProps) {
  const uid = useId();
  const toggle = (p: string, on: boolean) => onChange(on ? [...chosen, p] : chosen.filter((x) => x !== p));
  return (
    <fieldset ref={fieldRef} tabIndex={-1} aria-describedby={error ? errorId : undefined} className="outline-none">
      <legend className="text-sm font-medium">Permissions</legend>
      <p className="mb-2 text-xs text-muted">
        Hover or focus a box for what the permission allows.
        {lacking > 0 ? " Permissions you do not hold yourself cannot be added (you cannot grant more than you have): focus one to see which." : ""}
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
                  const reason = !checked && !grantable(entry.permission) ? `You do not hold ${entry.permission}, so you cannot grant it.` : undefined;
                  const boxClass = "size-4 accent-[var(--accent)] aria-disabled:cursor-not-allowed aria-disabled:opacity-40";
                  // What it allows is said on hover and on keyboard focus, and read with the box.
                  const descId = `${uid}-${entry.permission}`;
                  return (
                    <td key={action} className="px-2 py-2 text-center">
                      {reason ? (
                        <ReasonCheckbox
                          aria-label={entry.permission}
                          reason={reason}
                          tip={`${entry.description} ${reason}`}
                          checked={checked}
                          onChange={(e) => toggle(entry.permission, e.target.checked)}
                          className={boxClass}
                        />
                      ) : (
                        <>
                          <Tip content={entry.description}>
                            <input
                              type="checkbox"
                              aria-label={entry.permission}
                              aria-describedby={descId}
                              checked={checked}
                              onChange={(e) => toggle(entry.permission, e.target.checked)}
                              className={boxClass}
                            />
                          </Tip>
                          <span id={descId} className="sr-only">
                            {entry.description}
                          </span>
                        </>
                      )}
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
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
