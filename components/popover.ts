// What every floating panel of the console (menus, select lists, tooltips) shares: it opens 4px from its
// trigger, keeps 8px inside the viewport, and looks like one surface in light and dark.

export const popoverPlacement = { sideOffset: 4, collisionPadding: 8 } as const;

export const popoverSurface = "border border-border bg-surface text-fg shadow-lg";

/** A tooltip's bubble: dark on light, light on dark, above dialogs. */
export const tooltipSurface =
  "z-[70] rounded-md bg-gray-900 px-2.5 py-1.5 text-xs font-medium text-white shadow-lg dark:bg-gray-100 dark:text-gray-900";
