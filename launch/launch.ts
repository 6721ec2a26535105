/**
 * EHR launch entry (`launch/launch.html?iss=…&launch=…`): check the issuer against the configuration and
 * send the browser to the authorization server. Nothing else happens on this page.
 */
import '../src/zod-browser.ts';
import FHIR from 'fhirclient';
import { loadConfig } from '../src/config/load-config.ts';
import { startEhrLaunch } from '../src/fhir/smart-launch.ts';
import '../src/ui/error-notice.ts';
import { launchPageText } from '../src/ui/strings.ts';

async function launch(status: HTMLElement): Promise<void> {
  status.textContent = launchPageText.ehrRedirecting;
  try {
    const pageUrl = new URL(window.location.href);
    const config = await loadConfig(new URL('../', pageUrl));
    window.location.assign(await startEhrLaunch(pageUrl, config, FHIR.oauth2));
  } catch (error) {
    const notice = document.createElement('error-notice');
    notice.error = error;
    status.replaceChildren(notice);
  }
}

const status = document.getElementById('launch-status');
if (status) {
  void launch(status);
}
