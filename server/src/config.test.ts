/** Settings are checked at start: odd values stop Coopnet with a message naming them. */
import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { ConfigError, readEnv } from './config.ts';
import { fastifyTrustProxy } from './platform/proxy.ts';
import { resolveConfig } from './secrets.ts';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../test/temp-dir.ts';

describe('settings', () => {
  it('links in mail follow the port when PUBLIC_URL is not set', () => {
    const dataDir = tempDir('config');
    try {
      expect(resolveConfig(readEnv({ PORT: '8080', DATA_DIR: dataDir })).publicUrl).toBe('http://localhost:8080');
      expect(resolveConfig(readEnv({ PORT: '8080', DATA_DIR: dataDir, PUBLIC_URL: 'https://red.example.org/' })).publicUrl).toBe(
        'https://red.example.org',
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a secrets.json that is not JSON or does not fit stops Coopnet, naming the file, and is left as it is', () => {
    const dataDir = tempDir('config');
    const file = join(dataDir, 'secrets.json');
    try {
      for (const [content, error] of [
        ['{"sessionSecret": "cut sh', /secrets\.json: not JSON/],
        ['{"sessionSecret": 42}', /secrets\.json: sessionSecret: /],
        ['["a", "list"]', /secrets\.json: \(the whole file\): /],
      ] as const) {
        writeFileSync(file, content);
        expect(() => resolveConfig(readEnv({ DATA_DIR: dataDir })), content).toThrow(ConfigError);
        expect(() => resolveConfig(readEnv({ DATA_DIR: dataDir })), content).toThrow(error);
        expect(readFileSync(file, 'utf8')).toBe(content);
      }
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

  it('TRUST_PROXY is off, a number of proxies (true meaning one) or the proxies\' addresses; anything else is refused, naming it', () => {
    expect(readEnv({}).TRUST_PROXY).toBe(false);
    const accepted: [string, unknown][] = [
      ['false', false], ['no', false], ['0', false],
      ['true', 1], ['YES', 1], ['1', 1], ['2', 2],
      ['127.0.0.1', ['127.0.0.1']],
      ['10.0.0.0/8, ::1', ['10.0.0.0/8', '::1']],
      [' 127.0.0.1 192.168.1.0/24,fd00::/8 ', ['127.0.0.1', '192.168.1.0/24', 'fd00::/8']],
      ['loopback', ['loopback']],
    ];
    for (const [value, setting] of accepted) {
      expect(readEnv({ TRUST_PROXY: value }).TRUST_PROXY, value).toEqual(setting);
      // Fastify compiles the addresses when it starts: whatever we accept, it takes.
      expect(() => Fastify({ trustProxy: fastifyTrustProxy(readEnv({ TRUST_PROXY: value }).TRUST_PROXY) }), value).not.toThrow();
    }
    for (const bad of ['', 'maybe', 'on', '-1', '1.5', '100', '10.0.0.300', '10.0.0.0/33', '::1/129', '127.0.0.1/', '127.0.0.1, proxy.example.org', '10.0.0.0/8/8']) {
      expect(() => readEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY: must be false, true, the number of proxies/);
    }
    expect(() => readEnv({ TRUST_PROXY: '127.0.0.1, proxy.example.org' })).toThrow(/"proxy.example.org" is none of these/);
  });
});
