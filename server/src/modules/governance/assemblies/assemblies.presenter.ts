/** Assembly rows, with their agenda and attendance count, to API shapes. */
import type { AssemblyTable } from '../../../db/schema-governance.ts';

export interface AgendaRow {
  assemblyId: string;
  proposalId: string;
  position: number;
  title: string;
  status: string;
}

export function presentAssembly(a: AssemblyTable, agenda: AgendaRow[], attendanceCount: number) {
  return {
    id: a.id,
    bodyId: a.body_id,
    title: a.title,
    startsAt: a.starts_at,
    endsAt: a.ends_at,
    place: a.place,
    videoUrl: a.video_url,
    minutes: a.minutes,
    agenda: agenda
      .filter((r) => r.assemblyId === a.id)
      .map((r) => ({ proposalId: r.proposalId, title: r.title, status: r.status, position: Number(r.position) })),
    attendanceCount,
  };
}
