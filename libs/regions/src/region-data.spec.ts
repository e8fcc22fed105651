import { describe, expect, it } from '@jest/globals';
import { readRegionData } from './region-data.js';
import { RegionDirectory } from './region-directory.js';

describe('the CBS 2026 / PDOK region data shipped in libs/regions/data', () => {
  const data = readRegionData();
  const directory = new RegionDirectory(data.regions, data.pc4s);

  it('has 35 arbeidsmarktregio’s, 342 gemeenten and 4,074 PC4s, every PC4 in a known region', () => {
    expect(data.regions).toHaveLength(35);
    expect(data.gemeenten).toHaveLength(342);
    expect(data.pc4s).toHaveLength(4074);
    expect(directory.pc4Count).toBe(4074);
    expect(data.gemeenten.find((g) => g.name === 'Nuenen, Gerwen en Nederwetten')?.regionCode).toBe('AM28');
  });

  it.each([
    [1011, 'AM18', 'Groot Amsterdam'],
    [5038, 'AM26', 'Midden-Brabant'],
    [5611, 'AM28', 'Zuidoost-Brabant'],
    [9711, 'AM01', 'Groningen'],
    [6411, 'AM30', 'Zuid-Limburg'],
  ])('resolves PC4 %i to %s', (pc4, code, name) => {
    expect(directory.resolve(pc4)).toEqual({ code, name });
  });

  it('resolves a well-formed PC4 that is not in the table to no region', () => {
    expect(directory.resolve(5016)).toBeNull();
  });
});
