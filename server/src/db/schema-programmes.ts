/** Community programmes' tables (migration 0023). */
import type { ProgrammeKind } from '@coopnet/contract/programmes';

export interface ProgrammeTable {
  id: string;
  kind: ProgrammeKind;
  name: string;
  description: string;
  created_by: string;
  created_at: string;
}

export interface ProgrammeCoordinatorTable {
  programme_id: string;
  person_id: string;
}

export interface ProgrammeShiftTable {
  id: string;
  programme_id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  places: number;
  taken: number;
  created_by: string;
  created_at: string;
}

export interface ProgrammeSignupTable {
  shift_id: string;
  person_id: string;
  signed_at: string;
}

export interface ProgrammeCalendarLinkTable {
  person_id: string;
  token_hash: string;
  created_at: string;
}

export interface ProgrammeFigureTable {
  programme_id: string;
  measure: string;
  week_of: string;
  value: number;
  reported_by: string;
  reported_at: string;
}

export interface ProgrammeTables {
  programmes: ProgrammeTable;
  programme_coordinators: ProgrammeCoordinatorTable;
  programme_shifts: ProgrammeShiftTable;
  programme_signups: ProgrammeSignupTable;
  programme_calendar_links: ProgrammeCalendarLinkTable;
  programme_figures: ProgrammeFigureTable;
}
