"use client";

// The search box of a list whose state lives in the URL: typed freely, applied after a short
// pause (or on Enter), and showing the URL's text again when it changes under it (back/forward,
// "Clear search").

import { useEffect, useEffectEvent, useState, type FormEvent } from "react";
import { inputClass } from "./input-class";

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
  // Searches sent but not yet back in the URL. When one arrives it is the user's own, and what
  // they typed since must stay: overwriting it lost a cleared box (typing, clearing, then the first
  // search landing put its text back and the list stayed filtered). Anything else is a change
  // from outside (back/forward, "Clear filters"): the box shows it.
  const [inFlight, setInFlight] = useState<string[]>([]);
  if (shown !== value) {
    setShown(value);
    const i = inFlight.indexOf(value);
    if (i >= 0) setInFlight(inFlight.slice(i + 1));
    else {
      setInFlight([]);
      if (text.trim() !== value) setText(value);
    }
  }
  const target = inFlight.at(-1) ?? value;
  const send = (q: string) => {
    if (q === target) return;
    setInFlight((f) => [...f, q]);
    onSearch(q);
  };
  const apply = useEffectEvent((q: string) => send(q));
  useEffect(() => {
    const timer = setTimeout(() => apply(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send(text.trim());
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
