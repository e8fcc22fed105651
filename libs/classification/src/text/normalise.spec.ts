import { describe, expect, it } from '@jest/globals';
import { normalise, normaliseText, tokenise } from './normalise.js';

describe('normalise (§6.1)', () => {
  it('lowercases, strips diacritics and removes apostrophes', () => {
    expect(normaliseText("Zzp'er met Reïntegratie in België – café’s")).toBe('zzper met reintegratie in belgie – cafes');
  });

  it('splits sentences at . ! ? ; : and line breaks', () => {
    expect(normalise('Eén. Twee! Drie? Vier; vijf: zes\nzeven\r\nacht').sentences).toEqual([
      ['een'],
      ['twee'],
      ['drie'],
      ['vier'],
      ['vijf'],
      ['zes'],
      ['zeven'],
      ['acht'],
    ]);
  });

  it('turns every other character into a token separator', () => {
    expect(tokenise('WW-uitkering, no-riskpolis (2e spoor) / 50+')).toEqual(['ww', 'uitkering', 'no', 'riskpolis', '2e', 'spoor', '50']);
  });

  it('drops empty sentences and counts words in any script', () => {
    expect(normalise('  ...  ')).toEqual({ sentences: [], wordCount: 0 });
    expect(normalise('Я ищу работу').wordCount).toBe(3);
    expect(normalise('Я ищу работу').sentences).toEqual([]);
  });
});
