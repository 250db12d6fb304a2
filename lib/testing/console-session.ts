// Console server actions in tests: the session is whoever `actAs` names, so an action runs the
// whole console edge (operation, authorization, parsing, audit) without a browser.
//   vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/console-session")).sessionModule());

import type { RequestContext } from "../auth/context";
import { contextOf, type TestUser } from "./factories";

let current: RequestContext | undefined;

/** Signs the console in as `user` (undefined: signed out). */
export function actAs(user: TestUser | undefined): void {
  current = user ? contextOf(user) : undefined;
}

export function sessionModule() {
  return { consoleContext: async () => current };
}
