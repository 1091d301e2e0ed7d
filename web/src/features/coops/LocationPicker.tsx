/**
 * Placing a co-op on the map (Leaflet): a click on the map puts the marker
 * there, dragging the marker moves it; either gives the latitude and the
 * longitude. The marker is an element styled in CSS (no marker images), the
 * tiles come from the network's tile server, and without tiles the map still
 * takes clicks (the coordinates can be typed too, for keyboard users).
 */
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';

export interface Point {
  latitude: number;
  longitude: number;
}

interface LocationPickerProps {
  /** Where the co-op is, if placed. */
  at: Point | null;
  /** Where to look when it is not placed yet: the other co-ops of the network. */
  around: Point[];
  tileUrl: string;
  label: string;
  describedBy?: string;
  onPick: (at: Point) => void;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const wrapped = (lng: number) => ((((lng + 180) % 360) + 360) % 360) - 180;

function attributionFor(tileUrl: string): string {
  return /openstreetmap/i.test(tileUrl)
    ? '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    : '';
}

const pin = L.divIcon({ className: 'location-pin', iconSize: [22, 22], iconAnchor: [11, 22] });

export default function LocationPicker({ at, around, tileUrl, label, describedBy, onPick }: LocationPickerProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const markerRef = useRef<L.Marker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const framed = useRef(false);

  useEffect(() => {
    if (!container.current) return;
    const map = L.map(container.current, { scrollWheelZoom: false, worldCopyJump: true }).setView([20, 0], 2);
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19, attribution: attributionFor(tileUrl) }).addTo(map);
    map.on('click', (e: L.LeafletMouseEvent) => {
      pick.current({ latitude: round(e.latlng.lat), longitude: round(wrapped(e.latlng.lng)) });
    });
    mapRef.current = map;
    framed.current = false;
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      map.remove();
      mapRef.current = null;
      markerRef.current = null;
    };
  }, [tileUrl]);

  // The marker follows the coordinates, however they were set (click, drag or typing).
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!at) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    const where: L.LatLngExpression = [at.latitude, at.longitude];
    if (markerRef.current) {
      markerRef.current.setLatLng(where);
    } else {
      const marker = L.marker(where, { icon: pin, draggable: true, keyboard: false, autoPan: true }).addTo(map);
      marker.on('dragend', () => {
        const p = marker.getLatLng();
        pick.current({ latitude: round(p.lat), longitude: round(wrapped(p.lng)) });
      });
      markerRef.current = marker;
    }
    if (!map.getBounds().contains(where) || !framed.current) map.setView(where, Math.max(map.getZoom(), 15));
    framed.current = true;
  }, [at]);

  // Not placed yet: show the network's co-ops, so the first click lands near the right street.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || framed.current || at || around.length === 0) return;
    const bounds = L.latLngBounds(around.map((p) => [p.latitude, p.longitude] as L.LatLngTuple));
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
    framed.current = true;
  }, [around, at]);

  return (
    <div
      ref={container}
      className="coop-map location-map"
      role="region"
      aria-label={label}
      aria-describedby={describedBy}
    />
  );
}
