import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateQuorum, evaluateYesNo } from '@coopnet/domain/voting/threshold';
import en from '../../../i18n/en.json';
import es from '../../../i18n/es.json';
import { needed, quorumSentence, thresholdSentence } from './result-words.ts';

const num = (n: number) => String(n);

describe('a vote result in sentences', () => {
  beforeAll(async () => {
    await i18n.init({
      showSupportNotice: false,
      interpolation: { escapeValue: false },
      lng: 'en',
      resources: { en: { translation: en }, es: { translation: es } },
    });
  });

  it('finds the least figure that meets a share, at least or more than', () => {
    expect(needed({ numerator: 1, denominator: 4, strict: false }, 60)).toBe(15);
    expect(needed({ numerator: 1, denominator: 4, strict: true }, 60)).toBe(16);
    expect(needed({ numerator: 1, denominator: 4, strict: false }, 61)).toBe(16);
    expect(needed({ numerator: 2, denominator: 3, strict: false }, 45)).toBe(30);
    expect(needed({ numerator: 1, denominator: 2, strict: true }, 3)).toBe(2);
    expect(needed({ numerator: 1, denominator: 2, strict: true }, 0)).toBe(1);
  });

  it('says the quorum the way a member would ("4 of 60 took part; a quarter, 15, was needed")', async () => {
    const rule = { numerator: 1, denominator: 4, strict: false, abstentionsCount: true, attendanceCounts: false };
    const check = evaluateQuorum({ electorate: 60, ballots: 4, rule });
    expect(quorumSentence(i18n.t, check, num)).toBe(
      '4 of 60 took part; a quarter, 15, was needed. The quorum was not reached.',
    );
    await i18n.changeLanguage('es');
    expect(quorumSentence(i18n.t, check, num)).toBe(
      'Participaron 4 de 60; hacía falta una cuarta parte, 15. No se alcanzó el quórum.',
    );
    await i18n.changeLanguage('en');
  });

  it('says the threshold with its figures, and an uncommon fraction as figures', () => {
    const count = evaluateYesNo({
      tally: { yes: 30, no: 15, abstain: 2 },
      electorate: 60,
      threshold: { numerator: 2, denominator: 3, base: 'yes_no', strict: false },
    });
    expect(thresholdSentence(i18n.t, count, num)).toBe(
      'Yes had 30 of the 45 yes and no votes; two thirds, 30, was needed. That was enough.',
    );
    const odd = evaluateYesNo({
      tally: { yes: 4, no: 4, abstain: 0 },
      electorate: 10,
      threshold: { numerator: 5, denominator: 8, base: 'cast', strict: true },
    });
    expect(thresholdSentence(i18n.t, odd, num)).toBe(
      'Yes had 4 of the 8 votes cast; more than 5/8, so 6, was needed. That was not enough.',
    );
  });
});
