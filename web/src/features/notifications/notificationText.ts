/** A notification in words, from its kind and data; kinds this app does not know get a plain sentence. */
import type { TFunction } from 'i18next';
import type { Notification } from '../governance/types.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

const FUND_KINDS: Record<string, string> = {
  'fund_application.submitted': 'notifications.kinds.fundSubmitted',
  'fund_application.approved': 'notifications.kinds.fundApproved',
  'fund_application.declined': 'notifications.kinds.fundDeclined',
  'fund_application.paid': 'notifications.kinds.fundPaid',
  'fund_application.due_soon': 'notifications.kinds.fundDueSoon',
  'fund_application.overdue': 'notifications.kinds.fundOverdue',
  'fund_loan.arrears_offer': 'notifications.kinds.fundArrearsOffer',
  'fund_loan.arrears_notice': 'notifications.kinds.fundArrearsNotice',
  'fund.contribution_overdue': 'notifications.kinds.fundContributionOverdue',
};

/** An application to the fund, in words: what was asked and how much (in the network's currency, as the page formats it). */
function fundText(t: TFunction, n: Notification, money: (cents: number) => string): string {
  const kind = str(n.data.kind);
  const cents = typeof n.data.amountCents === 'number' ? n.data.amountCents : 0;
  const days = typeof n.data.days === 'number' ? n.data.days : 0;
  return t(FUND_KINDS[n.kind]!, { coop: str(n.data.coopName), what: t(`fund.applicationKinds.${kind}`, { defaultValue: kind }), amount: money(cents), days });
}

export function notificationText(t: TFunction, n: Notification, money: (cents: number) => string = (c) => (c / 100).toFixed(2)): string {
  if (FUND_KINDS[n.kind]) return fundText(t, n, money);
  const title = str(n.data.title);
  const builtIn = str(n.data.bodyBuiltIn);
  // A body the network started with, in the reader's language (notifications made before this carry only the name).
  const body = builtIn ? t(`builtInBodies.${builtIn}.name`, { defaultValue: str(n.data.bodyName) }) : str(n.data.bodyName);
  switch (n.kind) {
    case 'proposal.opened':
      return t('notifications.kinds.opened', { title });
    case 'proposal.closing_soon':
    case 'proposal.reminder':
      return t('notifications.kinds.closingSoon', { title });
    case 'proposal.decided': {
      const outcome = str(n.data.outcome);
      return t('notifications.kinds.decided', {
        title,
        outcome: outcome ? t(`result.outcomes.${outcome}`, { defaultValue: outcome }) : '',
      });
    }
    case 'body_member.appointed':
      return t('notifications.kinds.appointed', { body });
    case 'body_member.recalled':
      return t('notifications.kinds.recalled', { body });
    default:
      if (n.kind.startsWith('proposal.') && title) return t('notifications.kinds.proposal', { title });
      return t('notifications.kinds.other');
  }
}

/** Where a notification leads. */
export function notificationLink(n: Notification): string | null {
  if (n.kind.startsWith('proposal.')) return `/proposals/${n.subjectId}`;
  if (n.kind.startsWith('body_member.')) return '/governance';
  if (n.kind.startsWith('fund_application.')) return `/fund/applications/${n.subjectId}`;
  // The committee reads a loan from its application; the co-op's admins read the loan itself.
  if (n.kind === 'fund_loan.arrears_offer' && str(n.data.applicationId)) return `/fund/applications/${str(n.data.applicationId)}`;
  if (n.kind === 'fund_loan.arrears_notice') return `/fund/loans/${n.subjectId}`;
  if (n.kind === 'fund.contribution_overdue') return '/fund/contributions';
  return null;
}
