// next-auth's client `signIn`, fetched when a form submits rather than with the page: the sign-in,
// sign-up, reset and invitation pages call it only after the user has filled the form, so its
// client (~9 kB gzip) is not on their first load (issue 13). components/sign-out-button.tsx does
// the same for `signOut`.

import type { signIn as nextAuthSignIn } from "next-auth/react";

export const signIn = (async (...args: Parameters<typeof nextAuthSignIn>) => {
  const { signIn: load } = await import("next-auth/react");
  return load(...args);
}) as typeof nextAuthSignIn;
