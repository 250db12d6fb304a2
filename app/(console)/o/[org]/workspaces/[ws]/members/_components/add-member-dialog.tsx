"use client";

// "Add member": pick a person of the organization who is not in the workspace yet (search by name
// or email), choose their roles, add. People outside the organization are invited instead.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState, type FormEvent } from "react";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { inputClass } from "@/components/field";
import { Skeleton } from "@/components/states";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
import { ApiRequestError, apiFetch } from "@/lib/console/api-fetch";
import { userIdOf } from "@/lib/console/member-list-query";
import { filterLiteral, toSearchParams } from "@/lib/console/list-query";
import { memberKeys, roleKeys } from "@/lib/console/query-keys";
import { grantRefusal } from "@/lib/console/role-grants";
import type { ListUsersOutput, UserWithRolesOutput } from "@/lib/schemas/members";
import type { RoleOutput } from "@/lib/schemas/roles";
import { addMemberAction } from "../actions";
import { RoleChecklist } from "./role-checklist";

const CANDIDATE_PAGE = 20;

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
  const [chosen, setChosen] = useState<string[]>(viewer && !grantRefusal(held, viewer) ? [viewer.role_id] : []);
  const [errors, setErrors] = useState<{ person?: string; roles?: string }>({});
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
    mutationFn: (input: { user_id: string; roles: string[] }) => addMemberAction(org, ws, input),
    onSuccess: async (result) => {
      if (!result.ok) {
        setFailure(result.error);
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
    const next = {
      person: picked ? undefined : "Choose the person to add.",
      roles: chosen.length ? undefined : "Choose at least one role.",
    };
    setErrors(next);
    if (next.person || next.roles || !picked) return;
    add.mutate({ user_id: userIdOf(picked.user.name), roles: chosen });
  };

  const list = candidates.data ?? [];
  const listError = candidates.error instanceof ApiRequestError ? candidates.error : candidates.error ? new ApiRequestError("The request failed.", { status: 0 }) : null;
  const searchId = `${uid}-search`;
  const personErrorId = `${uid}-person-error`;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col">
      <div className="space-y-5 px-5 py-5">
        <ActionErrorAlert failure={failure} />

        <div className="space-y-2">
          <label htmlFor={searchId} className="block text-sm font-medium">
            Person
          </label>
          <input
            id={searchId}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Search organization members by name or email"
            autoComplete="off"
            autoFocus
            maxLength={256}
            className={inputClass}
            aria-describedby={errors.person ? personErrorId : undefined}
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
                            setErrors((e) => ({ ...e, person: undefined }));
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
          {errors.person ? (
            <p id={personErrorId} className="text-sm text-danger">
              {errors.person}
            </p>
          ) : null}
        </div>

        <RoleChecklist
          legend="Roles"
          roles={roles}
          value={chosen}
          onChange={(next) => {
            setChosen(next);
            setErrors((e) => ({ ...e, roles: undefined }));
          }}
          held={held}
          error={errors.roles}
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
