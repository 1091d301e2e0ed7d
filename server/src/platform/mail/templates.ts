/** Mail texts in the network's languages. Placeholders are {name}. */
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
  applicationReceived: {
    subject: 'We received the application of {coop}',
    text: 'Hello {name},\n\nThank you: the application of {coop} to join {network} has been received.\nThe coordinators will decide on it and write to you.\n',
  },
  applicationRejected: {
    subject: 'The application of {coop} was not accepted',
    text: 'Hello {name},\n\nThe coordinators of {network} did not accept the application of {coop} for now.\nTheir reason: {reason}\n',
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
  applicationReceived: {
    subject: 'Hemos recibido la solicitud de {coop}',
    text: 'Hola {name}:\n\nGracias: hemos recibido la solicitud de {coop} para unirse a {network}.\nLa coordinación decidirá y te escribirá.\n',
  },
  applicationRejected: {
    subject: 'La solicitud de {coop} no fue aceptada',
    text: 'Hola {name}:\n\nLa coordinación de {network} no ha aceptado por ahora la solicitud de {coop}.\nSu motivo: {reason}\n',
  },
};

const catalogs: Record<string, Catalog> = { en, es };

export type MailTemplate = keyof typeof en;

/** Role names as people read them, so a mail never shows a code. */
const roleNames: Record<string, Record<string, string>> = {
  en: { worker: 'a worker', coop_admin: 'its administrator', coordinator: 'a coordinator', cashier: 'a cashier', treasurer: 'a treasurer' },
  es: { worker: 'socia trabajadora', coop_admin: 'administradora', coordinator: 'coordinadora', cashier: 'cajera', treasurer: 'tesorera' },
};

export function mailText(locale: string, template: MailTemplate, vars: Record<string, string | number>): Template {
  const t = (catalogs[locale] ?? en)[template] ?? en[template]!;
  const names = roleNames[locale] ?? roleNames.en!;
  const value = (k: string) => (k === 'role' && typeof vars.role === 'string' ? (names[vars.role] ?? vars.role) : vars[k]);
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(value(k) ?? `{${k}}`));
  return { subject: fill(t.subject), text: fill(t.text) };
}
