/** An audit event in the reader's words: "Ana Admin issued a card to Luis", never the action's code. */
import type { AuditEvent } from '@coopnet/contract/audit';
import type { TFunction } from 'i18next';

export function eventSentence(t: TFunction, ev: AuditEvent): string {
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
    defaultValue: generic,
  });
}

/** The action as a choice in the filter: its sentence, said of someone. */
export function actionChoice(t: TFunction, action: string): string {
  return t(`auditWords.sentence.${action}`, { actor: t('auditWords.someone'), subject: '…', coop: '…' });
}
