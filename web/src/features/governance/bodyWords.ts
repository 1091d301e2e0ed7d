/**
 * A body's name and description as people read them: the bodies a network
 * starts with in the reader's language (while they keep their first name),
 * any other body in the words people wrote.
 */
import type { Body } from './types.ts';
import type { TFunction } from 'i18next';

type Named = Pick<Body, 'name' | 'description'> & { builtIn?: Body['builtIn'] };

export function bodyName(t: TFunction, body: Named): string {
  return body.builtIn?.name ? t(`builtInBodies.${body.builtIn.name}.name`) : body.name;
}

export function bodyDescription(t: TFunction, body: Named): string {
  return body.builtIn?.description ? t(`builtInBodies.${body.builtIn.description}.description`) : body.description;
}
