/** The till's published keys: a genuine card is remembered, a retired key's cards stop verifying even so. */
import { afterEach, expect, it, vi } from 'vitest';
import { describeOnDatabases } from '../../../test/harness.ts';
import { loadSigningKey } from '../cards/index.ts';
import { publishedKeys } from './card-keys.ts';
import { forge, holderWithCard, tillWorld } from '../../../test/till-factories.ts';

describeOnDatabases('till: the keys it checks cards with', (t) => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('remembers a genuine card but checks its dates and network each time, and drops it once its key is retired', async () => {
    const w = await tillWorld(t);
    const ana = await holderWithCard(t, w.other.id);
    const network = (await t.deps.db.selectFrom('network').select('id').executeTakeFirstOrThrow()).id;
    const keys = publishedKeys(t.deps.db);
    const now = new Date();
    expect(await keys.verifyCard(ana.card.token, network, now)).toMatchObject({ ok: true });
    // Remembered: the same text again, checked against other dates and another network.
    expect(await keys.verifyCard(ana.card.token, network, new Date(Date.parse(ana.card.expiresAt) + 1000))).toEqual({ ok: false, reason: 'expired' });
    expect(await keys.verifyCard(ana.card.token, 'another-network', now)).toEqual({ ok: false, reason: 'wrong_network' });
    expect(await keys.verifyCard(forge(ana.card.token), network, now)).toEqual({ ok: false, reason: 'bad_signature' });

    const kid = loadSigningKey(t.deps.config.cardSigningKey).kidHex;
    await t.deps.db.updateTable('card_keys').set({ retired_at: now.toISOString() }).where('kid', '=', kid).execute();
    // The keys are read again within a minute.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    expect(await keys.verifyCard(ana.card.token, network, now)).toEqual({ ok: false, reason: 'unknown_key' });
  });
});
