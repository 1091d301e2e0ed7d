/**
 * "Near me": the great-circle distance between two points, and a box around a
 * point that surely holds every point within a radius. SQL narrows to the box
 * with plain comparisons (the same on SQLite and PostgreSQL); the exact
 * distance is then computed here.
 */
const EARTH_RADIUS_KM = 6371.0088; // the mean radius (IUGG)
/** The fewest km in one degree of latitude (at the equator), so the box is never too small. */
const KM_PER_DEGREE_MIN = 110.574;
const KM_PER_DEGREE_LNG_AT_EQUATOR = 111.32;

export interface Point {
  lat: number;
  lng: number;
}

export interface Box {
  minLat: number;
  maxLat: number;
  /** absent when the box reaches a pole or crosses the 180° meridian: every longitude then */
  minLng?: number;
  maxLng?: number;
}

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Haversine distance in km. */
export function distanceKm(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function boxAround(p: Point, radiusKm: number): Box {
  // A little margin, so rounding never leaves a point on the edge outside the box.
  const r = radiusKm * 1.01;
  const dLat = r / KM_PER_DEGREE_MIN;
  const minLat = Math.max(-90, p.lat - dLat);
  const maxLat = Math.min(90, p.lat + dLat);
  // A degree of longitude is shortest at the box's edge nearest a pole.
  const widestLat = Math.max(Math.abs(minLat), Math.abs(maxLat));
  if (widestLat >= 89) return { minLat, maxLat };
  const dLng = r / (KM_PER_DEGREE_LNG_AT_EQUATOR * Math.cos(rad(widestLat)));
  if (p.lng - dLng < -180 || p.lng + dLng > 180) return { minLat, maxLat };
  return { minLat, maxLat, minLng: p.lng - dLng, maxLng: p.lng + dLng };
}
