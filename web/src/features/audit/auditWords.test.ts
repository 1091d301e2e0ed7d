import type { AuditEvent } from '@coopnet/contract/audit';
import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventSentence } from './auditWords.ts';
import en from './i18n/en.json';
import es from './i18n/es.json';

const event = (over: Partial<AuditEvent>): AuditEvent => ({
  id: '1',
  at: '2026-12-05T10:00:00.000Z',
  actorId: 'p1',
  actorName: 'Marta Soler',
  action: 'sector.added',
  subjectType: 'sector',
  subjectId: 'bicycles',
  coopId: null,
  coopName: null,
  subjectName: null,
  before: null,
  after: { en: 'Bicycles', es: 'Bicicletas' },
  ...over,
});

describe('an audit event in words', () => {
  beforeAll(async () => {
    await i18n.init({
      showSupportNotice: false,
      interpolation: { escapeValue: false },
      lng: 'en',
      resources: { en: { translation: en }, es: { translation: es } },
    });
  });

  it('names a sector by its name in the reader’s language, never by its code', async () => {
    expect(eventSentence(i18n.t, event({}), 'en')).toBe('Marta Soler added the sector “Bicycles”');
    await i18n.changeLanguage('es');
    expect(eventSentence(i18n.t, event({}), 'es')).toBe('Marta Soler añadió el sector «Bicicletas»');
    const renamed = event({ action: 'sector.renamed', before: { en: 'Bikes', es: 'Bicis' } });
    expect(eventSentence(i18n.t, renamed, 'es')).toBe('Marta Soler cambió el nombre del sector «Bicis» a «Bicicletas»');
    await i18n.changeLanguage('en');
    expect(eventSentence(i18n.t, renamed, 'en')).toBe('Marta Soler renamed the sector “Bikes” to “Bicycles”');
  });

  it('says through which day the fund’s books were closed', async () => {
    const closed = event({
      action: 'fund.books_closed',
      subjectType: 'fund',
      subjectId: 'books',
      subjectName: null,
      before: { closedThrough: null },
      after: { closedThrough: '2026-11-30' },
    });
    expect(eventSentence(i18n.t, closed, 'en')).toBe('Marta Soler closed the fund’s books through 2026-11-30');
    await i18n.changeLanguage('es');
    expect(eventSentence(i18n.t, closed, 'es')).toBe('Marta Soler cerró las cuentas del fondo hasta el 2026-11-30');
    await i18n.changeLanguage('en');
  });

  it('says an action it has no sentence for in general words, without its code', () => {
    const sentence = eventSentence(
      i18n.t,
      event({ action: 'thing.unheard_of', subjectType: 'coop', subjectName: 'Forn', after: null }),
      'en',
    );
    expect(sentence).not.toContain('thing.unheard_of');
    expect(sentence).toContain('Forn');
  });
});
