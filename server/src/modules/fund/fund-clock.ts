/**
 * The fund's clock: every GOVERNANCE_TICK_SECONDS it runs the fund's jobs in
 * turn (fast-track deadlines, arrears alerts, contribution reminders...). One
 * tick at a time; the timer never keeps the process alive and stops when the
 * app closes. Each job is safe to run from several servers at once: it
 * records what it sent in rows with a unique key (or locks), so nothing is
 * sent twice. A job that fails is logged and the others still run; it is
 * tried again at the next tick.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { alertArrears } from './arrears-alerts.ts';
import { sendContributionReminders } from './contribution-reminders.ts';
import { remindFastTrack } from './fast-track.ts';

/** One job of the clock: does what is due now and returns. */
export type FundJob = (deps: AppDeps) => Promise<unknown>;

/** The fund's jobs, run in this order at every tick. */
export const fundJobs: FundJob[] = [
  (deps) => remindFastTrack(deps),
  (deps) => alertArrears(deps),
  (deps) => sendContributionReminders(deps),
];

/** A module above the fund adds its job to the clock (server/src/wiring.ts); the same job again changes nothing. */
export function registerFundJob(job: FundJob): void {
  if (!fundJobs.includes(job)) fundJobs.push(job);
}

/** Runs every job once; true when none failed. Tests call it directly with a controlled clock. */
export async function runFundJobs(deps: AppDeps, log?: FastifyBaseLogger, jobs: FundJob[] = fundJobs): Promise<boolean> {
  let ok = true;
  for (const job of jobs) {
    try {
      await job(deps);
    } catch (err) {
      ok = false;
      log?.error({ err, job: job.name }, 'fund clock: a job failed; retrying at the next tick');
    }
  }
  return ok;
}

/** Starts the clock; the function returned stops it and waits for a tick in progress. `onTick` hears how each tick went. */
export function startFundClock(deps: AppDeps, log: FastifyBaseLogger, onTick?: (ok: boolean) => void): () => Promise<void> {
  let running: Promise<void> | null = null;
  const work = async () => {
    onTick?.(await runFundJobs(deps, log));
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
