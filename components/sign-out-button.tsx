"use client";

import { signOut } from "next-auth/react";
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
        void signOut({ callbackUrl: "/login" });
      }}
      {...props}
    >
      Sign out
    </Button>
  );
}
