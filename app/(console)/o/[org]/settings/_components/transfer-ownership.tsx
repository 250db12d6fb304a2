"use client";

// Transfer ownership: the owner picks another member (searched through ListOrganizationUsers),
// then confirms. The new owner becomes an Organization Admin; the old one stays an admin. The
// choice is a react-hook-form field checked with the API's TransferOwnershipInput; a refusal that
// names the chosen member (a violation of user_id, or a member who is gone) shows under the list.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useDeferredValue, useId, useState } from "react";
import { useForm } from "react-hook-form";
import { ActionErrorAlert } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { Field, FieldError, controlProps, fieldIds, inputClass } from "@/components/field";
import { Skeleton } from "@/components/states";
import { useToast } from "@/components/toast";
import { useActionMutation } from "@/components/use-action-mutation";
import { ApiRequestError, apiFetch } from "@/lib/console/api-fetch";
import { applyServerErrors, schemaResolver } from "@/lib/console/form-errors";
import { organizationKeys } from "@/lib/console/query-keys";
import { filterLiteral } from "@/lib/console/list-query";
import type { ListOrganizationUsersOutput } from "@/lib/schemas/organizations";
import { transferOwnershipAction } from "../actions";

interface Candidate {
  userId: string;
  name: string;
  email: string;
}

type TransferValues = { user_id: string };
const LABELS = { user_id: "New owner" } as const;
const resolver = schemaResolver<TransferValues>(() => import("@/lib/schemas/organizations").then((m) => m.TransferOwnershipInput), LABELS);

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
  const form = useForm<TransferValues>({ defaultValues: { user_id: "" }, resolver });
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const ownerError = form.formState.errors.user_id?.message;
  const errorId = `${uid}-owner-error`;
  const searchIds = fieldIds(`${uid}-search`);

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

  const { mutation: transfer, failure } = useActionMutation((values: TransferValues) => transferOwnershipAction(org, values), {
    onOk: async (data) => {
      await queryClient.invalidateQueries({ queryKey: organizationKeys.members(org) });
      toast({ title: "Ownership transferred", description: `${data.owner_display_name || data.owner_email} now owns ${orgTitle}.` });
      onDone();
      router.refresh();
    },
    onRefused: (refusal) => {
      const rest = applyServerErrors(form, refusal, { labels: LABELS, byCode: { NOT_FOUND: "user_id" } });
      // A refusal about the choice is shown where the choice is made.
      if (form.getFieldState("user_id").error) setConfirming(false);
      return rest;
    },
  });

  const submit = form.handleSubmit((values) => (confirming ? transfer.mutate(values) : setConfirming(true)));

  if (confirming && chosen) {
    return (
      <form onSubmit={submit} noValidate>
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
          <Button type="submit" variant="danger" disabled={transfer.isPending}>
            {transfer.isPending ? <Spinner /> : null}
            Transfer ownership
          </Button>
        </div>
      </form>
    );
  }

  const loadError = candidates.error instanceof ApiRequestError ? candidates.error : null;
  const ownerField = form.register("user_id", { onChange: (e) => setChosen(rows.find((c) => c.userId === e.target.value) ?? null) });
  return (
    <div>
      <div className="px-5 pt-5">
        <Field ids={searchIds} label="Find a member">
          <input {...controlProps(searchIds, {})} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or email" autoComplete="off" autoFocus className={inputClass} />
        </Field>
      </div>
      <form onSubmit={submit} noValidate>
        <div className="px-5 py-4">
          <fieldset aria-describedby={ownerError ? errorId : undefined}>
            <legend className="sr-only">{LABELS.user_id}</legend>
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
                      <input {...ownerField} type="radio" value={c.userId} className="size-4 accent-accent" />
                      <span className="min-w-0 leading-tight">
                        <span className="block truncate text-sm font-medium">{c.name}</span>
                        <span className="block truncate text-xs text-muted">{c.email}</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <FieldError id={errorId} message={ownerError} />
          </fieldset>
          {failure && !ownerError ? (
            <div className="mt-3">
              <ActionErrorAlert failure={failure} />
            </div>
          ) : null}
        </div>
        <div className="flex flex-col-reverse gap-2 border-t border-border px-5 py-4 sm:flex-row sm:justify-end">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button type="submit">Continue</Button>
        </div>
      </form>
    </div>
  );
}
