"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Button, Spinner } from "@/components/button";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { GatedButton } from "@/components/gated-button";
import { useToast } from "@/components/toast";
import type { ActionFailure, ActionOutcome } from "@/lib/console/action-result";
import { workspaceKeys } from "@/lib/console/query-keys";
import { REASON_LABELS } from "@/lib/console/state-reasons";
import { STATE_TRANSITION_REASONS, type StateTransitionReason, type WorkspaceOutput } from "@/lib/schemas/workspaces";
import { undeleteWorkspaceAction } from "../../../actions";
import { cloneWorkspaceAction, deleteWorkspaceAction, disableWorkspaceAction, enableWorkspaceAction } from "../actions";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";



/** A gate: the permission that is missing, or "" when everything needed is held. */
function missingOf(permissions: ReadonlySet<string>, needed: string[]): string {
  return needed.filter((p) => !permissions.has(p)).join(" and ");
}

function FailureBox({ failure }: { failure: ActionFailure | null }) {
  const conflict = failure?.code === "ABORTED";
  return (
    <ActionErrorAlert
      failure={failure}
      message={conflict ? "This workspace was changed by someone else — reload to see the latest version. Nothing was changed." : undefined}
    />
  );
}

function ZoneRow({ title, children, action }: { title: string; children: ReactNode; action: ReactNode }) {
  return (
    <div className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <h3 className="text-sm font-semibold">{title}</h3>
        <div className="mt-0.5 text-sm text-muted">{children}</div>
      </div>
      <div className="shrink-0">{action}</div>
    </div>
  );
}

/** A Gated trigger that opens `dialog` when allowed. */
function Trigger({
  label,
  missing,
  blockedBy,
  variant = "secondary",
  onOpen,
}: {
  label: string;
  missing: string;
  /** Why the action cannot apply now (state), shown instead of a button. */
  blockedBy?: string;
  variant?: "secondary" | "danger";
  onOpen: () => void;
}) {
  if (blockedBy) {
    return (
      <Button variant={variant} disabled title={blockedBy}>
        {label}
      </Button>
    );
  }
  return (
    <GatedButton variant={variant} allowed={!missing} permission={missing} onClick={onOpen}>
      {label}
    </GatedButton>
  );
}

export interface DangerZoneProps {
  org: string;
  workspace: WorkspaceOutput;
  permissions: string[];
}

export function DangerZone({ org, workspace, permissions }: DangerZoneProps) {
  const held = new Set(permissions);
  const [open, setOpen] = useState<"state" | "clone" | "delete" | null>(null);
  const state = workspace.state;
  const deleted = state === "DELETED";
  const manageMissing = missingOf(held, ["manage:WorkspaceState"]);
  const cloneMissing = missingOf(held, ["clone:Workspace", "create:Workspace"]);
  const deleteMissing = missingOf(held, ["delete:Workspace"]);
  const close = () => setOpen(null);

  if (deleted) {
    return (
      <section aria-labelledby="danger-heading" className="rounded-xl border border-border bg-surface shadow-sm">
        <h2 id="danger-heading" className="border-b border-border px-5 py-3 text-sm font-semibold">
          Deleted workspace
        </h2>
        <RestoreRow org={org} workspace={workspace} missing={deleteMissing} />
      </section>
    );
  }

  return (
    <section aria-labelledby="danger-heading" className="rounded-xl border border-red-300 bg-surface shadow-sm dark:border-red-900">
      <h2 id="danger-heading" className="border-b border-red-300 px-5 py-3 text-sm font-semibold text-danger dark:border-red-900">
        Danger zone
      </h2>
      <div className="divide-y divide-border">
        {state === "DISABLED" ? (
          <ZoneRow
            title="Enable workspace"
            action={<Trigger label="Enable workspace" missing={manageMissing} onOpen={() => setOpen("state")} />}
          >
            The workspace is disabled and read-only. Enabling it lets members make changes again.
          </ZoneRow>
        ) : (
          <ZoneRow
            title="Disable workspace"
            action={
              <Trigger
                label="Disable workspace"
                missing={manageMissing}
                blockedBy={state === "TERMINATED" ? "A terminated workspace cannot change state." : undefined}
                onOpen={() => setOpen("state")}
              />
            }
          >
            {state === "TERMINATED"
              ? "This workspace is terminated: it stays read-only for good."
              : "Makes the workspace read-only: no changes to it, its members, roles, invitations or settings until it is enabled again."}
          </ZoneRow>
        )}
        <ZoneRow title="Clone workspace" action={<Trigger label="Clone workspace" missing={cloneMissing} onOpen={() => setOpen("clone")} />}>
          Copies its description, icon, color, domain, data policy, preferences and custom roles into a new workspace, and its members if you
          choose. Invitations and credentials are not copied.
        </ZoneRow>
        <ZoneRow
          title="Delete workspace"
          action={
            <Trigger
              label="Delete workspace"
              variant="danger"
              missing={deleteMissing}
              blockedBy={state !== "ACTIVE" ? `A ${state.toLowerCase()} workspace cannot be deleted${state === "DISABLED" ? "; enable it first" : ""}.` : undefined}
              onOpen={() => setOpen("delete")}
            />
          }
        >
          {state === "DISABLED"
            ? "Enable the workspace first: a disabled workspace cannot be deleted."
            : "Hides the workspace and removes everyone's access. It can be restored for 30 days, then it is purged."}
        </ZoneRow>
      </div>

      <Dialog open={open !== null} onOpenChange={(o) => (o ? null : close())}>
        {open === "state" ? (
          <StateDialog org={org} workspace={workspace} verb={state === "DISABLED" ? "enable" : "disable"} onDone={close} />
        ) : open === "clone" ? (
          <CloneDialog org={org} workspace={workspace} />
        ) : open === "delete" ? (
          <DeleteDialog org={org} workspace={workspace} />
        ) : null}
      </Dialog>
    </section>
  );
}

