import type { PersonSummary } from '@guildhall/shared';
import { useDebouncedValue } from '@mantine/hooks';
import { type KeyboardEvent, type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { usePeopleSearch } from '../api/search-people';

/**
 * "@" then a name (first and last, at most one space) right before the caret. The @ must start
 * the text or follow a space or an opening bracket, so e-mail addresses never trigger it.
 */
const TRIGGER = /(?:^|[\s([{>"'])@(\p{L}[\p{L}\p{M}\p{N}'’.-]*(?: [\p{L}\p{M}\p{N}'’.-]*)?)$/u;
const MAX_QUERY = 40;

type Trigger = { start: number; end: number; query: string };

function triggerAt(value: string, caret: number): Trigger | null {
  const before = value.slice(Math.max(0, caret - MAX_QUERY - 2), caret);
  const match = TRIGGER.exec(before);
  const query = match?.[1];
  if (!match || !query) return null;
  return { start: caret - query.length - 1, end: caret, query };
}

/** The server's mention syntax; a name keeps none of the characters the syntax itself uses. */
export const mentionMarkup = (person: Pick<PersonSummary, 'id' | 'name'>) =>
  `@[${person.name.replace(/[[\]\\\n]/g, '').slice(0, 100)}](person:${person.id}) `;

type Options = {
  value: string;
  onChange: (value: string) => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
};

/**
 * Mention suggestions for a textarea, following the combobox pattern: focus stays in the
 * textarea, arrow keys move the active option (aria-activedescendant), Enter or Tab inserts
 * it, Escape closes the list for this mention.
 */
export function useMentionAutocomplete({ value, onChange, textarea }: Options) {
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const [active, setActive] = useState(0);
  // Escape closes the list until another @ is typed.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);
  const [query] = useDebouncedValue(trigger?.query ?? '', 150);

  const open = trigger !== null && trigger.start !== dismissedAt;
  const people = usePeopleSearch(open ? query : '');
  const options = open && query ? (people.data?.items ?? []) : [];
  const expanded = options.length > 0;

  // After an insertion, put the caret right after the mention (the new value renders first).
  useLayoutEffect(() => {
    if (pendingCaret.current === null || !textarea.current) return;
    textarea.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  /** Re-reads the text before the caret: on typing, clicking and moving with the keyboard. */
  const sync = (el: HTMLTextAreaElement) => {
    const next = el.selectionStart === el.selectionEnd ? triggerAt(el.value, el.selectionStart) : null;
    setTrigger((current) => (current?.start === next?.start && current?.query === next?.query ? current : next));
    if (next?.query !== trigger?.query) setActive(0);
    if (next === null || next.start !== dismissedAt) setDismissedAt(null);
  };

  const insert = (person: PersonSummary) => {
    if (!trigger) return;
    const markup = mentionMarkup(person);
    onChange(value.slice(0, trigger.start) + markup + value.slice(trigger.end));
    pendingCaret.current = trigger.start + markup.length;
    setTrigger(null);
    textarea.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!expanded) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
      const person = options[Math.min(active, options.length - 1)];
      if (!person) return;
      event.preventDefault();
      insert(person);
    } else if (event.key === 'Escape') {
      // Closes the list only, not a dialog the editor sits in.
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(trigger?.start ?? null);
    }
  };

  return {
    sync,
    close: () => setTrigger(null),
    onKeyDown,
    insert,
    options,
    expanded,
    active: Math.min(active, Math.max(0, options.length - 1)),
    setActive,
    noMatch: open && query.length > 0 && !people.isFetching && people.isSuccess && options.length === 0,
  };
}
