import { describe, expect, it } from 'vitest';
import { mailText } from './templates.ts';

describe('times in mails', () => {
  it('are written as the app writes them, in the network’s time zone, which the mail names once', () => {
    const vars = { name: 'Lucía', network: 'Red', title: 'Comprar una furgoneta', link: 'http://coopnet.test/proposals/1', closesAt: '2026-12-15T17:00:00.000Z' };
    expect(mailText('es', 'proposalOpened', vars, 'Europe/Madrid').text).toContain('hasta el 15 dic 2026, 18:00 (hora de la red, Europe/Madrid).');
    expect(mailText('en', 'proposalClosingSoon', vars, 'Europe/Madrid').text).toContain('closes on Dec 15, 2026, 6:00 PM (network time, Europe/Madrid).');
    const changed = mailText('es', 'passwordChanged', { name: 'Lucía', network: 'Red', at: '2026-07-01T08:05:00.000Z', link: 'x' }, 'Europe/Madrid');
    expect(changed.text).toContain('se cambió el 1 jul 2026, 10:05 (hora de la red, Europe/Madrid)');
    expect(changed.text).not.toContain('UTC');
  });

  it('leaves what people wrote as it is, even when it looks like a time', () => {
    const vars = { name: 'Lucía', network: 'Red', title: '2026-12-15T17:00:00.000Z', link: 'x', closesAt: '2026-12-15T17:00:00.000Z' };
    expect(mailText('es', 'proposalOpened', vars, 'Europe/Madrid').text).toContain('«2026-12-15T17:00:00.000Z»');
  });
});

describe('names in mails', () => {
  it('call a worker what the app calls them', () => {
    const mail = mailText('es', 'invitation', { name: 'Lucía', coop: 'Forn de la Plaça', network: 'Red', role: 'worker', days: 7, link: 'x' });
    expect(mail.text).toContain('(como persona trabajadora)');
  });
});
