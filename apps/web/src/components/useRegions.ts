import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Region } from '../api/types';

let cache: Promise<Region[]> | null = null;

function loadRegions(): Promise<Region[]> {
  cache ??= api
    .GET('/api/v1/regions')
    .then(({ data }) => [...(data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl')))
    .catch(() => {
      cache = null;
      return [];
    });
  return cache;
}

/** The 35 labour-market regions (code and name), loaded once. */
export function useRegions(): Region[] {
  const [regions, setRegions] = useState<Region[]>([]);
  useEffect(() => {
    let stopped = false;
    void loadRegions().then((list) => {
      if (!stopped) setRegions(list);
    });
    return () => {
      stopped = true;
    };
  }, []);
  return regions;
}
