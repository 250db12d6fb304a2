// The product's mark: four tiles on the accent color. Decorative; pair it with a visible name or
// an aria-label on the surrounding link.

const SIZES = {
  sm: { box: "size-8 rounded-lg", icon: "size-5" },
  lg: { box: "size-11 rounded-xl", icon: "size-6" },
} as const;

export function LogoMark({ size = "sm", className = "" }: { size?: keyof typeof SIZES; className?: string }) {
  const s = SIZES[size];
  return (
    <span aria-hidden="true" className={`inline-flex items-center justify-center bg-accent text-accent-fg ${s.box} ${className}`}>
      <svg viewBox="0 0 24 24" className={s.icon} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <rect x="3" y="3" width="7" height="7" rx="1.5" />
        <rect x="14" y="3" width="7" height="7" rx="1.5" />
        <rect x="3" y="14" width="7" height="7" rx="1.5" />
        <rect x="14" y="14" width="7" height="7" rx="1.5" />
      </svg>
    </span>
  );
}
