/** Settings are checked at start: odd values stop Coopnet with a message naming them. */
import { describe, expect, it } from 'vitest';
import { readEnv } from './config.ts';
import { resolveConfig } from './secrets.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('settings', () => {
  it('links in mail follow the port when PUBLIC_URL is not set', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coopnet-config-'));
    try {
      expect(resolveConfig(readEnv({ PORT: '8080', DATA_DIR: dataDir })).publicUrl).toBe('http://localhost:8080');
      expect(resolveConfig(readEnv({ PORT: '8080', DATA_DIR: dataDir, PUBLIC_URL: 'https://red.example.org/' })).publicUrl).toBe(
        'https://red.example.org',
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses odd MAIL_FROM, MAP_TILE_URL and PUBLIC_URL values, naming them', () => {
    for (const bad of ['x', 'Coopnet', 'a@b', 'Coopnet <no-reply@example.org', 'a@example.org\r\nBcc: b@example.org', 'two@example.org, three@example.org']) {
      expect(() => readEnv({ MAIL_FROM: bad }), bad).toThrow(/MAIL_FROM/);
    }
    for (const good of ['no-reply@example.org', 'Coopnet <no-reply@example.org>', 'Red de Cooperativas <hola@red.example.org>']) {
      expect(readEnv({ MAIL_FROM: good }).MAIL_FROM).toBe(good);
    }
    for (const bad of ['tiles', 'javascript:alert(1)', 'https://tiles.example.org/map.png', 'ftp://tiles.example.org/{z}/{x}/{y}.png']) {
      expect(() => readEnv({ MAP_TILE_URL: bad }), bad).toThrow(/MAP_TILE_URL/);
    }
    expect(readEnv({ MAP_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png' }).MAP_TILE_URL).toContain('{z}');
    for (const bad of ['localhost', 'javascript:alert(1)', 'ftp://example.org']) {
      expect(() => readEnv({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/);
    }
  });
});
