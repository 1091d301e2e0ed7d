/** A volunteer shift's rules: it ends after it starts, within a day, with at least one place. */
export const MAX_SHIFT_HOURS = 24;
export const MAX_PLACES = 500;

export type ShiftProblem = 'ends_before_start' | 'too_long' | 'places';

export function shiftProblem(startsAt: string, endsAt: string, places: number): ShiftProblem | null {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  if (!(end > start)) return 'ends_before_start';
  if (end - start > MAX_SHIFT_HOURS * 3_600_000) return 'too_long';
  if (!Number.isInteger(places) || places < 1 || places > MAX_PLACES) return 'places';
  return null;
}

/** Places still free on a shift. */
export const placesLeft = (places: number, taken: number) => Math.max(0, places - taken);

/** A week is named by its Monday. */
export const isMonday = (day: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
