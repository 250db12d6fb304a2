// The text input's classes, on their own so a control that only needs them (the list search box)
// does not load the form field scaffolding with them.

export const inputClass =
  "block w-full rounded-md border border-border-strong bg-surface px-3 py-2 text-sm text-fg shadow-sm placeholder:text-muted " +
  "aria-[invalid=true]:border-danger " +
  // Read-only, not faded: the value stays fully legible on a flat background, without the
  // shadow and strong border that invite typing.
  "disabled:cursor-default disabled:border-border disabled:bg-surface-2 disabled:text-fg disabled:shadow-none";
