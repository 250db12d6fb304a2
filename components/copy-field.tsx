"use client";

// A secret or link shown once, in a read-only field with a Copy button. The field is always
// visible, so where the clipboard is not allowed (permissions, an insecure origin) the text is
// selected for a manual copy and the user is told so.

import { useId, useRef, useState } from "react";
import { Button } from "./button";
import { inputClass } from "./field";

export interface CopyFieldProps {
  label: string;
  value: string;
  /** What is copied, for the messages: "token", "link". */
  noun: string;
  testId?: string;
}

export function CopyField({ label, value, noun, testId }: CopyFieldProps) {
  const uid = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"" | "copied" | "select">("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("copied");
    } catch {
      inputRef.current?.select();
      setCopied("select");
    }
  };
  return (
    <div className="space-y-1.5">
      <label htmlFor={`${uid}-value`} className="block text-sm font-medium break-words">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          ref={inputRef}
          id={`${uid}-value`}
          readOnly
          value={value}
          data-testid={testId}
          className={`${inputClass} font-mono`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button variant="secondary" onClick={() => void copy()} aria-label={`Copy ${label}`}>
          Copy
        </Button>
      </div>
      <p aria-live="polite" className="text-xs text-muted">
        {copied === "copied" ? "Copied to the clipboard." : copied === "select" ? `Copying is not allowed here: the ${noun} is selected, press Ctrl+C (⌘C).` : ""}
      </p>
    </div>
  );
}
