"use client";

// The owner's soft-deleted organizations on the home page, each with its purge date and Restore.

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
import { restoreOrganizationAction } from "../actions";

export interface DeletedOrganization {
  id: string;
  title: string;
  purgeTime: string;
}

export function DeletedOrganizations({ orgs }: { orgs: DeletedOrganization[] }) {
  return (
    <section aria-labelledby="deleted-orgs-heading" className="rounded-xl border border-border bg-surface p-5 shadow-sm">
      <h2 id="deleted-orgs-heading" className="text-base font-semibold">
        Deleted organizations
      </h2>
      <p className="mt-1 text-sm text-muted">You own these. Each can be restored, with everything in it, until it is purged.</p>
      <ul className="mt-3 divide-y divide-border">
        {orgs.map((o) => (
          <DeletedRow key={o.id} org={o} />
        ))}
      </ul>
    </section>
  );
}

function DeletedRow({ org }: { org: DeletedOrganization }) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const router = useRouter();
  const toast = useToast();
  const restore = useMutation({
    mutationFn: () => restoreOrganizationAction(org.id),
    onMutate: () => setFailure(null),
    onSuccess: (result) => {
      if (!result.ok) return setFailure(result.error);
      toast({ title: "Organization restored", description: `“${org.title}” and its workspaces are back.` });
      router.push(`/o/${org.id}/workspaces`);
    },
    onError: () => setFailure(UNREACHABLE),
  });
  const purge = new Date(org.purgeTime);
  return (
    <li className="py-3" data-testid="deleted-org">
      <div className="flex items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate font-medium" title={org.title}>
            {org.title}
          </p>
          <p className="text-xs text-muted">
            Purged on <time dateTime={org.purgeTime} title={purge.toISOString()}>{purge.toISOString().slice(0, 10)}</time>
          </p>
        </div>
        <Button variant="secondary" onClick={() => restore.mutate()} disabled={restore.isPending} aria-label={`Restore ${org.title}`}>
          {restore.isPending ? <Spinner /> : null}
          Restore
        </Button>
      </div>
      {failure ? (
        <div className="mt-2">
          <ActionErrorAlert failure={failure} />
        </div>
      ) : null}
    </li>
  );
}
