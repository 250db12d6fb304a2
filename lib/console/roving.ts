"use client";

// Roving tabindex for a group of choices (WAI-ARIA radio group pattern): the group is one Tab
// stop — the chosen item, or the first when none is — and the arrow keys, Home and End move
// through the items, choosing as they go. The icon picker's 21 buttons and the color picker's 8
// swatches used to be 29 Tab stops.

import type { KeyboardEvent } from "react";

/** tabIndex for item `index` when `selected` is the chosen one (-1: none chosen). */
export function rovingTabIndex(index: number, selected: number): 0 | -1 {
  return index === (selected >= 0 ? selected : 0) ? 0 : -1;
}

/** The index the key moves to from `from` in a group of `count`, or null for other keys. */
export function rovingTarget(key: string, from: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
      return (from + 1) % count;
    case "ArrowLeft":
    case "ArrowUp":
      return (from - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/** A keydown handler for the group: moves focus to the target item and chooses it. */
export function onRovingKeyDown(event: KeyboardEvent<HTMLElement>, choose: (index: number) => void): void {
  const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]:not([disabled])'));
  const from = items.indexOf(document.activeElement as HTMLElement);
  if (from < 0) return;
  const to = rovingTarget(event.key, from, items.length);
  if (to === null) return;
  event.preventDefault();
  items[to].focus();
  choose(to);
}
