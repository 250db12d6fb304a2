"use client";

// Bulk provisioning: the user uploads or pastes CSV, sees every row checked in a preview, and only
// then creates them all in one workspaces:batchCreate call (all or nothing). Rows that pass the
// local checks are sent with `validate_only` first, so the preview shows the server's verdict per
// row (a title already taken, an invitee outside the domain…) and whether each member is added or
// invited; "Ready" means the server said so. A refusal of the real call that names a request
// (`requests[3]…`, e.g. a title taken in between) is still shown on that preview row.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useEffect, useId, useMemo, useState, type ChangeEvent, type FormEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button, Spinner } from "@/components/button";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { SelectField } from "@/components/select-field";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
import {
  BULK_EXAMPLE,
  BULK_HEADER,
  batchCreateBody,
  planBulkProvision,
  planIsReady,
  rowOfViolation,
  type BulkRole,
} from "@/lib/console/bulk-provision";
import { workspaceKeys } from "@/lib/console/query-keys";
import { batchCreateWorkspacesAction } from "../actions";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";

const MAX_FILE_BYTES = 512 * 1024;
/** Typing pauses this long before the rows are sent for the server's verdict. */
const VERDICT_DELAY_MS = 400;

const ROLE_LABELS: Record<BulkRole, string> = {
  "workspace-viewer": "Workspace Viewer",
  "workspace-editor": "Workspace Editor",
  "workspace-admin": "Workspace Admin",
};
const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as BulkRole[]).map((value) => ({ value, label: ROLE_LABELS[value] }));

interface BulkValues {
  /** The CSV text, typed, pasted or loaded from a file. */
  csv: string;
  role: BulkRole;
}

