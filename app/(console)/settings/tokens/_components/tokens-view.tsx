"use client";

// /settings/tokens: the signed-in user's personal access tokens — prefix, scope, access, last
// use and expiry, never the secret — with creating one (shown once) and revoking.

import { useInfiniteQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { TableHead } from "@/components/table-head";
import { Button, Spinner } from "@/components/button";
import { LocalTime } from "@/components/local-time";
import { EmptyState, ErrorState } from "@/components/states";
import { ApiRequestError, apiFetch } from "@/lib/console/api-fetch";
import { tokenKeys } from "@/lib/console/query-keys";
import { useOpenedOnce } from "@/lib/console/use-opened-once";
import type { ListTokensOutput, TokenOutput } from "@/lib/schemas/tokens";

// The dialogs (the token form with react-hook-form, the token schema and zod; Radix dialog and select) load on their first opening.
const CreateTokenDialog = dynamic(() => import("./create-token-dialog").then((m) => m.CreateTokenDialog), { ssr: false });
const RevokeTokenDialog = dynamic(() => import("./revoke-token-dialog").then((m) => m.RevokeTokenDialog), { ssr: false });

export interface OrganizationChoice {
  id: string;
  title: string;
}

export interface TokensViewProps {
  initialTokens: ListTokensOutput;
  organizations: OrganizationChoice[];
  renderedAt: number;
}

type TokensDialog = { kind: "new" } | { kind: "revoke"; token: TokenOutput } | null;

function scopeText(token: TokenOutput, orgTitles: Map<string, string>): string {
  const org = token.organization_id ? (orgTitles.get(token.organization_id) ?? token.organization_id) : "Every organization";
  const workspaces = token.workspace_ids.length === 0 ? "all workspaces" : `${token.workspace_ids.length} workspace${token.workspace_ids.length === 1 ? "" : "s"}`;
  return `${org} · ${workspaces}`;
}

export function TokensView({ initialTokens, organizations, renderedAt }: TokensViewProps) {
  const orgTitles = new Map(organizations.map((o) => [o.id, o.title]));
  const tokens = useInfiniteQuery({
    queryKey: tokenKeys.list(),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<ListTokensOutput>(`/me/tokens?page_size=100${pageParam ? `&page_token=${encodeURIComponent(pageParam)}` : ""}`, { signal }),
    initialPageParam: "",
    getNextPageParam: (last) => last.next_page_token || undefined,
    initialData: { pages: [initialTokens], pageParams: [""] },
    initialDataUpdatedAt: renderedAt,
  });
  const rows = tokens.data.pages.flatMap((p) => p.tokens);

  const [dialog, setDialog] = useState<TokensDialog>(null);
  const createOpened = useOpenedOnce(dialog?.kind === "new");
  const revokeOpened = useOpenedOnce(dialog?.kind === "revoke");
  const openerRef = useRef<HTMLElement | null>(null);
  const open = (next: TokensDialog) => {
    openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDialog(next);
  };
  const restoreFocus = () => {
    const opener = openerRef.current;
    if (opener?.isConnected) opener.focus();
    else document.getElementById("main")?.focus();
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="max-w-2xl">
          <h1 className="text-2xl font-semibold tracking-tight">Personal access tokens</h1>
          <p className="mt-1 text-sm text-muted">
            A token lets a script or tool call the API as you, limited to one organization, optionally to some of its workspaces, and
            optionally to reading. Send it as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>.
          </p>
        </div>
        <Button onClick={() => open({ kind: "new" })} disabled={organizations.length === 0}>
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M8 3v10M3 8h10" strokeLinecap="round" />
          </svg>
          New token
        </Button>
      </div>

      {tokens.error ? (
        <ErrorState
          title="The tokens could not be refreshed"
          message={tokens.error instanceof ApiRequestError ? tokens.error.message : "The request failed."}
          requestId={tokens.error instanceof ApiRequestError ? tokens.error.requestId : undefined}
          onRetry={() => void tokens.refetch()}
        />
      ) : null}

      <div className="overflow-x-auto rounded-xl border border-border bg-surface shadow-sm">
        {rows.length === 0 ? (
          <EmptyState title="No tokens yet">
            {organizations.length === 0 ? "Join or create an organization first: every token belongs to one." : "Create one for each script or tool, so each can be revoked alone."}
          </EmptyState>
        ) : (
          <table className="w-full min-w-[48rem] text-left text-sm">
            <caption className="sr-only">Your personal access tokens</caption>
            <TableHead
              columns={["Name", "Token", "Scope", "Access", "Last used", "Expires"]}
              actions
              className="border-b border-border text-xs font-semibold tracking-wide text-muted uppercase"
              cellClassName="px-4 py-3"
            />
            <tbody className="divide-y divide-border">
              {rows.map((t) => (
                <tr key={t.token_id} data-testid={`token-row-${t.token_id}`}>
                  <td className="max-w-[14rem] px-4 py-3">
                    <span className="block truncate font-medium" title={t.display_name}>{t.display_name}</span>
                    <span className="text-xs text-muted">Created <LocalTime iso={t.create_time} /></span>
                  </td>
                  <td className="px-4 py-3 font-mono text-xs whitespace-nowrap">{t.prefix}…</td>
                  <td className="max-w-[16rem] px-4 py-3">
                    <span className="block truncate" title={t.workspace_ids.join(", ") || undefined}>{scopeText(t, orgTitles)}</span>
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">{t.access === "READ_ONLY" ? "Read-only" : "Full"}</td>
                  <td className="px-4 py-3 whitespace-nowrap">{t.last_use_time ? <LocalTime iso={t.last_use_time} format="datetime" /> : <span className="text-muted">Never</span>}</td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {t.state === "EXPIRED" ? (
                      <span className="rounded bg-danger-bg px-1.5 py-0.5 text-xs font-semibold text-danger">Expired</span>
                    ) : t.expire_time ? (
                      <LocalTime iso={t.expire_time} />
                    ) : (
                      <span className="text-muted">Never</span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-right">
                    <Button variant="secondary" size="sm" className="text-danger" onClick={() => open({ kind: "revoke", token: t })} aria-label={`Revoke ${t.display_name}`}>
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {tokens.hasNextPage ? (
        <Button variant="secondary" onClick={() => void tokens.fetchNextPage()} disabled={tokens.isFetchingNextPage}>
          {tokens.isFetchingNextPage ? <Spinner /> : null}
          Show more
        </Button>
      ) : null}

      {createOpened ? (
        <CreateTokenDialog
          open={dialog?.kind === "new"}
          organizations={organizations}
          onOpenChange={(o) => setDialog(o ? { kind: "new" } : null)}
          onCloseAutoFocus={restoreFocus}
        />
      ) : null}
      {revokeOpened ? (
        <RevokeTokenDialog
          token={dialog?.kind === "revoke" ? dialog.token : null}
          onOpenChange={(o) => (o ? undefined : setDialog(null))}
          onCloseAutoFocus={restoreFocus}
        />
      ) : null}
    </div>
  );
}
