/**
 * Entry of `index.html`, the SMART redirect target: defining `<g9012-app>` starts it, and the shell
 * completes the launch (`FHIR.oauth2.ready()`), loads the record and renders it.
 */
import './zod-browser.ts';
import './ui/g9012-app.ts';
