import { AppError } from '../fhir/errors.ts';

/** The configuration is invalid; `field` is the dotted path of the bad value, e.g. `paging.pageSize`. */
export class ConfigError extends AppError {
  readonly kind = 'config';
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`Invalid configuration at ${field}: ${problem}`);
    this.name = 'ConfigError';
  }
}
