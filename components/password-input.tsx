"use client";

// A password input with a Show/Hide toggle (aria-pressed), for sign-in and sign-up alike.

import { forwardRef, useState, type InputHTMLAttributes } from "react";
import { inputClass } from "./field";

export type PasswordInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { id: string };

export const PasswordInput = forwardRef<HTMLInputElement, PasswordInputProps>(function PasswordInput({ className = "", ...props }, ref) {
  const [shown, setShown] = useState(false);
  return (
    <div className="relative">
      <input ref={ref} {...props} type={shown ? "text" : "password"} className={`${inputClass} pr-16 ${className}`} />
      <button
        type="button"
        onClick={() => setShown((s) => !s)}
        aria-pressed={shown}
        aria-controls={props.id}
        className="absolute inset-y-0 right-0 my-1 mr-1 rounded px-2 text-xs font-medium text-muted hover:bg-surface-2 hover:text-fg"
      >
        {shown ? "Hide" : "Show"}
        <span className="sr-only"> password</span>
      </button>
    </div>
  );
});
