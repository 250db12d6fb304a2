import { redirect } from "next/navigation";

export const dynamic = "force-dynamic";

export default async function OrgHome({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  redirect(`/o/${org}/workspaces`);
}
