"use client";

// The command palette's dialog (see command-palette.tsx, which loads this file on the first
// opening): cmdk's Radix dialog traps focus, closes on Escape, and its list is a listbox walked
// with the arrow keys. Workspaces and members are searched on the server as the user types (only
// what the caller may read comes back); the actions offered are the ones the layout passed in.
// A chosen page renders on the server: until it arrives, a small "Opening…" status says so (the
// navigation runs in a transition, which stays pending until the new page is shown).

import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useDeferredValue, useState, useTransition } from "react";
import { QueryProvider } from "@/components/query-provider";
import { apiFetch } from "@/lib/console/api-fetch";
import { filterLiteral } from "@/lib/console/list-query";
import type { ListOrganizationUsersOutput } from "@/lib/schemas/organizations";
import type { WorkspaceOutput } from "@/lib/schemas/workspaces";
import type { CommandPaletteProps, PaletteCommand } from "./command-palette";

const SEARCH_SIZE = "8";

const itemClass = "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm select-none data-[selected=true]:bg-surface-2";
const groupClass =
  "[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted";

function matches(command: PaletteCommand, text: string): boolean {
  const needle = text.trim().toLowerCase();
  return !needle || [command.label, ...(command.keywords ?? [])].some((w) => w.toLowerCase().includes(needle));
}

/** A group of the layout's commands (pages or actions); nothing when none matches. */
function CommandGroup({ heading, commands, valueOf, onSelect }: { heading: string; commands: PaletteCommand[]; valueOf: (c: PaletteCommand) => string; onSelect: (href: string) => void }) {
  if (!commands.length) return null;
  return (
    <Command.Group heading={heading} className={groupClass}>
      {commands.map((c) => (
        <Command.Item key={c.href} value={valueOf(c)} onSelect={() => onSelect(c.href)} className={itemClass}>
          {c.label}
        </Command.Item>
      ))}
    </Command.Group>
  );
}

function PaletteDialog({ org, pages, actions, open, setOpen }: CommandPaletteProps & { open: boolean; setOpen: (open: boolean) => void }) {
  const [text, setText] = useState("");
  const search = useDeferredValue(text.trim());
  const router = useRouter();
  const [opening, startOpening] = useTransition();

  const workspaces = useQuery({
    queryKey: ["palette", org, "workspaces", search],
    queryFn: ({ signal }) => {
      const p = new URLSearchParams({ page_size: SEARCH_SIZE, order_by: "title" });
      if (search) p.set("filter", `title : ${filterLiteral(search)}`);
      return apiFetch<{ user_workspaces: WorkspaceOutput[] }>(`/me/organizations/${encodeURIComponent(org)}/workspaces?${p}`, { signal });
    },
    enabled: open,
  });
  const members = useQuery({
    queryKey: ["palette", org, "members", search],
    queryFn: ({ signal }) => {
      const p = new URLSearchParams({ page_size: SEARCH_SIZE, order_by: "display_name", filter: `search : ${filterLiteral(search)}` });
      return apiFetch<ListOrganizationUsersOutput>(`/organizations/${encodeURIComponent(org)}/users?${p}`, { signal });
    },
    // Members are searched, not listed: an organization can have thousands.
    enabled: open && search.length > 0,
  });

  const go = (href: string) => {
    setOpen(false);
    setText("");
    startOpening(() => router.push(href));
  };
  const shownPages = pages.filter((c) => matches(c, text));
  const shownActions = actions.filter((c) => matches(c, text));
  const wsRows = workspaces.data?.user_workspaces ?? [];
  const memberRows = search ? (members.data?.users ?? []) : [];
  const loading = workspaces.isFetching || members.isFetching;
  const failed = workspaces.isError || members.isError;

  return (
    <>
      {opening && !open ? (
        <p
          role="status"
          className="fixed top-3 left-1/2 z-50 -translate-x-1/2 rounded-full border border-border bg-surface px-3 py-1 text-sm text-muted shadow-md"
        >
          Opening…
        </p>
      ) : null}
      <Command.Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setText("");
        }}
        label="Command palette"
        shouldFilter={false}
        loop
        overlayClassName="fixed inset-0 z-50 bg-black/40"
        contentClassName="fixed top-[12vh] left-1/2 z-50 w-[36rem] max-w-[calc(100vw-2rem)] -translate-x-1/2 rounded-xl border border-border bg-surface text-fg shadow-xl"
      >
        <Command.Input
          value={text}
          onValueChange={setText}
          placeholder="Jump to a workspace, member or page, or run an action…"
          aria-label="Search commands, workspaces and members"
          className="w-full rounded-t-xl border-b border-border bg-surface px-4 py-3 text-sm outline-none placeholder:text-muted"
        />
        <Command.List className="max-h-[60vh] overflow-y-auto p-1">
          {loading ? <Command.Loading>
            <p className="px-3 py-2 text-xs text-muted">Searching…</p>
          </Command.Loading> : null}
          {failed ? (
            <p role="alert" className="px-3 py-2 text-xs text-danger">
              The search could not reach the server; pages and actions still work.
            </p>
          ) : null}
          <Command.Empty className="px-3 py-6 text-center text-sm text-muted">{loading ? "Searching…" : `Nothing matches “${text}”.`}</Command.Empty>
          <CommandGroup heading="Actions" commands={shownActions} valueOf={(c) => `action ${c.label}`} onSelect={go} />
          {wsRows.length ? (
            <Command.Group heading="Workspaces" className={groupClass}>
              {wsRows.map((w) => (
                <Command.Item
                  key={w.workspace_id}
                  value={`workspace ${w.workspace_id}`}
                  // Straight to its first tab: the workspace's own URL answers with a redirect there,
                  // one more round trip, which a command run before it landed could lose to.
                  onSelect={() => go(`/o/${org}/workspaces/${w.workspace_id}/general`)}
                  className={itemClass}
                >
                  <span className="truncate">{w.title}</span>
                </Command.Item>
              ))}
            </Command.Group>
          ) : null}
          {memberRows.length ? (
            <Command.Group heading="Members" className={groupClass}>
              {memberRows.map((m) => (
                <Command.Item
                  key={m.user.name}
                  value={`member ${m.user.name}`}
                  onSelect={() => go(`/o/${org}/settings?q=${encodeURIComponent(m.user.email)}`)}
                  className={itemClass}
                >
                  <span className="truncate">{m.user.display_name || m.user.email}</span>
                  <span className="ml-auto truncate text-xs text-muted">{m.user.email}</span>
                </Command.Item>
              ))}
            </Command.Group>
          ) : null}
          <CommandGroup heading="Pages" commands={shownPages} valueOf={(c) => `page ${c.href}`} onSelect={go} />
        </Command.List>
      </Command.Dialog>
    </>
  );
}

/** The organization layout has no React Query of its own (its pages mostly do not need it). */
export default function CommandPaletteDialog(props: CommandPaletteProps & { open: boolean; setOpen: (open: boolean) => void }) {
  return (
    <QueryProvider>
      <PaletteDialog {...props} />
    </QueryProvider>
  );
}
