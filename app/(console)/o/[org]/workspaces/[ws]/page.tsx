import { redirect } from "next/navigation";
import { loadConsoleWorkspace } from "./_lib/console-workspace";

export const dynamic = "force-dynamic";

export default async function WorkspacePage({ params }: { params: Promise<{ org: string; ws: string }> }) {
  const { org, ws } = await params;
  // Not found answers 404 here too, rather than redirecting to a tab that would.
  await loadConsoleWorkspace(org, ws);
  redirect(`/o/${org}/workspaces/${ws}/general`);
}
