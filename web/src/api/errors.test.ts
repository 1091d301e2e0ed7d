import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import es from '../i18n/es.json';
import { ApiError } from './client.ts';
import { fieldErrorsOf, unshownFieldErrors } from './errors.ts';

const refused = (details: unknown[]) =>
  new ApiError(400, 'validation_failed', 'The request does not have the expected shape.', details);

describe("a refused form in the reader's words", () => {
  beforeAll(async () => {
    await i18n.init({
      showSupportNotice: false,
      interpolation: { escapeValue: false },
      lng: 'es',
      resources: { en: { translation: en }, es: { translation: es } },
    });
  });

  it("says each field's reason in Spanish, from the reason and bounds, never the server's English", () => {
    const error = refused([
      {
        path: 'body/title',
        message: 'Too small: expected string to have >=3 characters',
        reason: 'too_small',
        minimum: 3,
        origin: 'string',
        inclusive: true,
      },
      { path: 'body/email', message: 'Invalid email address', reason: 'invalid_format', format: 'email' },
      { path: 'body/seats', message: 'Too big', reason: 'too_big', maximum: 100, origin: 'number', inclusive: true },
      { path: 'body/name', message: 'Invalid input: expected string, received undefined', reason: 'required' },
      { path: 'body/text', message: 'Too small', reason: 'too_small', minimum: 1, origin: 'string' },
      { path: 'body/odd', message: 'Something new', reason: 'a_future_reason' },
    ]);
    const fields = fieldErrorsOf(error);
    expect(fields.title).toBe('Al menos 3 caracteres.');
    expect(fields.email).toBe('Escribe una dirección de correo, como ana@ejemplo.org.');
    expect(fields.seats).toBe('Como máximo 100.');
    expect(fields.name).toBe('Rellena este campo.');
    expect(fields.text).toBe('Rellena este campo.');
    expect(fields.odd).toBe('Este valor no se acepta.');
  });

  it('leaves to the alert only what no field showed, once', () => {
    const error = refused([
      { path: 'body/title', message: 'Too small', reason: 'too_small', minimum: 3, origin: 'string' },
      { path: 'body/title', message: 'has control characters', reason: 'invalid_format', format: 'regex' },
      { path: 'body/subject/coopId', message: 'Invalid UUID', reason: 'invalid_format', format: 'uuid' },
    ]);
    const t = i18n.t;
    expect(unshownFieldErrors(t, error)).toEqual(['Al menos 3 caracteres.', 'Elige uno de la lista.']);
    void fieldErrorsOf(error).title;
    expect(unshownFieldErrors(t, error)).toEqual(['Elige uno de la lista.']);
    void fieldErrorsOf(error)['subject.coopId'];
    expect(unshownFieldErrors(t, error)).toEqual([]);
  });

  it("reads an older server's details, with no reason, as a refused value", () => {
    expect(fieldErrorsOf(refused([{ path: '/title', message: 'Too small' }])).title).toBe('Este valor no se acepta.');
  });
});

describe("a list's field", () => {
  it('answers for what is inside it', async () => {
    await i18n.changeLanguage('en');
    const error = refused([
      { path: 'body/options/1', message: 'Too big', reason: 'too_big', maximum: 200, origin: 'string' },
    ]);
    expect(fieldErrorsOf(error).options).toBe('At most 200 characters.');
    expect(unshownFieldErrors(i18n.t, error)).toEqual([]);
  });
});
