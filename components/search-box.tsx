"use client";

// The search box of a list whose state lives in the URL: typed freely, applied after a short
// pause (or on Enter), and showing the URL's text again when it changes under it (back/forward,
// "Clear search").

import { useEffect, useEffectEvent, useState, type FormEvent } from "react";
import { inputClass } from "./field";

export interface SearchBoxProps {
  id: string;
  /** The accessible name, e.g. "Search workspaces by title". */
  label: string;
  placeholder: string;
  /** The search the list currently shows (from the URL). */
  value: string;
  /** Called with the trimmed text once it differs from `value`. */
  onSearch: (q: string) => void;
  className?: string;
}

export function SearchBox({ id, label, placeholder, value, onSearch, className = "" }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (text.trim() !== value) setText(value);
  }
  const apply = useEffectEvent((q: string) => {
    if (q !== value) onSearch(q);
  });
  useEffect(() => {
    const timer = setTimeout(() => apply(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    if (q !== value) onSearch(q);
  };

  return (
    <form role="search" onSubmit={onSubmit} className={`relative w-full ${className}`}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <svg aria-hidden="true" viewBox="0 0 16 16" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted" fill="none" stroke="currentColor" strokeWidth="1.75">
        <circle cx="7" cy="7" r="4.5" />
        <path d="m10.5 10.5 3 3" strokeLinecap="round" />
      </svg>
      <input
        id={id}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={placeholder}
        maxLength={256}
        autoComplete="off"
        className={`${inputClass} pl-9`}
      />
    </form>
  );
}
