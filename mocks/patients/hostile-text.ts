/**
 * hostile-text: meets-all with hostile strings wherever a person's or a condition's text is shown: script
 * tags, an `<img onerror>`, `javascript:` URLs, and a 100 kB string. The app must show them as text, never
 * as markup, and never crash.
 */
import type { Scenario } from './scenario.ts';
import { meetsAllParts, toBundle } from './scenario-kit.ts';

/** The hostile strings, exported so tests can look for them. */
export const HOSTILE = {
  script: '<script>alert("xss")</script>',
  img: '<img src=x onerror="alert(1)">',
  js: 'javascript:alert(document.cookie)',
  huge: 'A'.repeat(100_000),
} as const;

const id = 'hostile-text';
const parts = meetsAllParts(id, { given: HOSTILE.script, family: HOSTILE.img });
parts.patient.name = [{ family: HOSTILE.img, given: [HOSTILE.script, HOSTILE.huge] }];
parts.patient.telecom = [{ system: 'url', value: HOSTILE.js }];
for (const c of parts.conditions) {
  c.code = { ...c.code, text: `${HOSTILE.script}${HOSTILE.huge}` };
}
for (const plan of parts.carePlans) {
  plan.title = `${HOSTILE.img} ${HOSTILE.js}`;
  plan.description = HOSTILE.huge;
}
for (const g of parts.goals) {
  g.description = { text: HOSTILE.script };
}
for (const c of parts.communications) {
  c.payload = [
    { contentString: HOSTILE.img },
    { contentAttachment: { url: HOSTILE.js, title: HOSTILE.script } },
  ];
}
for (const c of parts.coverages) {
  c.payor = c.payor.map((p) => ({ ...p, display: HOSTILE.script }));
}

/** The hostile-text scenario. */
export const hostileText: Scenario = {
  id,
  title: 'Hostile text',
  description:
    'Script tags, <img onerror>, javascript: URLs and a 100 kB string in names, conditions and notes.',
  bundle: toBundle(id, parts),
};
