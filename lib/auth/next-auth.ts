// next-auth for the console: email + password (credentials provider), JWT sessions. The JWT
// carries the user's credential version at sign-in (`cv`); a password reset raises the version,
// and every check of a session (lib/auth/session-version.ts) refuses one with an older version.

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyCredentials } from "../domain/users/verify-credentials";
import { sessionVersion } from "./session-version";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials) {
        const user = await verifyCredentials(credentials?.email ?? "", credentials?.password ?? "");
        return user ? { id: user.id, email: user.email, name: user.displayName, credentialVersion: user.credentialVersion } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.cv = (user as { credentialVersion?: number }).credentialVersion ?? 1;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) {
        (session.user as { id?: string }).id = token.sub;
        (session.user as { credentialVersion?: number }).credentialVersion = sessionVersion(token.cv);
      }
      return session;
    },
  },
};
