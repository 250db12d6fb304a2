// A role as a small pill that says where it applies: a workspace role, or an organization role
// that reaches every workspace. The words carry the meaning; the color only repeats it.

export interface RoleChipProps {
  title: string;
  scope: "ROLE_SCOPE_WORKSPACE" | "ROLE_SCOPE_ORGANIZATION";
}

export function RoleChip({ title, scope }: RoleChipProps) {
  const org = scope === "ROLE_SCOPE_ORGANIZATION";
  return (
    <span
      className={`inline-flex max-w-full items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${
        org
          ? "bg-surface-2 text-fg ring-border-strong"
          : "bg-indigo-50 text-indigo-900 ring-indigo-700/20 dark:bg-indigo-400/10 dark:text-indigo-200 dark:ring-indigo-400/30"
      }`}
    >
      <span className="truncate">{title}</span>
      <span className="text-[0.65rem] font-semibold tracking-wide uppercase opacity-75">{org ? "org" : "ws"}</span>
      <span className="sr-only">{org ? "(organization role)" : "(workspace role)"}</span>
    </span>
  );
}
