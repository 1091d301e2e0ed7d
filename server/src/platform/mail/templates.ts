/** Mail texts in the network's languages. Placeholders are {name}. */
import { dateTimeText, dayText } from '@coopnet/domain/dates';
import { formatCents } from '@coopnet/domain/money/money';

type Template = { subject: string; text: string };
type Catalog = Record<string, Template>;

const en: Catalog = {
  invitation: {
    subject: 'You are invited to {coop} on {network}',
    text: 'Hello {name},\n\nYou are invited to join {coop} on {network} (as {role}).\nOpen this link to set your password; it works for {days} days:\n\n{link}\n\nIf you did not expect this, ignore this message.\n',
  },
  passwordReset: {
    subject: 'Reset your {network} password',
    text: 'Hello {name},\n\nSomeone asked to reset the password of your {network} account.\nOpen this link within {minutes} minutes to choose a new one:\n\n{link}\n\nIf it was not you, ignore this message; your password stays as it is.\n',
  },
  passwordChanged: {
    subject: 'Your {network} password was changed',
    text: 'Hello {name},\n\nThe password of your {network} account was changed on {at} (network time, {zone}), by someone signed in to it.\nYour other sessions were signed out.\n\nIf it was you, nothing more is needed.\nIf it was not you, ask for a new password at once, which signs everyone out:\n\n{link}\n',
  },
  signupConfirm: {
    subject: 'Confirm your {network} account',
    text: 'Hello {name},\n\nSomeone (we hope you) asked for a supporter account on {network} with this address.\nOpen this link within {hours} hours to confirm it and sign in:\n\n{link}\n\nIf it was not you, ignore this message; no account is made.\n',
  },
  signupExisting: {
    subject: 'Someone tried to sign up on {network} with your address',
    text: 'Hello {name},\n\nSomeone tried to open a new {network} account with this address, which already has one.\nIf it was you, sign in instead, or ask for a new password if you forgot it:\n\n{link}\n\nIf it was not you, ignore this message; nothing changed in your account.\n',
  },
  applicationReceived: {
    subject: 'We received the application of {coop}',
    text: 'Hello {name},\n\nThank you: the application of {coop} to join {network} has been received.\nThe coordinators will decide on it and write to you.\n',
  },
  applicationRejected: {
    subject: 'The application of {coop} was not accepted',
    text: 'Hello {name},\n\nThe coordinators of {network} did not accept the application of {coop} for now.\nTheir reason: {reason}\n',
  },
  proposalOpened: {
    subject: 'Vote open: {title}',
    text: 'Hello {name},\n\nVoting is open on "{title}" in {network}, until {closesAt} (network time, {zone}).\nRead the proposal and vote here:\n\n{link}\n',
  },
  proposalClosingSoon: {
    subject: 'Voting closes soon: {title}',
    text: 'Hello {name},\n\nVoting on "{title}" in {network} closes on {closesAt} (network time, {zone}).\nIf you have not voted yet, you can still do it here:\n\n{link}\n',
  },
  proposalDecided: {
    subject: 'Decided: {title}',
    text: 'Hello {name},\n\nVoting on "{title}" in {network} has closed. Result: {outcome}.\nSee the count here:\n\n{link}\n',
  },
  fundApplicationMade: {
    subject: '{coop} applied to the fund: {kind} of {amount}',
    text: 'Hello {name},\n\n{coop} applied to the solidarity fund of {network}: {kind} of {amount}.\nYou are on the fund committee and may decide it{dueText}.\nRead the application and answer here:\n\n{link}\n',
  },
  fundApplicationApproved: {
    subject: 'Your application to the fund was approved',
    text: 'Hello {name},\n\nYour application to the solidarity fund of {network} ({kind} of {amount}) was approved.\nA treasurer will pay it. See it here:\n\n{link}\n',
  },
  fundApplicationDeclined: {
    subject: 'Your application to the fund was not approved',
    text: 'Hello {name},\n\nYour application to the solidarity fund of {network} ({kind} of {amount}) was not approved.\nSee the answers here:\n\n{link}\n',
  },
  fundApplicationPaid: {
    subject: 'The fund paid your application',
    text: 'Hello {name},\n\nThe solidarity fund of {network} paid your application: {kind} of {amount}.\nSee it here:\n\n{link}\n',
  },
  fundDuesOverdue: {
    subject: '{coop}: {amount} to the fund was due on {dueOn}',
    text: 'Hello {name},\n\n{coop} owes the solidarity fund of {network} {amount} of its {what}, which was due on {dueOn}.\nTo pay it, make a bank transfer to the fund writing this reference, so it is matched to your co-op: {reference}\nIf you have paid it in the last few days, thank you, and please ignore this message.\nIf your co-op cannot pay it now, answer this message or talk to the fund committee: nothing is charged for being late.\nSee what your co-op owes here:\n\n{link}\n',
  },
  fundDuesStillOverdue: {
    subject: '{coop} still owes {amount} to the fund',
    text: 'Hello {name},\n\n{coop} still owes the solidarity fund of {network} {amount} of its {what}, due on {dueOn}: a month has passed.\nTo pay it, make a bank transfer to the fund writing this reference: {reference}\nIf your co-op is going through a hard time, the fund is there for that: talk to the fund committee; nothing is charged for being late.\nSee what your co-op owes here:\n\n{link}\n',
  },
  fundFastTrackDueSoon: {
    subject: 'Fast track: {coop} needs an answer by {dueAt}',
    text: 'Hello {name},\n\nThe fast-track application of {coop} ({kind} of {amount}) has not been decided yet, and its deadline is {dueAt} (network time, {zone}).\nYou have not answered it. Please answer here:\n\n{link}\n',
  },
  fundFastTrackOverdue: {
    subject: 'Overdue: the fast-track application of {coop}',
    text: 'Hello {name},\n\nThe fast-track application of {coop} ({kind} of {amount}) was not decided by its deadline, {dueAt} (network time, {zone}).\nThe committee can still decide it. See where it stands here:\n\n{link}\n',
  },
  fundArrearsCommittee: {
    subject: '{coop} may need help with its loan',
    text: 'Hello {name},\n\nThe loan of {coop} from the solidarity fund of {network} is more than {days} days behind its schedule.\nThe fund committee can get in touch to offer help: more time, a new schedule, or whatever the co-op needs. Nothing is charged for being late.\nSee the loan here:\n\n{link}\n',
  },
  fundArrearsCoop: {
    subject: 'The fund committee will be in touch about your loan',
    text: 'Hello {name},\n\nThe loan of {coop} from the solidarity fund of {network} is more than {days} days behind its schedule.\nThe fund committee will be in touch to see how it can help. Nothing is charged for being late.\nSee the loan here:\n\n{link}\n',
  },
  newsFollowConfirm: {
    subject: 'Confirm you want the news of {from}',
    text: 'Hello,\n\nSomeone (we hope you) asked for the new posts of {from} on {network} to be mailed to this address.\nOpen this link to confirm; nothing is sent until you do:\n\n{link}\n\nIf it was not you, ignore this message; you will not hear from us again.\n',
  },
  newsPost: {
    subject: 'News from {from}: {title}',
    text: '{title}\n\n{summary}\n\nRead it: {link}\n\nTo stop these mails, no account needed: {unfollowLink}\n',
  },
  pledgeReceipt: {
    subject: 'Receipt: {amount} to “{campaign}”',
    text: 'Hello,\n\nThis is your receipt: the solidarity fund of {network} received your payment for the campaign “{campaign}”.\n\nAmount: {amount}\nDate: {paidOn}\nCampaign: {campaign}\nReference: {reference}\nMovement in the fund\'s ledger: {movementId}\n\nKeep this mail as proof of your payment.\n',
  },
  pledgeThanks: {
    subject: 'Thank you for backing “{campaign}”',
    text: 'Hello,\n\nYour first payment to “{campaign}” has arrived: thank you. It is already in the campaign\'s progress, in the books of the solidarity fund of {network}, where anyone can follow what the money does.\n\nThe campaign\'s page and its updates: {link}\n',
  },
};

