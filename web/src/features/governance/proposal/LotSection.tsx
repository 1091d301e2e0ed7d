import { Card, Code, List, Stack, Text, Title } from '@mantine/core';
import { lotOrder } from '@coopnet/domain/voting/lot';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountResult, Proposal } from '../types.ts';
import { lotBrokeATie } from './result-words.ts';

/** The seed as bytes: hex (what the server publishes) or base64. */
export function seedBytes(seed: string): Uint8Array<ArrayBuffer> | null {
  const s = seed.trim();
  if (/^(?:[0-9a-fA-F]{2})+$/.test(s)) {
    return Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));
  }
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Whether sha256 of the seed is the published commitment; null when this browser cannot tell. */
function useCommitmentCheck(seed: string | null, commitment: string | null): boolean | null {
  const [ok, setOk] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    setOk(null);
    const bytes = seed ? seedBytes(seed) : null;
    if (!seed || !bytes || !commitment || !globalThis.crypto?.subtle) return;
    const want = commitment.trim().toLowerCase();
    // The commitment is of the seed's bytes; some servers hash its text — either is a match.
    void Promise.all([
      crypto.subtle.digest('SHA-256', bytes),
      crypto.subtle.digest('SHA-256', new TextEncoder().encode(seed)),
    ]).then(([a, b]) => {
      if (live) setOk(hex(a) === want || hex(b) === want);
    });
    return () => {
      live = false;
    };
  }, [seed, commitment]);
  return ok;
}

/**
 * The lot that breaks ties: committed (its SHA-256 published) when voting
 * opened, its seed revealed at the close. The order is recomputed here from
 * the seed with the same function the count uses. Its figures are folded
 * away unless a tie was actually broken by it.
 */
export function LotSection({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const matches = useCommitmentCheck(p.lotSeed, p.lotCommitment);
  const bytes = p.lotSeed ? seedBytes(p.lotSeed) : null;
  const order = bytes && p.options.length > 1 ? lotOrder(bytes, p.options.length) : null;
  const used = lotBrokeATie(p.result?.count as CountResult | null | undefined);
  return (
    <section aria-labelledby="lot-title">
      <Title order={2} id="lot-title" mb="sm">
        {t('lot.title')}
      </Title>
      <Text mb="xs">{t(used ? 'lot.used' : p.lotSeed ? 'lot.notUsed' : 'lot.waiting')}</Text>
      <details open={used} className="lot-details">
        <summary>{t('lot.showDetails')}</summary>
        <Card withBorder padding="md" maw={900} mt="xs">
          <Stack gap="sm">
            <Text size="sm">{t('lot.explanation')}</Text>
            <div>
              <Text fw={700} size="sm" id="lot-commitment">
                {t('lot.commitment')}
              </Text>
              <Code block className="break-anywhere lot-code">
                {p.lotCommitment}
              </Code>
            </div>
            {p.lotSeed ? (
              <>
                <div>
                  <Text fw={700} size="sm" id="lot-seed">
                    {t('lot.seed')}
                  </Text>
                  <Code block className="break-anywhere lot-code">
                    {p.lotSeed}
                  </Code>
                </div>
                <Text size="sm" role="status">
                  {matches === null ? t('lot.checkYourself') : matches ? t('lot.matches') : t('lot.noMatch')}
                </Text>
                {order && (
                  <div>
                    <Text fw={700} size="sm" id="lot-order">
                      {t('lot.order')}
                    </Text>
                    <List type="ordered" size="sm" aria-labelledby="lot-order">
                      {order.map((i) => (
                        <List.Item key={i}>{p.options[i] ?? `#${i}`}</List.Item>
                      ))}
                    </List>
                  </div>
                )}
              </>
            ) : (
              <Text size="sm">{t('lot.sealed')}</Text>
            )}
          </Stack>
        </Card>
      </details>
    </section>
  );
}
