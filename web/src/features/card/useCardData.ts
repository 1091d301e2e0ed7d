/**
 * What the card page shows: the card and savings from the server when it can
 * be reached, else the copies saved on this device. Offline is decided by the
 * browser (navigator.onLine) or by a request that could not reach the server.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ApiError, isUnreachable } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { useOnline } from '../../api/useOnline.ts';
import { forgetSaved, loadSaved, saveCard, saveSavings, type SavedCard } from './cardStore.ts';
import type { MyCard, MySavings } from './types.ts';

export type CardView =
  | { state: 'loading' }
  /** nobody signed in (or never on this device, offline): a sign-in link */
  | { state: 'signedOut'; offline: boolean }
  /** signed in, but the server issues them no card (e.g. a coordinator who is neither worker nor supporter) */
  | { state: 'noCard' }
  | { state: 'error'; error: unknown }
  | {
      state: 'card';
      card: MyCard;
      /** true: shown from this device's copy because the server cannot be reached */
      offline: boolean;
      savings: MySavings | null;
      savingsAt: string | null;
      savingsError: unknown;
      savingsPending: boolean;
    };

export function useCardData(): CardView {
  const online = useOnline();
  const session = useSession();
  const person = session.data?.person ?? null;
  const signedOut = !!session.data && !person;
  const [saved, setSaved] = useState<SavedCard | null>(loadSaved);

  const cardQuery = useQuery({
    queryKey: ['me', 'card'],
    queryFn: ({ signal }) => api<MyCard>('/me/card', { signal }),
    enabled: !!person,
  });
  const savingsQuery = useQuery({
    queryKey: ['me', 'savings'],
    queryFn: ({ signal }) => api<MySavings>('/me/savings', { signal }),
    enabled: !!person,
  });

  // Each fresh answer becomes this device's copy for the next time there is no connection.
  useEffect(() => {
    if (person && cardQuery.data) {
      saveCard(person.id, cardQuery.data);
      setSaved(loadSaved());
    }
  }, [person, cardQuery.data]);
  useEffect(() => {
    if (person && savingsQuery.data) {
      saveSavings(person.id, savingsQuery.data);
      setSaved(loadSaved());
    }
  }, [person, savingsQuery.data]);
  // The server says nobody is signed in here: someone signed out, so their card goes too.
  useEffect(() => {
    if (signedOut) {
      forgetSaved();
      setSaved(null);
    }
  }, [signedOut]);

  if (signedOut) return { state: 'signedOut', offline: false };

  const offline = !online || isUnreachable(session.error) || isUnreachable(cardQuery.error);
  // Another person's copy is never shown; before the session is known (or offline) the copy is the best guess.
  const own = saved && (!person || saved.personId === person.id) ? saved : null;
  const card = cardQuery.data ?? own?.card ?? null;

  if (!card) {
    if (offline) return { state: 'signedOut', offline };
    if (session.error) return { state: 'error', error: session.error };
    if (session.isPending || cardQuery.isPending) return { state: 'loading' };
    if (cardQuery.error instanceof ApiError && cardQuery.error.code === 'not_found') return { state: 'noCard' };
    return { state: 'error', error: cardQuery.error };
  }

  const savingsLive = savingsQuery.data ?? null;
  return {
    state: 'card',
    card,
    offline,
    savings: savingsLive ?? own?.savings ?? null,
    savingsAt: savingsLive ? null : (own?.savingsAt ?? null),
    // An unreachable server is said once, by the offline note; other failures are shown in the savings.
    savingsError: savingsLive || isUnreachable(savingsQuery.error) || offline ? null : savingsQuery.error,
    savingsPending: !!person && savingsQuery.isPending && !own?.savings,
  };
}
