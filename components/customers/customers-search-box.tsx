"use client";

import { useEffect, useEffectEvent, useId, useState, type FormEvent } from "react";
import { Input } from "@/components/ui/input";
import { SEARCH_MAX_LENGTH } from "@/lib/customer-index/query";

export interface CustomersSearchBoxProps {
  /** The search in the URL. */
  value: string | undefined;
  /** A new search: `now` when asked for with Enter, else after a pause in typing. */
  onSearch: (text: string | undefined, how: "typing" | "now") => void;
}

/** Long enough to type a rego without a search per key, short enough to feel immediate. */
const TYPING_PAUSE_MS = 300;

/** The table's search box: rego (spaces or not), VIN, external ID and any additional field, by prefix. */
export function CustomersSearchBox({ value, onSearch }: CustomersSearchBoxProps) {
  const id = useId();
  const [text, setText] = useState(value ?? "");
  // The URL holds the trimmed search: while typing "abc 1", "abc " comes back as "abc", and the
  // box must keep what was typed. Only a search from elsewhere (Back, Clear filters) replaces it.
  const [shownFor, setShownFor] = useState(value);
  if (value !== shownFor) {
    setShownFor(value);
    if ((value ?? "") !== text.trim()) setText(value ?? "");
  }
  const wanted = text.trim() || undefined;
  // The table's handler changes with every render of the table; a re-render must not restart the pause.
  const searchAfterPause = useEffectEvent(() => onSearch(wanted, "typing"));

  useEffect(() => {
    if (wanted === value) return;
    const timer = setTimeout(searchAfterPause, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [wanted, value]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (wanted !== value) onSearch(wanted, "now");
  }

  return (
    <form
      role="search"
      aria-label="Search customers"
      onSubmit={submit}
      className="min-w-0 flex-1 sm:max-w-md"
    >
      <label htmlFor={id} className="sr-only">
        Search customers
      </label>
      <Input
        id={id}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Rego, VIN, external ID, name, phone…"
        maxLength={SEARCH_MAX_LENGTH}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
      />
    </form>
  );
}
