"use client";

// "Add member": pick a person of the organization who is not in the workspace yet (search by name
// or email), choose their roles, add. People outside the organization are invited instead. A
// react-hook-form over the API's WorkspaceMemberCreateInput; a refusal naming the person or the
// roles is shown under them.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState, type FormEvent } from "react";
import { Controller, useForm } from "react-hook-form";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { FieldError, inputClass } from "@/components/field";
import { Skeleton } from "@/components/states";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
import { ApiRequestError, apiFetch } from "@/lib/console/api-fetch";
import { applyServerErrors, bodyResolver } from "@/lib/console/form-errors";
import { userIdOf } from "@/lib/console/member-list-query";
import { filterLiteral, toSearchParams } from "@/lib/console/list-query";
import { memberKeys, roleKeys } from "@/lib/console/query-keys";
import { grantRefusal } from "@/lib/console/role-grants";
import { WorkspaceMemberCreateInput, type ListUsersOutput, type UserWithRolesOutput } from "@/lib/schemas/members";
import type { RoleOutput } from "@/lib/schemas/roles";
import { addMemberAction } from "../actions";
import { RoleChecklistField } from "./role-checklist";

const CANDIDATE_PAGE = 20;

interface AddValues {
  user_id: string;
  roles: string[];
}

function fieldOf(path: string): "user_id" | "roles" | undefined {
  if (path === "user_id" || path === "email") return "user_id";
  if (path === "roles" || path.startsWith("roles.")) return "roles";
  return undefined;
}

const resolver = bodyResolver<AddValues>(WorkspaceMemberCreateInput, {
  toBody: (v) => ({ user_id: v.user_id || undefined, roles: v.roles }),
  fieldOf,
  // Said as the form asks, before the schema's wording for the same gaps.
  check: (v) => ({
    user_id: v.user_id ? undefined : "Choose the person to add.",
    roles: v.roles.length ? undefined : "Choose at least one role.",
  }),
  labels: { roles: "Roles" },
});

export interface AddMemberDialogProps {
  org: string;
  ws: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  roles: RoleOutput[];
  held: ReadonlySet<string>;
}

