/** The app's pre-registered client id. */
export const APP_CLIENT_ID = 'g9012-app';

/** A registered public client. */
export interface RegisteredClient {
  clientId: string;
  redirectUris: readonly string[];
}

/**
 * The app as a public client: its redirect URI is the app's index page, `${appOrigin}/`, registered in both
 * its 127.0.0.1 and localhost forms.
 */
export function appClient(appOrigin: string): RegisteredClient {
  const origin = new URL(appOrigin).origin;
  const forms = new Set([
    origin,
    origin.replace('//127.0.0.1', '//localhost'),
    origin.replace('//localhost', '//127.0.0.1'),
  ]);
  return { clientId: APP_CLIENT_ID, redirectUris: [...forms].map((o) => `${o}/`) };
}

/** The app's EHR launch URL for a launch id. */
export function appLaunchUrl(appOrigin: string, fhirBase: string, launchId: string): string {
  const url = new URL('/launch/launch.html', appOrigin);
  url.searchParams.set('iss', fhirBase);
  url.searchParams.set('launch', launchId);
  return url.toString();
}

/** The app's standalone launch URL. */
export function appStandaloneUrl(appOrigin: string): string {
  return new URL('/launch/standalone.html', appOrigin).toString();
}
