import type { OrganizationOutput } from "../../schemas/organizations";

export const organizationSelect = {
  id: true,
  title: true,
  logoDataUri: true,
  createdAt: true,
  updatedAt: true,
  deleteTime: true,
  purgeTime: true,
  owner: { select: { displayName: true, email: true } },
} as const;

interface OrganizationRow {
  id: string;
  title: string;
  logoDataUri: string;
  createdAt: Date;
  updatedAt: Date;
  deleteTime: Date | null;
  purgeTime: Date | null;
  owner: { displayName: string; email: string };
}

export function toOrganizationOutput(row: OrganizationRow): OrganizationOutput {
  return {
    name: `organizations/${row.id}`,
    organization_id: row.id,
    title: row.title,
    logo_data_uri: row.logoDataUri,
    create_time: row.createdAt.toISOString(),
    update_time: row.updatedAt.toISOString(),
    owner_display_name: row.owner.displayName,
    owner_email: row.owner.email,
    ...(row.deleteTime ? { delete_time: row.deleteTime.toISOString(), purge_time: row.purgeTime?.toISOString() ?? "" } : {}),
  };
}
