/**
 * The till at /till/:coopId: a cashier checks a member's card and records
 * the discount of a sale. Routed outside the signed-in pages so it opens and
 * keeps working offline: cards are checked on this device (signature,
 * network, dates, cached revocations) and, when online, by the server too,
 * which also knows the limits; sales made offline are queued and synced.
 */
import { Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, isUnreachable } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { Loading } from '../../components/Loading.tsx';
import { NoAccess } from '../../components/NoAccess.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { checkOnDevice, classifyInput, holderFromClaims, offersOnDevice } from './card-check.ts';
import { CardReader } from './CardReader.tsx';
import { CheckedCard } from './CheckedCard.tsx';
import { refusalReason, replacedAtOf, tillApi } from './till-api.ts';
import { type CardCheck, type CardRefusal, type PresentedCard, presentedText } from './till-types.ts';
import { QueuedSales, TillStatus } from './TillStatus.tsx';
import { useTill } from './useTill.ts';
import { useTillManifest } from './useTillManifest.ts';
import { useTillWords } from './useTillWords.ts';

export function TillPage() {
  const { coopId = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const till = useTill(coopId);
  const words = useTillWords(till.cache.currency);
  const coopName = till.cache.coop?.id === coopId ? till.cache.coop.name : (till.cache.coops[coopId]?.name ?? '');
  usePageTitle(t('till.title'));
  useTillManifest(coopId);

  const person = session.data?.person;
  const abilities = session.data?.abilities;
  const prepared = !!till.cache.networkId && Object.keys(till.cache.keys).length > 0;
  // The server said who this is: act on it. No answer (offline): the device's cache decides.
  const signedOut = session.data !== undefined && !person;
  const mayUse = !!abilities && (abilities.cashierOfCoops.includes(coopId) || abilities.adminOfCoops.includes(coopId));
  const refusedByServer = till.accessError !== null && till.accessError.status !== 401;

  if (session.isPending && !prepared) return <Loading />;
  if (signedOut || till.accessError?.status === 401) {
    return (
      <Stack>
        <Title order={1}>{t('till.title')}</Title>
        <Text>{t('till.signedOut')}</Text>
        <Anchor component={Link} to={`/sign-in?next=${encodeURIComponent(`/till/${coopId}`)}`} fz="lg">
          {t('till.signIn')}
        </Anchor>
      </Stack>
    );
  }
  if ((person && !mayUse) || refusedByServer) return <NoAccess />;
  return <Till coopId={coopId} coopName={coopName} till={till} words={words} prepared={prepared} />;
}

interface TillProps {
  coopId: string;
  coopName: string;
  till: ReturnType<typeof useTill>;
  words: ReturnType<typeof useTillWords>;
  prepared: boolean;
}

function Till({ coopId, coopName, till, words, prepared }: TillProps) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<CardCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [ready, setReady] = useState(0);
  /** Only the latest card read counts: a slow answer about an earlier card is dropped. */
  const latest = useRef(0);
  const { cache, online, noteReachable } = till;

  const onCard = useCallback(
    async (typed: string) => {
      const attempt = ++latest.current;
      const settle = (result: CardCheck) => {
        if (attempt !== latest.current) return;
        setCheck(result);
        setChecking(false);
      };
      setCheck(null);
      setChecking(true);
      const now = new Date();
      const input = classifyInput(typed);
      if (input.kind === 'unreadable') return settle({ state: 'refused', reason: 'malformed' });

      /** Why the server gave no word, when it failed in another way than being unreachable. */
      const failure: { error: unknown } = { error: null };
      /** The server's word on the card; `null` when it cannot be had (no connection, or it failed). */
      const askServer = async (card: PresentedCard): Promise<CardCheck | null> => {
        try {
          const reply = await tillApi.verify(coopId, presentedText(card));
          return { state: 'accepted', source: 'server', holder: reply.holder, offers: reply.offers, card };
        } catch (err) {
          if (err instanceof ApiError && err.code === 'till.card_refused') {
            const reason = (refusalReason(err) ?? 'malformed') as CardRefusal;
            const replacedAt = replacedAtOf(err);
            return replacedAt ? { state: 'refused', reason, replacedAt } : { state: 'refused', reason };
          }
          noteReachable(err);
          if (!isUnreachable(err)) failure.error = err;
          return null;
        }
      };

      if (input.kind === 'short') {
        // A short code proves nothing by itself: only the server can say whose card it is.
        const answer = online ? await askServer(input) : null;
        if (answer) return settle(answer);
        return settle(
          failure.error ? { state: 'failed', error: failure.error } : { state: 'refused', reason: 'needs_connection' },
        );
      }
      // Always on the device first: a forged, expired or revoked card is refused at once, online or not.
      const device = await checkOnDevice(input.text, cache, now);
      const deviceCannotTell = !device.ok && (device.reason === 'no_keys' || device.reason === 'no_crypto');
      if (!device.ok && !(deviceCannotTell && online)) return settle({ state: 'refused', ...device });
      // Online, the server is the authority: it knows the card's records, the holder's co-op and the limits.
      const answer = online ? await askServer(input) : null;
      if (answer) return settle(answer);
      if (!device.ok)
        return settle(
          failure.error ? { state: 'failed', error: failure.error } : { state: 'refused', ...device },
        );
      const holder = holderFromClaims(device.claims, cache);
      return settle({ state: 'accepted', source: 'device', holder, offers: offersOnDevice(holder, cache, now), card: input });
    },
    [cache, coopId, online, noteReachable],
  );

  const resultText = checking
    ? t('till.read.checking')
    : check?.state === 'refused'
      ? words.refusedCard(check)
      : check?.state === 'failed'
        ? words.errorWords(check.error)
        : check?.state === 'accepted'
          ? t(check.source === 'server' ? 'till.result.accepted' : 'till.result.acceptedOnDevice', {
              name: check.holder.displayName,
            })
          : '';

  return (
    <Stack gap="lg" maw={720} mx="auto">
      <Title order={1} className="break-anywhere">
        {coopName ? t('till.heading', { coop: coopName }) : t('till.title')}
      </Title>
      <TillStatus
        online={online}
        queue={till.queue}
        refreshedAt={cache.refreshedAt}
        syncReport={till.syncReport}
        syncError={till.syncError}
        words={words}
      />
      {!prepared && !online && <Text fw={600}>{t('till.notPrepared')}</Text>}
      <CardReader onCard={(text) => void onCard(text)} busy={checking} ready={ready} />
      <div
        role="status"
        aria-label={t('till.result.label')}
        className="till-result"
        data-state={checking ? 'checking' : (check?.state ?? 'none')}
        style={{
          fontSize: 'var(--mantine-font-size-xl)',
          fontWeight: 700,
          padding: resultText ? '12px 16px' : 0,
          borderRadius: 8,
          color: check && check.state !== 'accepted' && !checking ? 'var(--mantine-color-red-9)' : undefined,
          background:
            checking || !check
              ? undefined
              : check.state === 'refused'
                ? 'var(--mantine-color-red-0)'
                : 'var(--mantine-color-green-0)',
        }}
      >
        {checking && <Loader size="sm" mr="sm" aria-hidden />}
        {resultText}
      </div>
      {check?.state === 'accepted' && (
        <CheckedCard
          key={presentedText(check.card)}
          holder={check.holder}
          offers={check.offers}
          source={check.source}
          words={words}
          sale={{ coopId, online, words, queueSale: till.queueSale, noteReachable, card: check.card }}
          onNextCustomer={() => {
            latest.current++;
            setCheck(null);
            setReady((n) => n + 1);
          }}
        />
      )}
      <QueuedSales queue={till.queue} words={words} />
    </Stack>
  );
}
