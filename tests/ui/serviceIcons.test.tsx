// @vitest-environment happy-dom
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  ICON_CATEGORY,
  SERVICE_ICON_NAMES,
  ServiceIcon,
  TILE_COLOURS,
  type ServiceIconName,
} from '../../src/ui/icons/serviceIcons';

function render(node: React.ReactNode): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = renderToStaticMarkup(node);
  return host;
}

function svgOf(host: HTMLElement): SVGSVGElement {
  const svg = host.querySelector('svg');
  if (!svg) throw new Error('no <svg> rendered');
  return svg;
}

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe('ServiceIcon', () => {
  it('lists every icon name exactly once', () => {
    expect(new Set(SERVICE_ICON_NAMES).size).toBe(SERVICE_ICON_NAMES.length);
    expect(SERVICE_ICON_NAMES).toHaveLength(18);
  });

  it.each(SERVICE_ICON_NAMES.map((name) => [name]))(
    'renders %s as an svg with a tile and a glyph path',
    (name) => {
      const svg = svgOf(render(<ServiceIcon name={name as ServiceIconName} />));
      expect(svg.getAttribute('viewBox')).toBe('0 0 48 48');
      expect(svg.getAttribute('width')).toBe('32');
      expect(svg.getAttribute('data-icon')).toBe(name);
      expect(svg.querySelector('rect[fill^="url(#"]')).not.toBeNull();
      const paths = [...svg.querySelectorAll('path')];
      expect(paths.length).toBeGreaterThan(0);
      for (const p of paths) expect(p.getAttribute('d') ?? '').toMatch(/^M[\d.]+[ ,]-?[\d.]+/);
      expect(svg.outerHTML).not.toMatch(/NaN|undefined|Infinity/);
    },
  );

  it('honours size and className', () => {
    const svg = svgOf(render(<ServiceIcon name="lambda" size={96} className="node-icon" />));
    expect(svg.getAttribute('width')).toBe('96');
    expect(svg.getAttribute('height')).toBe('96');
    expect(svg.getAttribute('class')).toBe('node-icon');
  });

  it('with a title is an image named by its title', () => {
    const svg = svgOf(render(<ServiceIcon name="sqs" title="Amazon SQS queue" />));
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-hidden')).toBeNull();
    const title = svg.querySelector('title');
    expect(title?.textContent).toBe('Amazon SQS queue');
    expect(svg.firstElementChild).toBe(title);
    expect(svg.getAttribute('aria-labelledby')).toBe(title?.getAttribute('id'));
  });

  it('without a title is decorative and hidden', () => {
    const svg = svgOf(render(<ServiceIcon name="sns" />));
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.getAttribute('focusable')).toBe('false');
    expect(svg.getAttribute('role')).toBeNull();
    expect(svg.querySelector('title')).toBeNull();
  });

  it('gives two instances distinct gradient ids, each referenced only by its own svg', () => {
    const host = render(
      <>
        <ServiceIcon name="dynamodb" title="a" />
        <ServiceIcon name="dynamodb" title="b" />
      </>,
    );
    const svgs = [...host.querySelectorAll('svg')];
    expect(svgs).toHaveLength(2);
    const ids = svgs.map((svg) => svg.querySelector('linearGradient')?.getAttribute('id') ?? '');
    expect(ids[0]).not.toBe('');
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[0]).toMatch(/^[A-Za-z0-9_-]+$/);
    svgs.forEach((svg, i) => {
      const refs = svg.outerHTML.match(/url\(#[^)]+\)/g) ?? [];
      expect(refs.length).toBeGreaterThan(0);
      expect(new Set(refs)).toEqual(new Set([`url(#${ids[i]})`]));
    });
    const titleIds = svgs.map((svg) => svg.querySelector('title')?.getAttribute('id'));
    expect(titleIds[0]).not.toBe(titleIds[1]);
  });

  it('keeps at least 3:1 contrast between the white glyph and every tile colour', () => {
    for (const name of SERVICE_ICON_NAMES) {
      const { from, to } = TILE_COLOURS[ICON_CATEGORY[name]];
      expect(contrastWithWhite(from), `${name} ${from}`).toBeGreaterThanOrEqual(3);
      expect(contrastWithWhite(to), `${name} ${to}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('never uses inline style or raw HTML', () => {
    for (const name of SERVICE_ICON_NAMES) {
      const markup = renderToStaticMarkup(<ServiceIcon name={name} title={name} />);
      expect(markup).not.toMatch(/style=|<foreignObject|<text/i);
    }
  });
});
