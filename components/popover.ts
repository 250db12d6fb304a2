// What every floating panel of the console (menus, select lists) shares: it opens 4px from its
// trigger, keeps 8px inside the viewport, and looks like one surface in light and dark.

export const popoverPlacement = { sideOffset: 4, collisionPadding: 8 } as const;

export const popoverSurface = "border border-border bg-surface text-fg shadow-lg";
