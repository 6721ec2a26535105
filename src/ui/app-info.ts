/** The app's name and version, recorded in every draft's Provenance (one place for both). */
import packageJson from '../../package.json' with { type: 'json' };
import type { AppInfo } from '../domain/draft/types.ts';

export const APP_INFO: AppInfo = { name: 'G9012 case-management app', version: packageJson.version };