function useRefreshAfterChange(org: string) {
  const router = useRouter();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: workspaceKeys.org(org) });
    router.refresh();
  };
}

function StateDialog({ org, workspace, verb, onDone }: { org: string; workspace: WorkspaceOutput; verb: "disable" | "enable"; onDone: () => void }) {
  const uid = useId();
  const reasonIds = fieldIds(`${uid}-reason`);
  const commentIds = fieldIds(`${uid}-comment`);
  const [reason, setReason] = useState<StateTransitionReason>("USER_INITIATED");
  const [comment, setComment] = useState("");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const toast = useToast();
  const refresh = useRefreshAfterChange(org);
  const Verb = verb === "disable" ? "Disable" : "Enable";

  const change = useMutation({
    mutationFn: () =>
      (verb === "disable" ? disableWorkspaceAction : enableWorkspaceAction)(org, workspace.workspace_id, { reason, comment }),
    onSuccess: async (result) => {
      if (!result.ok) return setFailure(result.error);
      toast({ title: `Workspace ${verb}d`, description: `“${result.data.title}” is now ${result.data.state.toLowerCase()}.` });
      onDone();
      await refresh();
    },
    onError: () => setFailure(UNREACHABLE),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (change.isPending) return;
    setFailure(null);
    change.mutate();
  };

  return (
    <DialogContent
      title={`${Verb} workspace`}
      description={
        verb === "disable"
          ? `“${workspace.title}” becomes read-only until it is enabled again. Members keep their access to view it.`
          : `“${workspace.title}” accepts changes again.`
      }
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col">
        <div className="space-y-5 px-5 py-5">
          <FailureBox failure={failure} />
          <Field ids={reasonIds} label="Reason">
            <select
              {...controlProps(reasonIds, {})}
              value={reason}
              onChange={(e) => setReason(e.target.value as StateTransitionReason)}
              className={inputClass}
            >
              {STATE_TRANSITION_REASONS.map((r) => (
                <option key={r} value={r}>
                  {REASON_LABELS[r]}
                </option>
              ))}
            </select>
          </Field>
          <Field ids={commentIds} label="Comment" labelNote="(optional)" hint="Kept in the workspace's state history and audit log.">
            <textarea
              {...controlProps(commentIds, { hint: true })}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              rows={3}
              maxLength={1024}
              className={`${inputClass} resize-y`}
            />
          </Field>
        </div>
        <div className="flex flex-col-reverse gap-2 border-t border-border px-5 py-4 sm:flex-row sm:justify-end">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit" variant={verb === "disable" ? "danger" : "primary"} disabled={change.isPending}>
            {change.isPending ? <Spinner /> : null}
            {Verb} workspace
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}

function CloneDialog({ org, workspace }: { org: string; workspace: WorkspaceOutput }) {
  const uid = useId();
  const titleIds = fieldIds(`${uid}-title`);
  const [title, setTitle] = useState(`${workspace.title} (copy)`.slice(0, 256));
  const [includeMembers, setIncludeMembers] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [titleError, setTitleError] = useState("");
  const toast = useToast();
  const router = useRouter();
  const queryClient = useQueryClient();

  const clone = useMutation({
    mutationFn: () => cloneWorkspaceAction(org, workspace.workspace_id, { title, include_members: includeMembers }),
    onSuccess: async (result: ActionOutcome<WorkspaceOutput>) => {
      if (!result.ok) {
        const onTitle = result.error.fieldViolations.some((v) => v.field === "title");
        if (onTitle) setTitleError(result.error.code === "INVALID_ARGUMENT" ? result.error.fieldViolations[0].description : result.error.message);
        setFailure(onTitle ? null : result.error);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.lists(org) });
      toast({ title: "Workspace cloned", description: `“${result.data.title}” was created from “${workspace.title}”.` });
      router.push(`/o/${org}/workspaces/${result.data.workspace_id}/general`);
    },
    onError: () => setFailure(UNREACHABLE),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (clone.isPending) return;
    setFailure(null);
    if (!title.trim()) {
      setTitleError("Title must not be empty");
      return;
    }
    setTitleError("");
    clone.mutate();
  };

  return (
    <DialogContent title="Clone workspace" description={`A new workspace copied from “${workspace.title}”. You become its admin.`}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col">
        <div className="space-y-5 px-5 py-5">
          <FailureBox failure={failure} />
          <Field ids={titleIds} label="New title" error={titleError}>
            <input
              {...controlProps(titleIds, { error: titleError })}
              value={title}
              onChange={(e) => {
                setTitle(e.target.value);
                setTitleError("");
              }}
              maxLength={256}
              autoComplete="off"
              autoFocus
              className={inputClass}
            />
          </Field>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" checked={includeMembers} onChange={(e) => setIncludeMembers(e.target.checked)} className="mt-0.5 size-4" />
            <span>
              Include members
              <span className="block text-muted">Everyone who is a member now joins the copy with the same roles.</span>
            </span>
          </label>
        </div>
        <div className="flex flex-col-reverse gap-2 border-t border-border px-5 py-4 sm:flex-row sm:justify-end">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit" disabled={clone.isPending}>
            {clone.isPending ? <Spinner /> : null}
            Clone workspace
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}

function DeleteDialog({ org, workspace }: { org: string; workspace: WorkspaceOutput }) {
  const uid = useId();
  const confirmIds = fieldIds(`${uid}-confirm`);
  const [typed, setTyped] = useState("");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const toast = useToast();
  const router = useRouter();
  const queryClient = useQueryClient();
  const matches = typed === workspace.title;

  const remove = useMutation({
    mutationFn: () => deleteWorkspaceAction(org, workspace.workspace_id, { etag: workspace.etag }),
    onSuccess: async (result) => {
      if (!result.ok) return setFailure(result.error);
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.lists(org) });
      toast({ title: "Workspace deleted", description: `“${workspace.title}” can be restored from “Show deleted” for 30 days.` });
      router.push(`/o/${org}/workspaces`);
    },
    onError: () => setFailure(UNREACHABLE),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!matches || remove.isPending) return;
    setFailure(null);
    remove.mutate();
  };

  return (
    <DialogContent
      title="Delete workspace"
      description={
        <>
          Everyone loses access to “{workspace.title}”. It can be restored for 30 days, then it is purged with its members, roles, invitations
          and settings.
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col">
        <div className="space-y-5 px-5 py-5">
          <FailureBox failure={failure} />
          <Field
            ids={confirmIds}
            label={
              <>
                Type <span className="font-mono font-semibold select-all">{workspace.title}</span> to confirm
              </>
            }
          >
            <input
              {...controlProps(confirmIds, {})}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              className={inputClass}
            />
          </Field>
        </div>
        <div className="flex flex-col-reverse gap-2 border-t border-border px-5 py-4 sm:flex-row sm:justify-end">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit" variant="danger" disabled={!matches || remove.isPending}>
            {remove.isPending ? <Spinner /> : null}
            Delete workspace
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}

function RestoreRow({ org, workspace, missing }: { org: string; workspace: WorkspaceOutput; missing: string }) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const toast = useToast();
  const refresh = useRefreshAfterChange(org);
  const restore = useMutation({
    mutationFn: () => undeleteWorkspaceAction(org, workspace.workspace_id),
    onSuccess: async (result) => {
      if (!result.ok) return setFailure(result.error);
      toast({ title: "Workspace restored", description: `“${result.data.title}” is back.` });
      await refresh();
    },
    onError: () => setFailure(UNREACHABLE),
  });
  return (
    <>
      {failure ? (
        <div className="px-5 pt-4">
          <FailureBox failure={failure} />
        </div>
      ) : null}
      <ZoneRow
        title="Restore workspace"
        action={
          <GatedButton allowed={!missing} permission={missing} disabled={restore.isPending} onClick={() => restore.mutate()}>
            {restore.isPending ? <Spinner /> : null}
            Restore workspace
          </GatedButton>
        }
      >
        Brings the workspace back in the state it had before it was deleted, with its members, roles and settings.
      </ZoneRow>
    </>
  );
}