export function AddMemberDialog({ open, onOpenChange, ...rest }: AddMemberDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open ? (
        <DialogContent
          title="Add member"
          description="Give a member of your organization access to this workspace."
        >
          <AddMemberForm {...rest} onDone={() => onOpenChange(false)} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

/**
 * Organization members matching `search`, without the workspace's direct members. The workspace's
 * matches are read with the same search, so both lists cover the same people.
 */
async function fetchCandidates(org: string, ws: string, search: string, signal: AbortSignal): Promise<UserWithRolesOutput[]> {
  const filter = search ? `search : ${filterLiteral(search)}` : "";
  const orgPath = `/organizations/${encodeURIComponent(org)}`;
  const [orgUsers, wsUsers] = await Promise.all([
    apiFetch<ListUsersOutput>(`${orgPath}/users?${toSearchParams({ filter, order_by: "display_name", page_size: String(CANDIDATE_PAGE * 3) })}`, { signal }),
    apiFetch<ListUsersOutput>(
      `${orgPath}/workspaces/${encodeURIComponent(ws)}/users?${toSearchParams({ filter: [filter, "role_scope = workspace"].filter(Boolean).join(" AND "), page_size: "1000" })}`,
      { signal },
    ),
  ]);
  const inWorkspace = new Set(wsUsers.users.map((u) => userIdOf(u.user.name)));
  return orgUsers.users.filter((u) => !inWorkspace.has(userIdOf(u.user.name))).slice(0, CANDIDATE_PAGE);
}

function AddMemberForm({ org, ws, roles, held, onDone }: Omit<AddMemberDialogProps, "open" | "onOpenChange"> & { onDone: () => void }) {
  const uid = useId();
  const [text, setText] = useState("");
  const [search, setSearch] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);

  const viewer = roles.find((r) => r.role_id === "workspace-viewer");
  const [picked, setPicked] = useState<UserWithRolesOutput | null>(null);
  const form = useForm<AddValues>({
    defaultValues: { user_id: "", roles: viewer && !grantRefusal(held, viewer) ? [viewer.role_id] : [] },
    resolver,
  });
  const errors = form.formState.errors;
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();

  const candidates = useQuery({
    queryKey: memberKeys.candidates(org, ws, search),
    queryFn: ({ signal }) => fetchCandidates(org, ws, search, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

  const add = useMutation({
    mutationFn: (input: AddValues) => addMemberAction(org, ws, input),
    onSuccess: async (result) => {
      if (!result.ok) {
        setFailure(applyServerErrors(form, result.error, { fieldOf, labels: { roles: "Roles" } }));
        return;
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.workspace(ws) }),
        queryClient.invalidateQueries({ queryKey: roleKeys.holders(ws) }),
      ]);
      toast({ title: "Member added", description: `${result.data.user.display_name || result.data.user.email} now has access to this workspace.` });
      onDone();
    },
    onError: () => setFailure(UNREACHABLE),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (add.isPending) return;
    setFailure(null);
    void form.handleSubmit((values) => add.mutate(values))(e);
  };

  const list = candidates.data ?? [];
  const listError = candidates.error instanceof ApiRequestError ? candidates.error : candidates.error ? new ApiRequestError("The request failed.", { status: 0 }) : null;
  const searchId = `${uid}-search`;
  const personErrorId = `${uid}-person-error`;
  const personError = errors.user_id?.message;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col">
      <div className="space-y-5 px-5 py-5">
        <ActionErrorAlert failure={failure} />

        <div className="space-y-2">
          <label htmlFor={searchId} className="block text-sm font-medium">
            Person
          </label>
          <Controller
            control={form.control}
            name="user_id"
            render={({ field }) => (
              <input
                ref={field.ref}
                id={searchId}
                type="search"
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder="Search organization members by name or email"
                autoComplete="off"
                autoFocus
                maxLength={256}
                className={inputClass}
                aria-invalid={personError ? true : undefined}
                aria-describedby={personError ? personErrorId : undefined}
              />
            )}
          />
          <div
            role="radiogroup"
            aria-label="Organization members not in this workspace"
            aria-busy={candidates.isFetching}
            className="max-h-60 overflow-y-auto rounded-lg border border-border"
          >
            {listError ? (
              <p role="alert" className="px-3 py-3 text-sm text-danger">
                {listError.message}
                {listError.requestId ? <span className="block text-xs text-muted">Request ID: {listError.requestId}</span> : null}
              </p>
            ) : !candidates.data ? (
              <div className="space-y-2 p-3">
                <Skeleton className="h-4 w-2/3" />
                <Skeleton className="h-4 w-1/2" />
              </div>
            ) : list.length === 0 ? (
              <p className="px-3 py-3 text-sm text-muted">
                {search ? `No organization member matching “${search}” is missing from this workspace.` : "Everyone in the organization is already in this workspace."} People
                outside the organization need an invitation.
              </p>
            ) : (
              <ul className="divide-y divide-border">
                {list.map((u) => {
                  const id = userIdOf(u.user.name);
                  const optionId = `${uid}-u-${id}`;
                  return (
                    <li key={id}>
                      <label htmlFor={optionId} className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-surface-2 has-[:checked]:bg-surface-2">
                        <input
                          id={optionId}
                          type="radio"
                          name={`${uid}-person`}
                          checked={picked !== null && userIdOf(picked.user.name) === id}
                          onChange={() => {
                            setPicked(u);
                            form.setValue("user_id", id, { shouldValidate: form.formState.isSubmitted });
                          }}
                          className="size-4 shrink-0 accent-[var(--accent)]"
                        />
                        <span className="min-w-0">
                          <span className="block truncate font-medium">{u.user.display_name || u.user.email}</span>
                          {u.user.display_name ? <span className="block truncate text-xs text-muted">{u.user.email}</span> : null}
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
          <FieldError id={personErrorId} message={personError} />
        </div>

        <RoleChecklistField
          control={form.control}
          name="roles"
          legend="Roles"
          roles={roles}
          held={held}
          error={errors.roles?.message ?? errors.roles?.root?.message}
        />
      </div>

      <div className="sticky bottom-0 flex flex-col-reverse gap-2 border-t border-border bg-surface px-5 py-4 sm:flex-row sm:items-center sm:justify-end">
        {picked ? (
          <p className="mr-auto truncate text-sm text-muted">
            Adding <span className="font-medium text-fg">{picked.user.display_name || picked.user.email}</span>
          </p>
        ) : null}
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? <Spinner /> : null}
          Add member
        </Button>
      </div>
    </form>
  );
}
