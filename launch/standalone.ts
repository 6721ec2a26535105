/**
 * Standalone launch page: the user picks one of the configured servers; the app then authorizes with
 * `launch/patient` (or, for an open server, reads without a token for the typed patient id).
 */
import '../src/zod-browser.ts';
import FHIR from 'fhirclient';
import { loadConfig } from '../src/config/load-config.ts';
import { startStandaloneLaunch } from '../src/fhir/smart-launch.ts';
import '../src/ui/error-notice.ts';
import type { LaunchRequest } from '../src/ui/standalone-launch.ts';
import '../src/ui/standalone-launch.ts';
import { launchPageText } from '../src/ui/strings.ts';

function showError(container: HTMLElement, error: unknown): void {
  const notice = document.createElement('error-notice');
  notice.error = error;
  container.querySelector('error-notice')?.remove();
  container.append(notice);
}

async function start(container: HTMLElement): Promise<void> {
  const pageUrl = new URL(window.location.href);
  const heading = document.createElement('h1');
  heading.textContent = launchPageText.standaloneTitle;
  const intro = document.createElement('p');
  intro.textContent = launchPageText.standaloneIntro;
  container.replaceChildren(heading, intro);
  let config: Awaited<ReturnType<typeof loadConfig>>;
  try {
    config = await loadConfig(new URL('../', pageUrl));
  } catch (error) {
    showError(container, error);
    return;
  }
  const form = document.createElement('standalone-launch');
  form.sandboxes = config.sandboxes;
  form.addEventListener('launch-request', (event) => {
    const { sandbox, patientId } = (event as CustomEvent<LaunchRequest>).detail;
    form.busy = true;
    startStandaloneLaunch(pageUrl, config, sandbox, FHIR.oauth2, patientId).then(
      (url) => window.location.assign(url),
      (error: unknown) => {
        form.busy = false;
        showError(container, error);
      },
    );
  });
  container.append(form);
}

const container = document.getElementById('standalone');
if (container) {
  void start(container);
}
