// How the console names a workspace state transition's reason (API.md §3). Client-safe.

import type { StateTransitionReason } from "../schemas/workspaces";

export const REASON_LABELS: Record<StateTransitionReason, string> = {
  USER_INITIATED: "Requested by an administrator",
  ORG_BANNED: "Organization banned",
  PAYMENT_DEFAULT: "Payment default",
  INACTIVITY: "Inactivity",
};
