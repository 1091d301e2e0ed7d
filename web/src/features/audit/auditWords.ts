/** An audit event in the reader's words: "Ana Admin issued a card to Luis", never the action's code. */
import type { AuditEvent } from '@coopnet/contract/audit';
import type { TFunction } from 'i18next';

/** A sector's name in the reader's language, from the names an event recorded ({ en, es }). */
function sectorName(names: unknown, language: string): string | null {
  if (names === null || typeof names !== 'object') return null;
  const { en, es } = names as Record<string, unknown>;
  const name = language.startsWith('es') ? es : en;
  return typeof name === 'string' ? name : null;
}

/** The day the fund's books were closed through, as the event recorded it. */
function closedThrough(after: unknown): string {
  const day =
    after !== null && typeof after === 'object' ? (after as Record<string, unknown>).closedThrough : undefined;
  return typeof day === 'string' ? day : '…';
}

export function eventSentence(t: TFunction, ev: AuditEvent, language = 'en'): string {
  // A sector is named by the names the event recorded, in the reader's language, never by its code.
  if (ev.subjectType === 'sector') ev = { ...ev, subjectName: sectorName(ev.after, language) ?? ev.subjectName };
  const actor = ev.actorName ?? (ev.actorId ? t('auditWords.someone') : t('auditWords.system'));
  const kind = t(`auditWords.kind.${ev.subjectType}`, { defaultValue: t('auditWords.kind.other') });
  const thing = ev.subjectName ? t('auditWords.thingNamed', { kind, name: ev.subjectName }) : kind;
  const generic = t('auditWords.generic', { actor, thing });
  // A code is two plain words joined by a dot; anything else (or a code not known yet) gets the general sentence.
  if (!/^[a-z_]+\.[a-z_]+$/.test(ev.action)) return generic;
  return t(`auditWords.sentence.${ev.action}`, {
    actor,
    subject: ev.subjectName ?? kind,
    coop: ev.coopName ?? t('auditWords.aCoop'),
    before: ev.subjectType === 'sector' ? (sectorName(ev.before, language) ?? '…') : undefined,
    day: ev.subjectType === 'fund' ? closedThrough(ev.after) : undefined,
    defaultValue: generic,
  });
}

/** The action as a choice in the filter: its sentence, said of someone. */
export function actionChoice(t: TFunction, action: string): string {
  return t(`auditWords.sentence.${action}`, { actor: t('auditWords.someone'), subject: '…', coop: '…' });
}
