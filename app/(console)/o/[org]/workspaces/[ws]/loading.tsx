import { PageSkeleton } from "@/components/page-skeleton";

/** Shown under the workspace's header and tabs while the chosen tab renders on the server. */
export default function WorkspaceTabLoading() {
  return <PageSkeleton label="Loading the tab…" aside />;
}
