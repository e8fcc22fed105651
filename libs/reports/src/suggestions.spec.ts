import { describe, expect, it } from '@jest/globals';
import { suggestTerms } from './suggestions.js';

describe('suggestTerms', () => {
  const q = (route: 'werkbedrijf' | 'mobiliteitsteam', ...unmatched: string[]) => ({ route, unmatched });

  it('ranks the words that go with a manual route and leaves out the ones every route has', () => {
    const result = suggestTerms(
      [
        q('werkbedrijf', 'statushouder', 'inburgering'),
        q('werkbedrijf', 'statushouder', 'vraag'),
        q('werkbedrijf', 'statushouder', 'vraag'),
        q('mobiliteitsteam', 'vraag', 'detachering'),
        q('mobiliteitsteam', 'vraag', 'detachering'),
        q('mobiliteitsteam', 'vraag', 'detachering'),
      ],
      { minCount: 2, limit: 5 },
    );
    expect(result.map((r) => r.route)).toEqual(['mobiliteitsteam', 'werkbedrijf']);
    expect(result[1].terms[0]).toEqual({ term: 'statushouder', count: 3, share: 1 });
    expect(result[0].terms[0]).toEqual({ term: 'detachering', count: 3, share: 1 });
    expect(result[0].terms.find((t) => t.term === 'vraag')?.share).toBeCloseTo(3 / 5);
  });

  it('never lists a term from fewer questions than the minimum', () => {
    const result = suggestTerms([q('werkbedrijf', 'uniek'), q('werkbedrijf', 'samen'), q('werkbedrijf', 'samen')], { minCount: 2, limit: 5 });
    expect(result[0].terms.map((t) => t.term)).toEqual(['samen']);
  });
});
