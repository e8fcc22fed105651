import { useCallback, useEffect, useRef, useState } from 'react';

/** The API's largest page (the `limit` maximum of a paged list). */
const MAX_PAGE = 500;

/** One answer of a paged list: 304 means nothing changed since the ETag we sent. */
export interface PageResult<T> {
  status: number;
  data?: T[];
  etag: string | null;
  /** The cursor of the next page (X-Next-Cursor), null on the last page. */
  next: string | null;
  /** The list's size (X-Total-Count), given with the first page. */
  total: number | null;
}

export interface PageRequest {
  limit: number;
  cursor: string | null;
  etag: string | null;
}

export type PageLoader<T> = (request: PageRequest, signal: AbortSignal) => Promise<PageResult<T>>;

export interface PagedList<T> {
  /** The items shown: the first page and every page loaded since, kept up to date; null before the first answer. */
  items: T[] | null;
  total: number | null;
  hasMore: boolean;
  /** The status of the last answer that was not a 304 (null before the first answer). */
  status: number | null;
  /** What changed the items last: a refresh (polling, reload) or a page added by loadMore. */
  changedBy: 'refresh' | 'more';
  loadingMore: boolean;
  /** Appends the next page; resolves with the items it added, or null when the page could not be read. */
  loadMore: () => Promise<T[] | null>;
  reload: () => void;
}

interface State<T> {
  key: string;
  items: T[] | null;
  next: string | null;
  total: number | null;
  status: number | null;
  changedBy: 'refresh' | 'more';
  loadingMore: boolean;
}

const initial = <T,>(key: string): State<T> => ({ key, items: null, next: null, total: null, status: null, changedBy: 'refresh', loadingMore: false });

/** A case whose deadline moved between two requests of one refresh can come twice: keep its first place. */
function withoutDuplicates<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}

/**
 * A keyset-paged list that stays current: it loads the first page, appends a page on loadMore, and every
 * intervalMs reads again from the start the pages loaded so far (one request up to 500 items, with If-None-Match
 * when that is one request). So the rows a person is reading stay where they are and show their current state, and
 * new items appear in their place. A refresh never runs alongside loadMore: loadMore aborts it, and it waits for
 * loadMore.
 */
export function usePagedPolling<T extends { id: string }>(key: string, load: PageLoader<T>, pageSize: number, intervalMs: number): PagedList<T> {
  const [state, setState] = useState<State<T>>(() => initial(key));
  const stateRef = useRef(state);
  const loadRef = useRef(load);
  // The pages the person asked to see (the first and one per loadMore): the refresh reads that many items, so the
  // rows they are reading stay, and new items fill the pages up to the end of the list.
  const windowRef = useRef({ key, size: pageSize });
  const etagRef = useRef<{ key: string; limit: number; etag: string | null }>({ key, limit: 0, etag: null });
  const refreshRef = useRef<AbortController | null>(null);
  const moreRef = useRef<Promise<unknown> | null>(null);
  const [reloads, setReloads] = useState(0);

  const commit = useCallback((next: State<T>) => {
    stateRef.current = next;
    setState(next);
  }, []);

  useEffect(() => {
    loadRef.current = load;
  }, [load]);

  useEffect(() => {
    if (windowRef.current.key !== key) windowRef.current = { key, size: pageSize };
    if (stateRef.current.key !== key) commit(initial(key));
    let stopped = false;
    let timer: number | undefined;

    const refresh = async (): Promise<void> => {
      if (moreRef.current !== null) await moreRef.current;
      if (stopped) return;
      const controller = new AbortController();
      refreshRef.current = controller;
      let keepPolling = true;
      try {
        const size = windowRef.current.size;
        const items: T[] = [];
        let cursor: string | null = null;
        let total: number | null = null;
        let failed: number | null = null;
        let unchanged = false;
        do {
          const limit = Math.min(MAX_PAGE, size - items.length);
          const first = cursor === null;
          const known = etagRef.current;
          const etag = first && size <= MAX_PAGE && known.key === key && known.limit === limit ? known.etag : null;
          const page: PageResult<T> = await loadRef.current({ limit, cursor, etag }, controller.signal);
          if (page.status === 304) unchanged = true;
          else if (page.status < 200 || page.status >= 300 || page.data === undefined) failed = page.status;
          else {
            if (first) {
              total = page.total;
              etagRef.current = { key, limit, etag: page.etag };
            }
            items.push(...page.data);
            cursor = page.next;
          }
        } while (!unchanged && failed === null && cursor !== null && items.length < size);
        const current = stateRef.current;
        // Aborted by loadMore after the answers came: what was read is shorter than what loadMore shows.
        const wanted = !stopped && !controller.signal.aborted;
        if (wanted && failed !== null) {
          commit({ ...current, status: failed });
          keepPolling = !(failed >= 400 && failed < 500 && failed !== 429);
        } else if (wanted && !unchanged) {
          commit({ ...current, items: withoutDuplicates(items), next: cursor, total: total ?? current.total, status: 200, changedBy: 'refresh' });
        }
      } catch {
        if (stopped) return;
        // Offline, or aborted by loadMore: keep what is shown and try again.
      } finally {
        if (refreshRef.current === controller) refreshRef.current = null;
      }
      if (!stopped && keepPolling) timer = window.setTimeout(() => void refresh(), intervalMs);
    };

    void refresh();
    return () => {
      stopped = true;
      refreshRef.current?.abort();
      window.clearTimeout(timer);
    };
  }, [key, pageSize, intervalMs, reloads, commit]);

  const loadMore = useCallback(async (): Promise<T[] | null> => {
    const current = stateRef.current;
    if (current.key !== key || current.items === null || current.next === null || moreRef.current !== null) return [];
    // A refresh in flight would put back the shorter list it read: this page goes first, the refresh reads after it.
    refreshRef.current?.abort();
    const cursor = current.next;
    const run = (async (): Promise<T[] | null> => {
      commit({ ...stateRef.current, loadingMore: true });
      try {
        const page = await loadRef.current({ limit: pageSize, cursor, etag: null }, new AbortController().signal);
        const latest = stateRef.current;
        if (latest.key !== key) return null;
        if (page.status < 200 || page.status >= 300 || page.data === undefined) {
          commit({ ...latest, loadingMore: false });
          return null;
        }
        const shown = new Set((latest.items ?? []).map((item) => item.id));
        const added = page.data.filter((item) => !shown.has(item.id));
        const items = [...(latest.items ?? []), ...added];
        windowRef.current = { key, size: windowRef.current.size + pageSize };
        commit({ ...latest, items, next: page.next, changedBy: 'more', loadingMore: false });
        return added;
      } catch {
        commit({ ...stateRef.current, loadingMore: false });
        return null;
      }
    })();
    moreRef.current = run;
    try {
      return await run;
    } finally {
      moreRef.current = null;
    }
  }, [key, pageSize, commit]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const current = state.key === key ? state : initial<T>(key);
  return {
    items: current.items,
    total: current.total,
    hasMore: current.next !== null,
    status: current.status,
    changedBy: current.changedBy,
    loadingMore: current.loadingMore,
    loadMore,
    reload,
  };
}
