// "243 / 256 characters": shown once a text comes near its limit (80 %), so a user sees the
// limit before the input stops taking characters, and announced politely when it is reached.

export function CharacterCount({ value, max, from = 0.8 }: { value: string; max: number; from?: number }) {
  // UTF-16 units, as the input's maxLength counts them.
  const length = value.length;
  if (length < Math.floor(max * from)) return null;
  const full = length >= max;
  return (
    <span aria-live="polite" className={`tabular-nums ${full ? "font-medium text-danger" : ""}`} data-testid="character-count">
      {length} / {max} characters{full ? " — the limit" : ""}
    </span>
  );
}
