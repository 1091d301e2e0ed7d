/**
 * Errors with stable codes. Services throw these; one handler in `http.ts`
 * maps them to `{ error: { code, message, details } }` and hides the internals
 * of anything else behind a 500.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details);

export const unauthorized = (message = 'Sign in first.') =>
  new AppError(401, 'auth.required', message);

/** Missing and forbidden look the same to someone who may not see the thing. */
export const notFound = (what = 'resource') =>
  new AppError(404, 'not_found', `No such ${what}.`);

/** For things the actor can see but may not change. */
export const forbidden = (message = 'You may not do this.') =>
  new AppError(403, 'forbidden', message);

export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError(409, code, message, details);

export const unprocessable = (code: string, message: string, details?: unknown) =>
  new AppError(422, code, message, details);
