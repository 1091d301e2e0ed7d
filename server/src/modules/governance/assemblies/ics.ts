/**
 * The assemblies as an iCalendar feed that people subscribe to from their
 * calendar program: every meeting from a year back on, with place, video
 * link and agenda. Texts in the network's language.
 */
import { icalendar } from '@coopnet/domain/governance/icalendar';
import type { AppDeps } from '../../../deps.ts';
import { nowIso } from '../../../platform/clock.ts';
import { agendaOf, assembliesSince } from './assemblies.repository.ts';

const labels: Record<string, { calendar: string; agenda: string; video: string; details: string }> = {
  en: { calendar: 'Assemblies of {network}', agenda: 'Agenda', video: 'Video call', details: 'Details' },
  es: { calendar: 'Asambleas de {network}', agenda: 'Orden del día', video: 'Videollamada', details: 'Detalles' },
};

const FEED_LIMIT = 500;
const YEAR_MS = 365 * 24 * 3600 * 1000;

export async function assembliesFeed({ db, config, network: settings }: AppDeps): Promise<string> {
  const now = nowIso();
  const [network, assemblies] = await Promise.all([settings.get(), assembliesSince(db, new Date(Date.parse(now) - YEAR_MS).toISOString(), FEED_LIMIT)]);
  const agenda = await agendaOf(db, assemblies.map((a) => a.id));
  const l = labels[network.locale] ?? labels.en!;
  const base = config.publicUrl.replace(/\/+$/, '');
  const host = new URL(base).host;
  return icalendar({
    prodId: '-//Coopnet//Assemblies//EN',
    name: l.calendar.replace('{network}', network.name),
    events: assemblies.map((a) => {
      const items = agenda.filter((r) => r.assemblyId === a.id).map((r) => `${r.position}. ${r.title} — ${base}/proposals/${r.proposalId}`);
      // The web app shows assemblies on its governance page; the anchor lets it scroll to this one.
      const url = `${base}/governance#assembly-${a.id}`;
      const description = [
        ...(items.length > 0 ? [`${l.agenda}:`, ...items, ''] : []),
        ...(a.video_url ? [`${l.video}: ${a.video_url}`] : []),
        `${l.details}: ${url}`,
      ].join('\n');
      return { uid: `${a.id}@${host}`, stamp: a.updated_at, start: a.starts_at, end: a.ends_at, summary: a.title, location: a.place ?? a.video_url, description, url };
    }),
  });
}
