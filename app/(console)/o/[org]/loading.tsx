import { PageSkeleton } from "@/components/page-skeleton";

/** Shown inside the organization's header while a page of it renders on the server. */
export default function OrgLoading() {
  return <PageSkeleton label="Loading the page…" />;
}
