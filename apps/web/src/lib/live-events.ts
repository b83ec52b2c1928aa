import { useEffect, useRef } from 'react';

/**
 * One Server-Sent Events connection per browser tab to GET /api/v1/stream, shared by every
 * component that listens. The server only sends what the signed-in person may read, and never
 * replays: after the connection drops and comes back (or on `realtime.resync`), listeners of
 * RESYNC are called so they can refetch what is on screen.
 */
export const RESYNC = 'realtime.resync';

type Listener = (data: unknown) => void;

const listeners = new Map<string, Set<Listener>>();
let source: EventSource | null = null;
let hadError = false;

function dispatch(type: string, data: unknown) {
  for (const listener of listeners.get(type) ?? []) listener(data);
}

function attach(type: string) {
  if (!source || type === RESYNC) return;
  source.addEventListener(type, (event) => {
    let data: unknown = null;
    try {
      data = JSON.parse((event as MessageEvent<string>).data);
    } catch {
      return; // not ours to guess at; the server always sends JSON
    }
    dispatch(type, data);
  });
}

function connect() {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/v1/stream');
  source.addEventListener('open', () => {
    if (hadError) dispatch(RESYNC, null);
    hadError = false;
  });
  // The browser reconnects by itself (the server sets `retry:`); a closed source means the
  // server refused it (signed out), and a later listener opens a new one.
  source.addEventListener('error', () => {
    hadError = true;
    if (source?.readyState === EventSource.CLOSED) source = null;
  });
  source.addEventListener(RESYNC, () => dispatch(RESYNC, null));
  for (const type of listeners.keys()) attach(type);
}

function disconnectIfIdle() {
  if (source && [...listeners.values()].every((set) => set.size === 0)) {
    source.close();
    source = null;
  }
}

/** Subscribes to one or more event types for as long as the calling component is mounted. */
export function useLiveEvents(types: readonly string[], onEvent: (type: string, data: unknown) => void) {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = types.join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `types`
  useEffect(() => {
    const own = types.map((type) => {
      const listener: Listener = (data) => handler.current(type, data);
      let set = listeners.get(type);
      if (!set) {
        set = new Set();
        listeners.set(type, set);
        attach(type);
      }
      set.add(listener);
      return [type, listener] as const;
    });
    connect();
    return () => {
      for (const [type, listener] of own) listeners.get(type)?.delete(listener);
      disconnectIfIdle();
    };
  }, [key]);
}
