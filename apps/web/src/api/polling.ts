import { useCallback, useEffect, useRef, useState } from 'react';

/** One answer of a polled resource: 304 means nothing changed since the ETag we sent. */
export interface PollResult<T> {
  status: number;
  data?: T;
  etag: string | null;
}

export type PollLoader<T> = (etag: string | null, signal: AbortSignal) => Promise<PollResult<T>>;

/**
 * Headers and fetch options for a conditional GET: If-None-Match with the last ETag, past the browser cache.
 * Cache-Control is set explicitly: otherwise the browser adds "no-cache" to a conditional request, and the
 * server then never answers 304.
 */
export function conditional(etag: string | null): { headers: Record<string, string>; cache: RequestCache } {
  return {
    headers: etag === null ? { 'Cache-Control': 'max-age=0' } : { 'If-None-Match': etag, 'Cache-Control': 'max-age=0' },
    cache: 'no-store',
  };
}

export interface Polled<T> {
  data: T | null;
  /** The status of the last answer that was not a 304 (null before the first answer). */
  status: number | null;
  reload: () => void;
}

/**
 * Loads a resource, then polls it every intervalMs with If-None-Match; a 304 keeps what is shown. A new key
 * (another worklist, another region) starts over. Stops polling after a 4xx other than 429.
 */
export function usePolling<T>(key: string, load: PollLoader<T>, intervalMs: number): Polled<T> {
  const [state, setState] = useState<{ key: string; data: T | null; status: number | null }>({ key, data: null, status: null });
  const [reloads, setReloads] = useState(0);
  const loadRef = useRef(load);
  const etagRef = useRef<{ key: string; etag: string | null }>({ key, etag: null });

  useEffect(() => {
    loadRef.current = load;
  }, [load]);

  useEffect(() => {
    if (etagRef.current.key !== key) etagRef.current = { key, etag: null };
    const controller = new AbortController();
    let timer: number | undefined;
    let stopped = false;
    const run = async (): Promise<void> => {
      let keepPolling = true;
      try {
        const result = await loadRef.current(etagRef.current.etag, controller.signal);
        if (stopped) return;
        if (result.status !== 304) {
          if (result.status >= 200 && result.status < 300 && result.data !== undefined) {
            etagRef.current = { key, etag: result.etag };
            const data = result.data;
            setState({ key, data, status: result.status });
          } else {
            setState((previous) => ({ key, data: previous.key === key ? previous.data : null, status: result.status }));
            keepPolling = !(result.status >= 400 && result.status < 500 && result.status !== 429);
          }
        }
      } catch {
        if (stopped) return;
        // Offline or aborted: keep what is shown and try again.
      }
      if (!stopped && keepPolling) timer = window.setTimeout(() => void run(), intervalMs);
    };
    void run();
    return () => {
      stopped = true;
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [key, intervalMs, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const current = state.key === key ? state : { data: null, status: null };
  return { data: current.data, status: current.status, reload };
}
