"use client";

// The portal and bubble of a Radix tooltip whose text is a long name or title shown in full.

import * as Tooltip from "@radix-ui/react-tooltip";
import { popoverPlacement, tooltipSurface } from "./popover";

export function FullTextBubble({ text, side, align }: { text: string; side: "top" | "bottom"; align: "start" | "end" }) {
  return (
    <Tooltip.Portal>
      <Tooltip.Content side={side} align={align} {...popoverPlacement} className={`max-w-[min(32rem,calc(100vw-1rem))] break-words ${tooltipSurface}`}>
        {text}
      </Tooltip.Content>
    </Tooltip.Portal>
  );
}
