/**
 * How `coopnet serve` stops. On SIGTERM or SIGINT it logs `stopping`, stops
 * taking connections, finishes the requests in flight (their answers say
 * `Connection: close`, so keep-alive clients do not hold the stop open; a new
 * request on an open connection gets 503), closes the database, logs `stopped`
 * as its last line and exits 0.
 *
 * A signal sent to the whole process group can reach the server twice: under
 * `npm start`, npm passes on to the server the signal that the group got too.
 * So a signal repeated within SAME_STOP_MS of the first is the same stop and
 * changes nothing. A later one — a person pressing Ctrl-C again — stops at
 * once, cutting the requests still in flight, with exit status 1.
 */
import type { FastifyInstance } from 'fastify';

export const SAME_STOP_MS = 1000;

/** Call before the app listens: it adds the hook that closes connections while stopping. */
export function stopGracefully(app: FastifyInstance): void {
  let stopping = false;
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (stopping) void reply.header('connection', 'close');
    done(null, payload);
  });

  let began = 0;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      const afterMs = Date.now() - began;
      if (afterMs < SAME_STOP_MS) {
        app.log.info({ signal, afterMs }, 'stopping already: the same stop');
        return;
      }
      app.log.warn({ signal, afterMs }, 'stopping at once: requests in flight are cut');
      process.exit(1);
    }
    stopping = true;
    began = Date.now();
    app.log.info({ signal }, 'stopping: finishing the requests in flight, then closing the database');
    app.close().then(
      () => {
        app.log.info({ signal, ms: Date.now() - began }, 'stopped');
        process.exit(0);
      },
      (e: unknown) => {
        app.log.error({ signal, err: e }, 'could not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
