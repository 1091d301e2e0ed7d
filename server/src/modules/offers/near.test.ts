import { describe, expect, it } from 'vitest';
import { boxAround, distanceKm } from './near.ts';

const valencia = { lat: 39.4699, lng: -0.3763 };
const madrid = { lat: 40.4168, lng: -3.7038 };

describe('near me', () => {
  it('measures great-circle distances', () => {
    expect(distanceKm(valencia, valencia)).toBe(0);
    expect(distanceKm(valencia, madrid)).toBeCloseTo(302.6, 0);
    expect(distanceKm(madrid, valencia)).toBeCloseTo(distanceKm(valencia, madrid), 9);
    expect(distanceKm({ lat: 0, lng: 179.99 }, { lat: 0, lng: -179.99 })).toBeCloseTo(2.22, 2);
  });

  it('draws a box that holds every point within the radius, in every direction', () => {
    for (const centre of [valencia, { lat: 64.1, lng: -21.9 }, { lat: -33.9, lng: 151.2 }]) {
      const box = boxAround(centre, 10);
      for (let bearing = 0; bearing < 360; bearing += 15) {
        // A point 9.99 km away along the bearing (a flat approximation is exact enough at this size).
        const b = (bearing * Math.PI) / 180;
        const p = {
          lat: centre.lat + (9.99 / 111.2) * Math.cos(b),
          lng: centre.lng + (9.99 / (111.2 * Math.cos((centre.lat * Math.PI) / 180))) * Math.sin(b),
        };
        expect(distanceKm(centre, p)).toBeLessThan(10);
        expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
        expect(p.lat).toBeLessThanOrEqual(box.maxLat);
        expect(p.lng).toBeGreaterThanOrEqual(box.minLng!);
        expect(p.lng).toBeLessThanOrEqual(box.maxLng!);
      }
    }
  });

  it('drops the longitude bounds at a pole or across the 180° meridian', () => {
    expect(boxAround({ lat: 89.99, lng: 10 }, 5)).toEqual({ minLat: expect.any(Number), maxLat: 90 });
    const box = boxAround({ lat: 0, lng: 179.99 }, 5);
    expect(box.minLng).toBeUndefined();
    expect(box.maxLng).toBeUndefined();
  });
});
