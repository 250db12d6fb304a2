"use client";

import { useEffect } from "react";
import { rememberOrganization } from "@/lib/console/last-org";

/** Remembers the organization being viewed, so `/` can come back to it. Renders nothing. */
export function RememberOrg({ orgId }: { orgId: string }) {
  useEffect(() => rememberOrganization(orgId), [orgId]);
  return null;
}
