/**
 * The one place a refused permission becomes an HTTP answer: a visitor is told
 * to sign in; someone who may not even see the thing is told it does not exist.
 */
import { AppError, forbidden, notFound, unauthorized } from '../errors.ts';
import type { Actor, MaybeActor } from './actor.ts';

export function authorize(actor: MaybeActor, allowed: boolean, hideAs?: string): asserts actor is Actor {
  if (allowed && actor) return;
  if (hideAs) throw notFound(hideAs);
  if (!actor) throw unauthorized();
  throw forbidden();
}

export function requireActor(actor: MaybeActor): Actor {
  if (!actor) throw unauthorized();
  return actor;
}

export { AppError };
