import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export interface RegionRow {
  code: string;
  name: string;
}
export interface GemeenteRow {
  code: string;
  name: string;
  regionCode: string;
}
export interface Pc4Row {
  pc4: number;
  gemeenteCode: string;
  regionCode: string;
  share: number;
}

/** The CBS 2026 / PDOK tables shipped in libs/regions/data (see SOURCE.md there). */
export interface RegionData {
  regions: RegionRow[];
  gemeenten: GemeenteRow[];
  pc4s: Pc4Row[];
}

/** Finds libs/regions/data from wherever this file runs (source under jest, or compiled under dist/). */
function dataDirectory(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'libs', 'regions', 'data');
    if (existsSync(join(candidate, 'pc4.csv'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('libs/regions/data not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(join(dataDirectory(), file), 'utf8'), { columns: true, skip_empty_lines: true });
}

export function readRegionData(): RegionData {
  return {
    regions: readCsv('arbeidsmarktregios.csv').map((row) => ({ code: row.code, name: row.name })),
    gemeenten: readCsv('gemeenten.csv').map((row) => ({
      code: row.gemeente_code,
      name: row.gemeente_name,
      regionCode: row.arbeidsmarktregio_code,
    })),
    pc4s: readCsv('pc4.csv').map((row) => ({
      pc4: Number(row.pc4),
      gemeenteCode: row.gemeente_code,
      regionCode: row.arbeidsmarktregio_code,
      share: Number(row.share),
    })),
  };
}
