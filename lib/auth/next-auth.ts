// next-auth for the console: email + password (credentials provider), JWT sessions. The JWT
// carries the user's credential version at sign-in (`cv`); a password reset raises the version,
// and every check of a session (lib/auth/session-version.ts) refuses one with an older version.

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIp } from "../api/client-address";
import {
  accountKey,
  claimSignInAlert,
  defaultStore,
  recordSignInFailure,
  recordSignInSuccess,
  signInWait,
  type RateLimitStore,
} from "../api/rate-limit";
import { mailSignInLockout } from "../domain/mail/mail-sign-in-lockout";
import { verifyCredentials } from "../domain/users/verify-credentials";
import { endSession, newSessionId, SESSION_MAX_AGE_SECONDS } from "./ended-sessions";
import { sessionVersion } from "./session-version";

/** The error a rate-limited sign-in answers with; the sign-in form reads the seconds from it. */
export const SIGN_IN_RATE_LIMITED = "RATE_LIMITED";

export function signInRateLimitedError(seconds: number): string {
  return `${SIGN_IN_RATE_LIMITED}:${seconds}`;
}

/**
 * Checks a sign-in. While the account (after repeated wrong passwords, with exponential
 * back-off) or the IP is held back, the password is not even looked at, the attempt counts as
 * another failure, and the answer says how long to wait.
 */
export async function authorizeCredentials(
  credentials: Record<string, string> | undefined,
  headers: Headers,
  store: RateLimitStore = defaultStore(),
): Promise<{ id: string; email: string; name: string; credentialVersion: number } | null> {
  const email = credentials?.email ?? "";
  const password = credentials?.password ?? "";
  const account = accountKey(email);
  const ip = clientIp(headers);
  const refuse = async () => {
    const backoff = await recordSignInFailure(account, ip, store);
    // Once per lockout window (not per attempt, and once across instances sharing the store),
    // the account's owner hears that someone is guessing its password.
    if (backoff > 0 && (await claimSignInAlert(account, store))) await mailSignInLockout(email, ip);
  };
  const wait = await signInWait(account, ip, store);
  if (wait > 0) {
    await refuse();
    throw new Error(signInRateLimitedError(wait));
  }
  const user = await verifyCredentials(email, password);
  if (!user) {
    await refuse();
    return null;
  }
  await recordSignInSuccess(account, store);
  return { id: user.id, email: user.email, name: user.displayName, credentialVersion: user.credentialVersion };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const headers = new Headers();
        for (const [k, v] of Object.entries((req?.headers ?? {}) as Record<string, string | string[] | undefined>)) {
          if (typeof v === "string") headers.set(k, v);
        }
        return authorizeCredentials(credentials, headers);
      },
    }),
  ],
  events: {
    // The browser drops its cookie; the token itself is refused from now on by every instance.
    async signOut({ token }) {
      await endSession(token?.sid, token?.exp);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.cv = (user as { credentialVersion?: number }).credentialVersion ?? 1;
        token.sid = newSessionId();
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) {
        (session.user as { id?: string }).id = token.sub;
        (session.user as { credentialVersion?: number }).credentialVersion = sessionVersion(token.cv);
        (session.user as { sid?: unknown }).sid = token.sid;
      }
      return session;
    },
  },
};
