import { PageSkeleton } from "@/components/page-skeleton";

/**
 * Shown under the workspace's header and tabs while the chosen tab renders on the server. Only
 * here, below the [ws] layout: a loading boundary above it would stream a 200 before the layout's
 * notFound() for another tenant's workspace, which must answer 404.
 */
export default function WorkspaceTabLoading() {
  return <PageSkeleton label="Loading the tab…" aside />;
}
