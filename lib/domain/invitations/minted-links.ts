// The console's "Copy link": an invitation's token is stored only as a hash, so its link exists
// only at the moment it is minted (create, resend). A console action that wants to show it runs
// the operation inside `collectMintedLinks`, and the domain hands each new link to that collector
// alone. The REST API never installs one, so its answers keep to the contract (API.md §7: the
// token travels in the mail); nothing here is stored or logged.

import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { invitationLink } from "../mail/templates";

export interface MintedLink {
  invitation_id: string;
  email: string;
  link: string;
}

const collector = new AsyncLocalStorage<Map<string, MintedLink>>();

/** Runs `fn` and returns the invitation links it minted beside its result. */
export async function collectMintedLinks<T>(fn: () => Promise<T>): Promise<{ result: T; links: MintedLink[] }> {
  const minted = new Map<string, MintedLink>();
  const result = await collector.run(minted, fn);
  return { result, links: [...minted.values()] };
}

/** Called where a token is made; a no-op unless a console action is collecting. A retried transaction overwrites its earlier link. */
export function noteMintedLink(invitationId: string, email: string, token: string): void {
  collector.getStore()?.set(invitationId, { invitation_id: invitationId, email, link: invitationLink(token) });
}
