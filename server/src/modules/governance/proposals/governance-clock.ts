/**
 * The server's governance clock: every GOVERNANCE_TICK_SECONDS it closes the
 * votes that are due and sends the day-before reminders. One tick at a time;
 * the timer never keeps the process alive and stops when the app closes.
 * Closing is safe to run from several servers at once: each vote's close
 * locks its ballot box and re-checks its status.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../../deps.ts';
import { closeDue, sendReminders } from './closing.ts';

/** Starts the clock; the function returned stops it and waits for a tick in progress. `onTick` hears how each tick went. */
export function startGovernanceClock(deps: AppDeps, log: FastifyBaseLogger, onTick?: (ok: boolean) => void): () => Promise<void> {
  let running: Promise<void> | null = null;
  const work = async () => {
    try {
      await closeDue(deps);
      await sendReminders(deps);
      onTick?.(true);
    } catch (err) {
      log.error({ err }, 'governance clock: closing or reminding failed; retrying at the next tick');
      onTick?.(false);
    }
  };
  const timer = setInterval(() => {
    running ??= work().finally(() => (running = null));
  }, deps.config.governanceTickSeconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
