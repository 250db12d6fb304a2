"use client";

import { useState } from "react";

/**
 * True from the first render where `open` is true on. A lazily loaded dialog is mounted only once
 * it has been opened (so its code is fetched on that click, not with the page), then stays mounted
 * as an always-rendered dialog would: its state and close animation behave as before.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
