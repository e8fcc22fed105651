export interface Region {
  code: string;
  name: string;
}

export interface Pc4Assignment {
  pc4: number;
  regionCode: string;
}

/** In-memory PC4 → arbeidsmarktregio lookup: 4,074 entries, so resolving never touches the database. */
export class RegionDirectory {
  private readonly regionsByCode: ReadonlyMap<string, Region>;
  private readonly regionByPc4: ReadonlyMap<number, Region>;

  constructor(regions: readonly Region[], assignments: readonly Pc4Assignment[]) {
    this.regionsByCode = new Map(regions.map((region) => [region.code, region]));
    const byPc4 = new Map<number, Region>();
    for (const { pc4, regionCode } of assignments) {
      const region = this.regionsByCode.get(regionCode);
      if (region) byPc4.set(pc4, region);
    }
    this.regionByPc4 = byPc4;
  }

  /** The region of a PC4, or null for a well-formed PC4 that is not in the table (PO boxes, new postcodes). */
  resolve(pc4: number): Region | null {
    return this.regionByPc4.get(pc4) ?? null;
  }

  region(code: string): Region | null {
    return this.regionsByCode.get(code) ?? null;
  }

  get regions(): Region[] {
    return [...this.regionsByCode.values()];
  }

  get pc4Count(): number {
    return this.regionByPc4.size;
  }
}