export interface BulkProvisionDialogProps {
  org: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function BulkProvisionDialog({ org, open, onOpenChange }: BulkProvisionDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open ? (
        <DialogContent
          title="Bulk provision workspaces"
          description="Create up to 100 workspaces at once from CSV. Nothing is created until you confirm, and either all of them are created or none."
          width="max-w-4xl"
        >
          <BulkProvisionForm org={org} onDone={() => onOpenChange(false)} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function BulkProvisionForm({ org, onDone }: { org: string; onDone: () => void }) {
  const uid = useId();
  const fileIds = fieldIds(`${uid}-file`);
  const textIds = fieldIds(`${uid}-text`);
  // The rows are checked as a whole (the per-row preview below), not field by field: the form holds
  // the two values, and the preview and the server's verdict are derived from them.
  const form = useForm<BulkValues>({ defaultValues: { csv: "", role: "workspace-viewer" } });
  const [text, role] = useWatch({ control: form.control, name: ["csv", "role"] });
  const [fileNote, setFileNote] = useState("");
  // The server's refusal: per preview row where it names one, else for the whole batch.
  const [serverRows, setServerRows] = useState<Record<number, string>>({});
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const deferredText = useDeferredValue(text);
  const plan = useMemo(() => planBulkProvision(deferredText), [deferredText]);
  const ready = planIsReady(plan) && deferredText === text;
  const invalidRows = plan.rows.filter((r) => r.errors.length > 0).length;
  const anyMembers = plan.rows.some((r) => r.members.length > 0);
  const queryClient = useQueryClient();
  const toast = useToast();

  // The server's dry run of every row that passes the local checks, once typing pauses; when all
  // rows pass, that is exactly the body the Create button sends.
  const checkable = useMemo(
    () => (plan.fileErrors.length === 0 && deferredText === text ? plan.rows.filter((r) => r.errors.length === 0) : []),
    [plan, deferredText, text],
  );
  const body = useMemo(() => (checkable.length ? batchCreateBody(checkable, role) : null), [checkable, role]);
  const [checkedBody, setCheckedBody] = useState<typeof body>(null);
  useEffect(() => {
    const timer = setTimeout(() => setCheckedBody(body), body ? VERDICT_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [body]);
  const verdictQuery = useQuery({
    queryKey: workspaceKeys.batchVerdict(org, checkedBody),
    queryFn: () => batchCreateWorkspacesAction(org, { ...checkedBody, validate_only: true }),
    enabled: checkedBody !== null,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const verdictCurrent = body !== null && checkedBody === body && !verdictQuery.isFetching;
  const verdict = verdictCurrent && verdictQuery.data?.ok ? verdictQuery.data.data.validation : undefined;
  const verdictByRow = new Map(verdict?.requests.map((v) => [checkable[v.index]?.row, v]));
  const allReady = ready && verdict?.valid === true && checkable.length === plan.rows.length;
  const verdictFailure: ActionFailure | null = verdictCurrent
    ? verdictQuery.data && !verdictQuery.data.ok
      ? verdictQuery.data.error
      : verdictQuery.isError
        ? UNREACHABLE
        : null
    : null;
  const checking = body !== null && !verdict && !verdictFailure;
  const refusedRows = verdict ? verdict.requests.filter((r) => !r.valid).length : 0;

  const forgetRefusal = () => {
    setServerRows({});
    setFailure(null);
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileNote(`${file.name} is ${Math.ceil(file.size / 1024)} KB; files up to ${MAX_FILE_BYTES / 1024} KB are accepted.`);
      return;
    }
    form.setValue("csv", await file.text(), { shouldDirty: true });
    forgetRefusal();
    setFileNote(`Loaded ${file.name}. You can still edit the rows below.`);
  };

  const create = useMutation({
    mutationFn: () => batchCreateWorkspacesAction(org, batchCreateBody(plan.rows, role)),
    onSuccess: async (result) => {
      if (result.ok) {
        const n = result.data.workspaces.length;
        await queryClient.invalidateQueries({ queryKey: workspaceKeys.org(org) });
        toast({
          title: `${n} ${n === 1 ? "workspace" : "workspaces"} created`,
          description: anyMembers ? "Listed people who are not yet in the organization were invited by email." : undefined,
        });
        onDone();
        return;
      }
      const byRow: Record<number, string> = {};
      const unplaced: string[] = [];
      for (const v of result.error.fieldViolations) {
        const row = rowOfViolation(v.field);
        const text = result.error.code === "INVALID_ARGUMENT" ? v.description : result.error.message;
        if (row !== undefined && row <= plan.rows.length) byRow[row] = byRow[row] ? `${byRow[row]} ${text}` : text;
        else unplaced.push(v.field);
      }
      setServerRows(byRow);
      const placed = Object.keys(byRow).length > 0;
      setFailure(placed && unplaced.length === 0 ? { ...result.error, message: "" } : result.error);
    },
    onError: () =>
      setFailure(UNREACHABLE),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!allReady || create.isPending) return;
    setFailure(null);
    setServerRows({});
    create.mutate();
  };

  const serverRowCount = Object.keys(serverRows).length;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col">
      <div className="space-y-5 px-5 py-5">
        <section aria-labelledby={`${uid}-format`} className="rounded-lg bg-surface-2 p-3 text-sm">
          <h3 id={`${uid}-format`} className="font-medium">
            File format
          </h3>
          <p className="mt-1 text-muted">
            The first line is the header <code className="rounded bg-surface px-1 font-mono text-fg">{BULK_HEADER}</code>. One workspace per
            line; <strong className="font-medium text-fg">title</strong> is required, <strong className="font-medium text-fg">description</strong>{" "}
            is optional, <strong className="font-medium text-fg">members</strong> lists email addresses separated by semicolons. Put a value that
            contains a comma in double quotes.
          </p>
          <pre className="mt-2 overflow-x-auto rounded border border-border bg-surface p-2 font-mono text-xs leading-5">{BULK_EXAMPLE}</pre>
        </section>

        <div className="grid gap-5 sm:grid-cols-2">
          <Field ids={fileIds} label="Upload a CSV file" hint={fileNote || "Or paste the rows below."}>
            <input
              {...controlProps(fileIds, { hint: true })}
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={(e) => void onFile(e)}
              className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-border-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-surface-2"
            />
          </Field>
          <SelectField
            control={form.control}
            name="role"
            label="Role for listed members"
            hint="Members who are not yet in the organization are invited with this role."
            options={ROLE_OPTIONS}
          />
        </div>

        <Field ids={textIds} label="CSV rows">
          <textarea
            {...controlProps(textIds, {})}
            {...form.register("csv", { onChange: forgetRefusal })}
            rows={6}
            spellCheck={false}
            placeholder={BULK_EXAMPLE}
            className={`${inputClass} resize-y font-mono text-xs leading-5`}
          />
        </Field>

        {plan.fileErrors.length > 0 ? (
          <div role="alert" className="rounded-md border border-red-300 bg-danger-bg px-3 py-2 text-sm dark:border-red-900">
            <p className="font-medium text-danger">This text cannot be read as workspaces:</p>
            <ul className="mt-1 list-disc pl-5">
              {plan.fileErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}

        <ActionErrorAlert failure={verdictFailure} message={verdictFailure ? `The rows could not be checked: ${verdictFailure.message}` : undefined} />
        <ActionErrorAlert
          failure={failure}
          message={failure?.message || `The server refused ${serverRowCount === 1 ? "a row" : `${serverRowCount} rows`}; see the preview. Nothing was created.`}
        />

        {plan.rows.length > 0 && plan.fileErrors.length === 0 ? (
          <div>
            <h3 className="mb-2 text-sm font-medium" id={`${uid}-preview`}>
              Preview
              <span className="ml-2 font-normal text-muted">
                {plan.rows.length} {plan.rows.length === 1 ? "row" : "rows"}
                {invalidRows ? `, ${invalidRows} with errors` : ""}
              </span>
            </h3>
            <div className="max-h-80 overflow-auto rounded-lg border border-border">
              <table aria-labelledby={`${uid}-preview`} className="w-full min-w-[40rem] text-left text-sm">
                <thead className="sticky top-0 border-b border-border bg-surface-2 text-xs text-muted">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Row
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Title
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Description
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Members
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium">
                      Check
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-border">
                  {plan.rows.map((r) => {
                    const serverError = serverRows[r.row];
                    const rowVerdict = r.errors.length ? undefined : verdictByRow.get(r.row);
                    const errors = [...r.errors, ...(rowVerdict?.violations.map((v) => v.description) ?? []), ...(serverError ? [serverError] : [])];
                    const invited = new Set(rowVerdict?.members.filter((m) => m.outcome === "INVITE").map((m) => m.email));
                    return (
                      <tr key={r.row} data-row={r.row} className={errors.length ? "bg-danger-bg" : undefined}>
                        <td className="px-3 py-2 align-top text-muted tabular-nums">{r.row}</td>
                        <td className="max-w-[14rem] px-3 py-2 align-top font-medium break-words">{r.title || <span className="text-muted">(empty)</span>}</td>
                        <td className="max-w-[14rem] px-3 py-2 align-top break-words text-muted">{r.description}</td>
                        <td className="px-3 py-2 align-top">
                          {r.members.length ? (
                            <ul className="space-y-0.5 text-xs">
                              {r.members.map((m) => (
                                <li key={m} className="break-all">
                                  {m}
                                  {invited.has(m) ? <span className="ml-1 text-muted">(invite)</span> : null}
                                </li>
                              ))}
                            </ul>
                          ) : (
                            <span className="text-muted">—</span>
                          )}
                        </td>
                        <td className="px-3 py-2 align-top">
                          {errors.length ? (
                            <ul className="space-y-0.5 text-danger">
                              {errors.map((e) => (
                                <li key={e}>{e}</li>
                              ))}
                            </ul>
                          ) : rowVerdict?.valid ? (
                            <span className="text-green-700 dark:text-green-300">Ready</span>
                          ) : checking ? (
                            <span className="text-muted">Checking…</span>
                          ) : (
                            <span className="text-muted">Not checked</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        ) : null}
      </div>

      <div className="sticky bottom-0 flex flex-col-reverse gap-2 border-t border-border bg-surface px-5 py-4 sm:flex-row sm:items-center sm:justify-end">
        <p className="text-sm text-muted sm:mr-auto" aria-live="polite">
          {plan.rows.length === 0
            ? "Add rows to see a preview."
            : invalidRows
              ? `Fix the ${invalidRows === 1 ? "row" : `${invalidRows} rows`} with errors to continue.`
              : refusedRows
                ? `The server would refuse ${refusedRows === 1 ? "a row" : `${refusedRows} rows`}; fix ${refusedRows === 1 ? "it" : "them"} to continue.`
                : serverRowCount
                  ? "Fix the rows the server refused to continue."
                  : checking
                    ? "Checking the rows with the server…"
                    : allReady
                      ? `${plan.rows.length} ${plan.rows.length === 1 ? "workspace" : "workspaces"} ready to create.`
                      : "The rows could not be checked."}
        </p>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={!allReady || serverRowCount > 0 || create.isPending}>
          {create.isPending ? <Spinner /> : null}
          {ready ? `Create ${plan.rows.length} ${plan.rows.length === 1 ? "workspace" : "workspaces"}` : "Create workspaces"}
        </Button>
      </div>
    </form>
  );
}
