"use client";

// The effective preferences that dates and numbers below are rendered with: the organization's
// on organization pages, the workspace's inside a workspace (the inner provider wins).

import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_DISPLAY, type DisplayPreferences } from "@/lib/console/format";

const DisplayPreferencesContext = createContext<DisplayPreferences>(DEFAULT_DISPLAY);

export function DisplayPreferencesProvider({ value, children }: { value: DisplayPreferences; children: ReactNode }) {
  return <DisplayPreferencesContext.Provider value={value}>{children}</DisplayPreferencesContext.Provider>;
}

export function useDisplayPreferences(): DisplayPreferences {
  return useContext(DisplayPreferencesContext);
}
