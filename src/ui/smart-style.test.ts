import { describe, expect, it } from 'vitest';
import { styleProperties } from './smart-style.ts';

describe('smart_style_url mapping', () => {
  it('maps the EHR colours and radius onto the app custom properties', () => {
    expect(
      styleProperties({
        color_background: '#edeae3',
        color_text: 'rgb(20, 20, 20)',
        color_highlight: '#69b40f',
        dim_border_radius: '6px',
        font_family_body: 'Georgia',
      }),
    ).toEqual({
      '--g9012-background': '#edeae3',
      '--g9012-text': 'rgb(20, 20, 20)',
      '--g9012-accent': '#69b40f',
      '--g9012-radius': '6px',
    });
  });

  it('drops values that are not plain colours or lengths, so a style file cannot inject CSS', () => {
    expect(
      styleProperties({
        color_background: 'red; background-image: url(https://evil.example/x)',
        color_highlight: 'expression(alert(1))',
        dim_border_radius: '6px}body{display:none',
      }),
    ).toEqual({});
    expect(styleProperties('nonsense')).toEqual({});
  });
});
