import type { ValidationError } from 'class-validator';
import { RequestValidationError, type FieldViolation } from './problem.js';

/** Nested DTO errors (`location.lat`, `items.3.id`) flattened to one violation per failed constraint. */
export function fieldViolations(errors: readonly ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      // class-validator names an unknown property's constraint after the option that rejects it.
      constraint: constraint === 'whitelistValidation' ? 'unknownProperty' : constraint,
      // Prefixed like the field, so "lat must not be greater than 90" says which lat.
      message: parent ? `${parent}.${message}` : message,
    }));
    return [...own, ...fieldViolations(error.children ?? [], field)];
  });
}

/** For ValidationPipe's `exceptionFactory`: the global problem filter answers it as 400 with `errors`. */
export function requestValidationError(errors: ValidationError[]): RequestValidationError {
  return new RequestValidationError(fieldViolations(errors));
}
