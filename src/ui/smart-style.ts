/**
 * SMART App Launch `smart_style_url`: the EHR's style hints, mapped onto the app's CSS custom properties.
 * Only values that look like a colour or a length are taken, so a style file cannot inject CSS.
 * Source: HL7 SMART App Launch 2.x, "Styling" (smart_style_url and its color_* / dim_* / font_* keys).
 */
const COLOUR = /^(#[0-9a-fA-F]{3,8}|rgba?\(\s*[\d.]+%?\s*,\s*[\d.]+%?\s*,\s*[\d.]+%?\s*(,\s*[\d.]+\s*)?\))$/;
const LENGTH = /^\d+(\.\d+)?(px|em|rem)$/;

const MAPPING: ReadonlyArray<[key: string, property: string, pattern: RegExp]> = [
  ['color_background', '--g9012-background', COLOUR],
  ['color_text', '--g9012-text', COLOUR],
  ['color_highlight', '--g9012-accent', COLOUR],
  ['dim_border_radius', '--g9012-radius', LENGTH],
];

/** The custom properties to set from a parsed style document; unknown or unsafe values are left out. */
export function styleProperties(style: unknown): Record<string, string> {
  if (typeof style !== 'object' || style === null) {
    return {};
  }
  const values = style as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [key, property, pattern] of MAPPING) {
    const value = values[key];
    if (typeof value === 'string' && pattern.test(value.trim())) {
      out[property] = value.trim();
    }
  }
  return out;
}
