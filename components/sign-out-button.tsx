"use client";

import { useState } from "react";
import { Button, type ButtonProps } from "./button";

export function SignOutButton({ variant = "ghost", size = "sm", ...props }: ButtonProps) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      size={size}
      disabled={pending}
      onClick={() => {
        setPending(true);
        // next-auth's client loads on the click: it is not needed to draw any console page.
        void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/login" }));
      }}
      {...props}
    >
      Sign out
    </Button>
  );
}
