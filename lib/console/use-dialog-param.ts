"use client";

// Opens a page's dialog named by the URL (`?dialog=new`), then drops the parameter so a reload or
// Back does not open it again. The command palette links to actions this way.

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";

export const DIALOG_PARAM = "dialog";

export function useDialogParam(open: (name: string) => void): void {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const name = params.get(DIALOG_PARAM);
  useEffect(() => {
    if (!name) return;
    open(name);
    const rest = new URLSearchParams(params);
    rest.delete(DIALOG_PARAM);
    router.replace(rest.size ? `${pathname}?${rest}` : pathname, { scroll: false });
    // Only a new name opens a dialog; `open` may be a fresh closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name]);
}
