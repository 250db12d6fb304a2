// The permission catalog as a matrix: rows are resources (Workspace, Member, Role, …), columns
// are actions (read, create, update, …), and a cell holds the permission `action:Resource` when
// the catalog has it. Client-safe.

export interface CatalogPermission {
  permission: string;
  description: string;
}

export interface PermissionMatrix {
  resources: string[];
  actions: string[];
  /** `cell(resource, action)`: the catalog entry, or undefined when there is no such permission. */
  cell: (resource: string, action: string) => CatalogPermission | undefined;
}

const ACTION_ORDER = ["read", "create", "update", "delete", "clone", "manage"];

export function permissionMatrix(catalog: readonly CatalogPermission[]): PermissionMatrix {
  const byKey = new Map<string, CatalogPermission>();
  const resources: string[] = [];
  const actions: string[] = [];
  for (const entry of catalog) {
    const [action, resource] = entry.permission.split(":");
    if (!action || !resource) continue;
    byKey.set(`${resource}|${action}`, entry);
    if (!resources.includes(resource)) resources.push(resource);
    if (!actions.includes(action)) actions.push(action);
  }
  const rank = (a: string) => {
    const i = ACTION_ORDER.indexOf(a);
    return i < 0 ? ACTION_ORDER.length : i;
  };
  actions.sort((a, b) => rank(a) - rank(b));
  return { resources, actions, cell: (resource, action) => byKey.get(`${resource}|${action}`) };
}

/** `WorkspaceState` → `Workspace state`, for row headers. */
export function resourceLabel(resource: string): string {
  const words = resource.replace(/([a-z])([A-Z])/g, "$1 $2").split(" ");
  return words.map((w, i) => (i === 0 ? w : w.toLowerCase())).join(" ");
}
