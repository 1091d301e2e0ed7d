/**
 * Work that must not change how long an answer takes: a request whose answer
 * must not reveal whether an e-mail has an account (password reset, sign-up)
 * answers first and does the account's work right after, here. Failures are
 * logged, never shown. Tests await `settled()` before reading what it wrote.
 */
const pending = new Set<Promise<void>>();

export function afterResponse(work: () => Promise<unknown>, onError: (err: unknown) => void): void {
  const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(work)
    .then(
      () => undefined,
      (err: unknown) => onError(err),
    )
    .finally(() => pending.delete(p));
  pending.add(p);
}

/** Resolves when all work started so far (and any it started) is done. */
export async function settled(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
