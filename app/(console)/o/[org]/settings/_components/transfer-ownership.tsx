"use client";

// Transfer ownership: the owner picks another member (searched through ListOrganizationUsers),
// then confirms. The new owner becomes an Organization Admin; the old one stays an admin.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useDeferredValue, useId, useState } from "react";
import { Button, Spinner } from "@/components/button";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { inputClass } from "@/components/field";
import { Skeleton } from "@/components/states";
import { useToast } from "@/components/toast";
import { ApiRequestError, apiFetch } from "@/lib/console/api-fetch";
import type { ActionFailure } from "@/lib/console/action-result";
import { organizationKeys } from "@/lib/console/query-keys";
import { filterLiteral } from "@/lib/console/list-query";
import type { ListOrganizationUsersOutput } from "@/lib/schemas/organizations";
import { transferOwnershipAction } from "../actions";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";

interface Candidate {
  userId: string;
  name: string;
  email: string;
}

export function TransferOwnershipDialog({
  org,
  orgTitle,
  ownerEmail,
  open,
  onOpenChange,
}: {
  org: string;
  orgTitle: string;
  ownerEmail: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open ? (
        <DialogContent title="Transfer ownership" description={`Choose the member who will own ${orgTitle}.`}>
          <TransferBody org={org} orgTitle={orgTitle} ownerEmail={ownerEmail} onDone={() => onOpenChange(false)} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function TransferBody({ org, orgTitle, ownerEmail, onDone }: { org: string; orgTitle: string; ownerEmail: string; onDone: () => void }) {
  const uid = useId();
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const [chosen, setChosen] = useState<Candidate | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();

  const candidates = useQuery({
    queryKey: [...organizationKeys.members(org), "transfer-candidates", deferred],
    queryFn: ({ signal }) => {
      const p = new URLSearchParams({ page_size: "20", order_by: "display_name" });
      if (deferred) p.set("filter", `search : ${filterLiteral(deferred)}`);
      return apiFetch<ListOrganizationUsersOutput>(`/organizations/${encodeURIComponent(org)}/users?${p}`, { signal });
    },
  });
  const rows: Candidate[] = (candidates.data?.users ?? [])
    .filter((u) => u.user.email !== ownerEmail)
    .map((u) => ({ userId: u.user.name.split("/").pop() ?? "", name: u.user.display_name || u.user.email, email: u.user.email }));

  const transfer = useMutation({
    mutationFn: (userId: string) => transferOwnershipAction(org, { user_id: userId }),
    onMutate: () => setFailure(null),
    onSuccess: async (result) => {
      if (!result.ok) {
        setFailure(result.error);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: organizationKeys.members(org) });
      toast({ title: "Ownership transferred", description: `${result.data.owner_display_name || result.data.owner_email} now owns ${orgTitle}.` });
      onDone();
      router.refresh();
    },
    onError: () => setFailure(UNREACHABLE),
  });

  if (confirming && chosen) {
    return (
      <div>
        <div className="space-y-3 px-5 py-5 text-sm">
          <ActionErrorAlert failure={failure} />
          <p>
            Make <strong>{chosen.name}</strong> ({chosen.email}) the owner of <strong>{orgTitle}</strong>?
          </p>
          <ul className="list-disc space-y-1 pl-5 text-muted">
            <li>They become an Organization Admin if they are not one already.</li>
            <li>You stay an Organization Admin, but only the new owner can transfer ownership again.</li>
            <li>The owner cannot be removed from the organization or lose the Organization Admin role.</li>
          </ul>
        </div>
        <div className="flex flex-col-reverse gap-2 border-t border-border px-5 py-4 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setConfirming(false)} disabled={transfer.isPending}>
            Back
          </Button>
          <Button variant="danger" disabled={transfer.isPending} onClick={() => transfer.mutate(chosen.userId)}>
            {transfer.isPending ? <Spinner /> : null}
            Transfer ownership
          </Button>
        </div>
      </div>
    );
  }

  const loadError = candidates.error instanceof ApiRequestError ? candidates.error : null;
  return (
    <div>
      <div className="space-y-4 px-5 py-5">
        <div className="space-y-1.5">
          <label htmlFor={`${uid}-search`} className="block text-sm font-medium">
            Find a member
          </label>
          <input
            id={`${uid}-search`}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Name or email"
            autoComplete="off"
            autoFocus
            className={inputClass}
          />
        </div>
        <fieldset>
          <legend className="sr-only">New owner</legend>
          {candidates.isPending ? (
            <div className="space-y-2">
              <Skeleton className="h-10 w-full" />
              <Skeleton className="h-10 w-full" />
            </div>
          ) : loadError || candidates.isError ? (
            <ActionErrorAlert
              failure={{ code: "", message: loadError?.message ?? "The members could not be loaded.", requestId: loadError?.requestId ?? "", fieldViolations: [] }}
            />
          ) : rows.length === 0 ? (
            <p className="text-sm text-muted">{deferred ? `No other member matches “${deferred}”.` : "There is no other member to transfer to. Add one first."}</p>
          ) : (
            <ul className="max-h-64 space-y-1 overflow-y-auto">
              {rows.map((c) => (
                <li key={c.userId}>
                  <label className="flex cursor-pointer items-center gap-3 rounded-md border border-border px-3 py-2 has-checked:border-accent">
                    <input
                      type="radio"
                      name={`${uid}-owner`}
                      checked={chosen?.userId === c.userId}
                      onChange={() => setChosen(c)}
                      className="size-4 accent-accent"
                    />
                    <span className="min-w-0 leading-tight">
                      <span className="block truncate text-sm font-medium">{c.name}</span>
                      <span className="block truncate text-xs text-muted">{c.email}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      </div>
      <div className="flex flex-col-reverse gap-2 border-t border-border px-5 py-4 sm:flex-row sm:justify-end">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button disabled={!chosen} onClick={() => setConfirming(true)}>
          Continue
        </Button>
      </div>
    </div>
  );
}
