import { describe, expect, it } from 'vitest';
import en from './en.json';
import es from './es.json';

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
});
