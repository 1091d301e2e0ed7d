/** The matters registry: filled once at start-up, and harmlessly again by every app a process builds. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type MatterDefinition, findMatter, registerMatters, registeredMatters } from './matters.ts';

const motion = (matter: string): MatterDefinition => ({ matter, subject: z.strictObject({}), async check() {}, describe: () => 'A motion' });

describe('registerMatters', () => {
  it('keeps each definition once, however often the same ones are registered', () => {
    const a = motion('test_registry_a');
    const b = motion('test_registry_b');
    registerMatters([a, b]);
    registerMatters([a, b]);
    expect(findMatter('test_registry_a')).toBe(a);
    expect(registeredMatters().filter((m) => m.startsWith('test_registry_'))).toEqual(['test_registry_a', 'test_registry_b']);
  });

  it('refuses a second, different definition of a kind already registered', () => {
    registerMatters([motion('test_registry_c')]);
    expect(() => registerMatters([motion('test_registry_c')])).toThrow("matter 'test_registry_c' is already registered");
  });
});
