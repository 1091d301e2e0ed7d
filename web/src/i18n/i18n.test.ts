import { describe, expect, it } from 'vitest';
import en from './en.json';
import es from './es.json';
import type { Resource } from './merge.ts';

const featureFiles = import.meta.glob<Resource>('../features/*/i18n/*.json', { eager: true, import: 'default' });
const featureResources = (lng: string) =>
  Object.fromEntries(Object.entries(featureFiles).filter(([path]) => path.endsWith(`/${lng}.json`)));

/** Every key path of a nested resource object, e.g. `nav.signIn`. */
function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('translations', () => {
  it('English and Spanish have exactly the same keys', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });

  it('no translation is empty', () => {
    for (const [name, resource] of [
      ['en', en],
      ['es', es],
    ] as const) {
      const empty = keys(resource).filter((k) => {
        const value = k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], resource);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty, `${name} has empty or non-string values`).toEqual([]);
    }
  });

  it('each feature has the same keys in English and Spanish, and no feature redefines a shared key', () => {
    const enFiles = featureResources('en');
    const esFiles = featureResources('es');
    expect(Object.keys(esFiles).map((p) => p.replace('/es.json', '')).sort()).toEqual(Object.keys(enFiles).map((p) => p.replace('/en.json', '')).sort());
    const seen = new Set(Object.keys(en));
    for (const [path, resource] of Object.entries(enFiles)) {
      const twin = esFiles[path.replace('/en.json', '/es.json')]!;
      expect(keys(twin).sort(), path).toEqual(keys(resource).sort());
      for (const top of Object.keys(resource)) {
        expect(seen.has(top), `${path} redefines "${top}"`).toBe(false);
        seen.add(top);
      }
    }
  });
});
