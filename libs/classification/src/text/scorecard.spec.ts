// A scorecard weighs a question's words and neighbouring word pairs; it holds from its threshold on.
import { describe, expect, it } from '@jest/globals';
import { compileScorecards, questionFeatures, scoreOf, scorecardFeatures } from './scorecard.js';

const [card] = compileScorecards({ danger: { threshold: 0.7, bias: -2, weights: { pillen: 1.5, 'als ik': 1, gespaard: 1.2, sollicitatie: -1 } } });

describe('scorecard features', () => {
  it('are the words and the neighbouring pairs within one sentence, not across sentences', () => {
    expect([...scorecardFeatures([['als', 'ik', 'stop'], ['dan']])].sort()).toEqual(['als', 'als ik', 'dan', 'ik', 'ik stop', 'stop']);
  });

  it('come from the question as the classifier normalises it (case, accents, punctuation)', () => {
    expect(questionFeatures('Als ík, PILLEN!')).toEqual(new Set(['als', 'ik', 'als ik', 'pillen', 'ik pillen']));
  });
});

describe('scoreOf', () => {
  it('is the logistic of the bias plus each listed feature once', () => {
    expect(scoreOf(card, new Set())).toBeCloseTo(1 / (1 + Math.exp(2)), 10);
    expect(scoreOf(card, questionFeatures('pillen pillen pillen'))).toBeCloseTo(1 / (1 + Math.exp(0.5)), 10);
    expect(scoreOf(card, questionFeatures('Ik heb pillen gespaard'))).toBeCloseTo(1 / (1 + Math.exp(-0.7)), 10);
  });

  it('is lowered by words that weigh against it', () => {
    expect(scoreOf(card, questionFeatures('pillen gespaard voor de sollicitatie'))).toBeLessThan(scoreOf(card, questionFeatures('pillen gespaard')));
  });
});
