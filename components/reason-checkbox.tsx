"use client";

// The permission matrix's checkbox under the "disabled with a reason" rule (reason-button.tsx), in
// its own module so the pages with only buttons do not load it.

import type { InputHTMLAttributes, ReactNode } from "react";
import { Reasoned, type TipAlign } from "./reason-button";

export interface ReasonCheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "children"> {
  /** Why the box cannot be ticked; empty or undefined when it can. */
  reason?: string;
  /** What the tooltip says, when it says more than the reason (e.g. what the permission allows, then why not). */
  tip?: ReactNode;
  tipAlign?: TipAlign;
}

/**
 * A checkbox with the same rule: one that cannot be ticked stays focusable, says why as its
 * description and in the tooltip, and a click or Space only shows the reason.
 */
export function ReasonCheckbox({ reason, tip, tipAlign = "center", onChange, ...props }: ReasonCheckboxProps) {
  if (!reason) return <input type="checkbox" onChange={onChange} {...props} />;
  return (
    <Reasoned reason={reason} tip={tip} tipAlign={tipAlign}>
      {(reasoned) => <input type="checkbox" {...props} {...reasoned} onChange={() => {}} />}
    </Reasoned>
  );
}
