import { describe, expect, it } from '@jest/globals';
import { parsePostcode } from './postcode.js';

describe('parsePostcode', () => {
  it.each([
    ['5038', 5038],
    ['5038AB', 5038],
    ['5038 ab', 5038],
    [' 1000 ', 1000],
    ['9999ZZ', 9999],
  ])('keeps only the PC4 of %p', (input, pc4) => {
    expect(parsePostcode(input)).toBe(pc4);
  });

  it.each(['0123', '999', '12345', '5038 A', '5038-AB', '5038 ABC', 'AB 5038', '', '50 38'])('refuses %p', (input) => {
    expect(parsePostcode(input)).toBeNull();
  });
});