const es: Catalog = {
  invitation: {
    subject: 'Te invitan a {coop} en {network}',
    text: 'Hola {name}:\n\nTe invitan a unirte a {coop} en {network} (como {role}).\nAbre este enlace para elegir tu contraseña; vale durante {days} días:\n\n{link}\n\nSi no esperabas este mensaje, ignóralo.\n',
  },
  passwordReset: {
    subject: 'Restablece tu contraseña de {network}',
    text: 'Hola {name}:\n\nAlguien pidió restablecer la contraseña de tu cuenta de {network}.\nAbre este enlace antes de {minutes} minutos para elegir una nueva:\n\n{link}\n\nSi no fuiste tú, ignora este mensaje; tu contraseña no cambia.\n',
  },
  passwordChanged: {
    subject: 'Se cambió tu contraseña de {network}',
    text: 'Hola {name}:\n\nLa contraseña de tu cuenta de {network} se cambió el {at} (hora de la red, {zone}), desde una sesión abierta en ella.\nTus otras sesiones se cerraron.\n\nSi fuiste tú, no hace falta nada más.\nSi no fuiste tú, pide una contraseña nueva cuanto antes; así se cierran todas las sesiones:\n\n{link}\n',
  },
  signupConfirm: {
    subject: 'Confirma tu cuenta de {network}',
    text: 'Hola {name}:\n\nAlguien (esperamos que tú) pidió una cuenta de simpatizante en {network} con esta dirección.\nAbre este enlace antes de {hours} horas para confirmarla y entrar:\n\n{link}\n\nSi no fuiste tú, ignora este mensaje; no se crea ninguna cuenta.\n',
  },
  signupExisting: {
    subject: 'Alguien intentó registrarse en {network} con tu dirección',
    text: 'Hola {name}:\n\nAlguien intentó abrir una cuenta nueva de {network} con esta dirección, que ya tiene una.\nSi fuiste tú, entra con tu cuenta, o pide una contraseña nueva si la olvidaste:\n\n{link}\n\nSi no fuiste tú, ignora este mensaje; tu cuenta no ha cambiado.\n',
  },
  applicationReceived: {
    subject: 'Hemos recibido la solicitud de {coop}',
    text: 'Hola {name}:\n\nGracias: hemos recibido la solicitud de {coop} para unirse a {network}.\nLa coordinación decidirá y te escribirá.\n',
  },
  applicationRejected: {
    subject: 'La solicitud de {coop} no fue aceptada',
    text: 'Hola {name}:\n\nLa coordinación de {network} no ha aceptado por ahora la solicitud de {coop}.\nSu motivo: {reason}\n',
  },
  proposalOpened: {
    subject: 'Votación abierta: {title}',
    text: 'Hola {name}:\n\nLa votación sobre «{title}» en {network} está abierta hasta el {closesAt} (hora de la red, {zone}).\nLee la propuesta y vota aquí:\n\n{link}\n',
  },
  proposalClosingSoon: {
    subject: 'La votación cierra pronto: {title}',
    text: 'Hola {name}:\n\nLa votación sobre «{title}» en {network} cierra el {closesAt} (hora de la red, {zone}).\nSi aún no has votado, todavía puedes hacerlo aquí:\n\n{link}\n',
  },
  proposalDecided: {
    subject: 'Decidido: {title}',
    text: 'Hola {name}:\n\nLa votación sobre «{title}» en {network} ha cerrado. Resultado: {outcome}.\nConsulta el recuento aquí:\n\n{link}\n',
  },
  fundApplicationMade: {
    subject: '{coop} pidió al fondo: {kind} de {amount}',
    text: 'Hola {name}:\n\n{coop} pidió al fondo solidario de {network}: {kind} de {amount}.\nEstás en la comisión del fondo y puedes decidir{dueText}.\nLee la solicitud y responde aquí:\n\n{link}\n',
  },
  fundApplicationApproved: {
    subject: 'Se aprobó vuestra solicitud al fondo',
    text: 'Hola {name}:\n\nSe aprobó vuestra solicitud al fondo solidario de {network} ({kind} de {amount}).\nUna persona tesorera la pagará. Consúltala aquí:\n\n{link}\n',
  },
  fundApplicationDeclined: {
    subject: 'No se aprobó vuestra solicitud al fondo',
    text: 'Hola {name}:\n\nNo se aprobó vuestra solicitud al fondo solidario de {network} ({kind} de {amount}).\nConsulta las respuestas aquí:\n\n{link}\n',
  },
  fundApplicationPaid: {
    subject: 'El fondo pagó vuestra solicitud',
    text: 'Hola {name}:\n\nEl fondo solidario de {network} pagó vuestra solicitud: {kind} de {amount}.\nConsúltala aquí:\n\n{link}\n',
  },
  fundDuesOverdue: {
    subject: '{coop}: {amount} al fondo vencía el {dueOn}',
    text: 'Hola {name}:\n\n{coop} debe al fondo solidario de {network} {amount} de {what}, que vencía el {dueOn}.\nPara pagarlo, haced una transferencia al fondo con esta referencia, para que se asigne a vuestra cooperativa: {reference}\nSi lo habéis pagado estos días, gracias, y no hagáis caso de este mensaje.\nSi vuestra cooperativa no puede pagarlo ahora, responded a este mensaje o hablad con la comisión del fondo: el retraso no tiene recargo.\nConsultad lo que debe vuestra cooperativa aquí:\n\n{link}\n',
  },
  fundDuesStillOverdue: {
    subject: '{coop} aún debe {amount} al fondo',
    text: 'Hola {name}:\n\n{coop} aún debe al fondo solidario de {network} {amount} de {what}, que vencía el {dueOn}: ha pasado un mes.\nPara pagarlo, haced una transferencia al fondo con esta referencia: {reference}\nSi vuestra cooperativa pasa por un mal momento, el fondo está para eso: hablad con la comisión del fondo; el retraso no tiene recargo.\nConsultad lo que debe vuestra cooperativa aquí:\n\n{link}\n',
  },
  fundFastTrackDueSoon: {
    subject: 'Vía rápida: {coop} necesita respuesta antes del {dueAt}',
    text: 'Hola {name}:\n\nLa solicitud por vía rápida de {coop} ({kind} de {amount}) aún no está decidida y su plazo acaba el {dueAt} (hora de la red, {zone}).\nNo la has respondido. Responde aquí, por favor:\n\n{link}\n',
  },
  fundFastTrackOverdue: {
    subject: 'Fuera de plazo: la solicitud por vía rápida de {coop}',
    text: 'Hola {name}:\n\nLa solicitud por vía rápida de {coop} ({kind} de {amount}) no se decidió en su plazo, el {dueAt} (hora de la red, {zone}).\nLa comisión aún puede decidirla. Consulta cómo está aquí:\n\n{link}\n',
  },
  fundArrearsCommittee: {
    subject: '{coop} puede necesitar ayuda con su préstamo',
    text: 'Hola {name}:\n\nEl préstamo de {coop} del fondo solidario de {network} lleva más de {days} días de retraso sobre su calendario.\nLa comisión del fondo puede ponerse en contacto para ofrecer ayuda: más tiempo, un calendario nuevo o lo que la cooperativa necesite. El retraso no tiene ningún recargo.\nConsulta el préstamo aquí:\n\n{link}\n',
  },
  fundArrearsCoop: {
    subject: 'La comisión del fondo se pondrá en contacto por vuestro préstamo',
    text: 'Hola {name}:\n\nEl préstamo de {coop} del fondo solidario de {network} lleva más de {days} días de retraso sobre su calendario.\nLa comisión del fondo se pondrá en contacto para ver cómo puede ayudar. El retraso no tiene ningún recargo.\nConsulta el préstamo aquí:\n\n{link}\n',
  },
  newsFollowConfirm: {
    subject: 'Confirma que quieres las noticias de {from}',
    text: 'Hola:\n\nAlguien (esperamos que tú) ha pedido recibir en esta dirección las nuevas entradas de {from} en {network}.\nAbre este enlace para confirmarlo; no se envía nada hasta que lo hagas:\n\n{link}\n\nSi no fuiste tú, ignora este mensaje; no volveremos a escribirte.\n',
  },
  newsPost: {
    subject: 'Noticias de {from}: {title}',
    text: '{title}\n\n{summary}\n\nLéela aquí: {link}\n\nPara dejar de recibir estos correos, sin cuenta: {unfollowLink}\n',
  },
  pledgeReceipt: {
    subject: 'Recibo: {amount} para «{campaign}»',
    text: 'Hola:\n\nEste es tu recibo: el fondo solidario de {network} ha recibido tu pago para la campaña «{campaign}».\n\nImporte: {amount}\nFecha: {paidOn}\nCampaña: {campaign}\nReferencia: {reference}\nMovimiento en el libro del fondo: {movementId}\n\nGuarda este correo como justificante de tu pago.\n',
  },
  pledgeThanks: {
    subject: 'Gracias por apoyar «{campaign}»',
    text: 'Hola:\n\nHa llegado tu primer pago para «{campaign}»: gracias. Ya cuenta en el avance de la campaña, en las cuentas del fondo solidario de {network}, donde cualquiera puede seguir qué se hace con el dinero.\n\nLa página de la campaña y sus novedades: {link}\n',
  },
};

