import { PageSkeleton } from "@/components/page-skeleton";

/**
 * Shown while the settings page (members, pending invitations) renders on the server. Below the
 * [org] layout, so another tenant's organization still answers 404 before anything streams.
 */
export default function OrgSettingsLoading() {
  return <PageSkeleton label="Loading the organization settings…" />;
}
