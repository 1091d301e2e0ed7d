/**
 * The map of member co-ops (Leaflet). Circle markers, so no marker images are
 * needed; each opens a popup linking to the co-op. The map is secondary: when
 * tiles do not load the markers still show, and the list beside it has it all.
 */
import type { Coop } from '@coopnet/contract/coops';
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useSectorNames } from '../network/sectors.api.ts';

interface CoopMapProps {
  coops: Coop[];
  tileUrl: string;
  label: string;
}

function attributionFor(tileUrl: string): string {
  return /openstreetmap/i.test(tileUrl)
    ? '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    : '';
}

export default function CoopMap({ coops, tileUrl, label }: CoopMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.LayerGroup | null>(null);
  const navigate = useNavigate();
  const { name: sectorName } = useSectorNames();

  useEffect(() => {
    if (!container.current) return;
    const map = L.map(container.current, { scrollWheelZoom: false, worldCopyJump: true }).setView([20, 0], 2);
    if (tileUrl) {
      L.tileLayer(tileUrl, { maxZoom: 19, attribution: attributionFor(tileUrl) }).addTo(map);
    }
    layerRef.current = L.layerGroup().addTo(map);
    mapRef.current = map;
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      map.remove();
      mapRef.current = null;
      layerRef.current = null;
    };
  }, [tileUrl]);

  useEffect(() => {
    const map = mapRef.current;
    const layer = layerRef.current;
    if (!map || !layer) return;
    layer.clearLayers();
    const points: L.LatLngExpression[] = [];
    for (const coop of coops) {
      if (coop.latitude === null || coop.longitude === null) continue;
      const at: L.LatLngExpression = [coop.latitude, coop.longitude];
      points.push(at);
      // Built as DOM nodes, never as HTML strings: Leaflet sets a string as innerHTML, and names come from users.
      const tooltip = document.createElement('span');
      tooltip.textContent = coop.name;
      const popup = document.createElement('div');
      const link = document.createElement('a');
      link.href = `/coops/${encodeURIComponent(coop.slug)}`;
      link.textContent = coop.name;
      link.addEventListener('click', (e) => {
        e.preventDefault();
        void navigate(`/coops/${coop.slug}`);
      });
      const where = document.createElement('div');
      where.textContent = [sectorName(coop.sector), coop.city].filter(Boolean).join(' · ');
      popup.append(link, where);
      L.circleMarker(at, { radius: 9, color: '#0b3d75', weight: 2, fillColor: '#1971c2', fillOpacity: 0.85 })
        .bindTooltip(tooltip)
        .bindPopup(popup)
        .addTo(layer);
    }
    if (points.length === 1) map.setView(points[0]!, 13);
    else if (points.length > 1) map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 14 });
  }, [coops, navigate, sectorName]);

  return <div ref={container} className="coop-map" role="region" aria-label={label} />;
}