const catalogs: Record<string, Catalog> = { en, es };

export type MailTemplate = keyof typeof en;

/** Role names as people read them, so a mail never shows a code. */
const roleNames: Record<string, Record<string, string>> = {
  en: { worker: 'a worker', coop_admin: 'its administrator', coordinator: 'a coordinator', cashier: 'a cashier', treasurer: 'a treasurer' },
  es: { worker: 'persona trabajadora', coop_admin: 'persona administradora', coordinator: 'coordinadora', cashier: 'cajera', treasurer: 'tesorera' },
};

/** Outcomes of a vote as people read them (proposalDecided's {outcome}). */
const outcomeNames: Record<string, Record<string, string>> = {
  en: { passed: 'passed', failed: 'not passed', no_quorum: 'no quorum', elected: 'people elected' },
  es: { passed: 'aprobada', failed: 'no aprobada', no_quorum: 'sin quórum', elected: 'personas elegidas' },
};

/** Kinds of applications to the fund as people read them ({kind}). */
const fundKindNames: Record<string, Record<string, string>> = {
  en: { emergency_grant: 'an emergency grant', loan: 'a loan', seed_capital: 'seed capital', programme: 'programme funding' },
  es: { emergency_grant: 'una ayuda de emergencia', loan: 'un préstamo', seed_capital: 'capital semilla', programme: 'financiación de un programa' },
};

/** {what} an overdue obligation is, by its obligationKind and {period}. */
const duesWhat: Record<string, Record<string, string>> = {
  en: { monthly_due: 'dues of {period}', surplus_share: 'share of the surplus of {period}' },
  es: { monthly_due: 'las cuotas de {period}', surplus_share: 'la parte del excedente de {period}' },
};
/** " by {dueAt}" for fundApplicationMade's {dueText}, when the application has a deadline. */
const dueWords: Record<string, string> = { en: ' by {dueAt} (network time, {zone})', es: ' antes del {dueAt} (hora de la red, {zone})' };

/** The placeholders that hold an instant (ISO text), written in the reader's language and the network's time zone, as the app writes them. */
const TIMES = new Set(['at', 'closesAt', 'startsAt', 'endsAt', 'dueAt']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** `timeZone`: the network's; every time in a mail is in it, and the mail says which ({zone}). */
export function mailText(locale: string, template: MailTemplate, vars: Record<string, string | number>, timeZone = 'UTC'): Template {
  const t = (catalogs[locale] ?? en)[template] ?? en[template]!;
  const names = roleNames[locale] ?? roleNames.en!;
  const outcomes = outcomeNames[locale] ?? outcomeNames.en!;
  const value = (k: string) => {
    const v = vars[k];
    if (k === 'zone') return v ?? timeZone;
    if (k === 'role' && typeof v === 'string') return names[v] ?? v;
    if (k === 'outcome' && typeof v === 'string') return outcomes[v] ?? v;
    if (k === 'kind' && typeof v === 'string') return (fundKindNames[locale] ?? fundKindNames.en!)[v] ?? v;
    // {amount}: the amountCents given, in the network's currency ({currency}) and the reader's language.
    if (k === 'amount' && typeof vars.amountCents === 'number')
      return formatCents(vars.amountCents, String(vars.currency ?? 'EUR'), catalogs[locale] ? locale : 'en');
    if (k === 'what' && typeof vars.obligationKind === 'string') return fill((duesWhat[locale] ?? duesWhat.en!)[vars.obligationKind] ?? '');
    if (k === 'dueText') return vars.dueAt ? fill(dueWords[locale] ?? dueWords.en!) : '';
    if (k === 'paidOn' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return dayText(v, catalogs[locale] ? locale : 'en');
    if (TIMES.has(k) && typeof v === 'string' && INSTANT.test(v)) return dateTimeText(new Date(v), catalogs[locale] ? locale : 'en', timeZone);
    return v;
  };
  const fill = (s: string): string => s.replace(/\{(\w+)\}/g, (_, k: string) => String(value(k) ?? `{${k}}`));
  return { subject: fill(t.subject), text: fill(t.text) };
}

/** How to pay a pledge by bank transfer, the sentence its mail carries ({amount} is already written). */
const bankTransferWords: Record<string, { once: string; monthly: string }> = {
  en: {
    once: "Transfer {amount} with the reference {reference} in the transfer's description.",
    monthly: "Transfer {amount} every month with the reference {reference} in the transfer's description.",
  },
  es: {
    once: 'Transfiere {amount} con la referencia {reference} en el concepto.',
    monthly: 'Transfiere {amount} cada mes con la referencia {reference} en el concepto.',
  },
};

export function bankTransferText(locale: string, v: { amount: string; reference: string; monthly: boolean }): string {
  const w = bankTransferWords[locale] ?? bankTransferWords.en!;
  return (v.monthly ? w.monthly : w.once).replace('{amount}', v.amount).replace('{reference}', v.reference);
}
