/**
 * The diagram as a PNG or SVG file, as shown: nodes, edges and tokens in the current theme (html-to-image
 * copies each element's computed style, so the light or dark colours come along), framed on the whole
 * pipeline rather than the part in view, with a caption line (scenario, seed, simulated time) below.
 * Loaded with the "Download" menu, never on the first screen.
 */
import { toSvg } from 'html-to-image';
import type { DiagramSource } from './diagramSources';

/** Space around the pipeline, in diagram pixels. */
const PAD = 24;
/** The caption band under the pipeline. */
const CAPTION_HEIGHT = 28;
const CAPTION_FONT_PX = 13;
/** PNGs at twice the diagram's size, sharp on high-density screens and projectors. */
export const PNG_PIXEL_RATIO = 2;

interface Frame {
  viewport: HTMLElement;
  width: number;
  height: number;
  background: string;
  text: string;
  font: string;
  options: Parameters<typeof toSvg>[1];
}

/** The first opaque background from the flow's root upwards (React Flow's own is often transparent). */
function backgroundOf(el: HTMLElement): string {
  for (let at: HTMLElement | null = el; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return getComputedStyle(document.body).backgroundColor || '#ffffff';
}

/** How to draw the whole pipeline: the viewport element moved and sized so every node fits at zoom 1. */
function frameOf(source: DiagramSource): Frame {
  const root = source.element();
  const viewport = root?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!root || !viewport) throw new Error('The diagram is not on the page.');
  const bounds = source.nodesBounds();
  const width = Math.ceil(bounds.width + 2 * PAD);
  const height = Math.ceil(bounds.height + 2 * PAD);
  const at = source.viewportForBounds(bounds, width, height);
  const background = backgroundOf(root);
  const style = getComputedStyle(root);
  return {
    viewport,
    width,
    height,
    background,
    text: style.color,
    font: style.fontFamily || 'system-ui, sans-serif',
    options: {
      backgroundColor: background,
      width,
      height,
      // The page uses system fonts only: nothing to embed, and no stylesheets to fetch and parse.
      skipFonts: true,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${at.x}px, ${at.y}px) scale(${at.zoom})`,
      },
    },
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The SVG properties that draw a shape; html-to-image leaves them to class rules the picture does not carry. */
const SVG_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'visibility',
  'font-family',
  'font-size',
  'font-weight',
];

/**
 * html-to-image copies every HTML element's computed style, but clones an `<svg>`'s content as it is,
 * so shapes styled by class (the edges' strokes) come out invisible. Copies the live shapes' drawing
 * properties onto their copies: the copies have the same structure, `<svg>` by `<svg>`.
 */
function inlineSvgStyles(live: HTMLElement, drawing: Document): void {
  const liveSvgs = live.querySelectorAll('svg');
  const copySvgs = drawing.querySelectorAll('foreignObject svg');
  if (liveSvgs.length !== copySvgs.length) return; // not the structure expected: leave it as drawn
  liveSvgs.forEach((liveSvg, i) => {
    const liveShapes = liveSvg.querySelectorAll('*');
    const copyShapes = copySvgs[i]!.querySelectorAll('*');
    if (liveShapes.length !== copyShapes.length) return;
    liveShapes.forEach((shape, j) => {
      const computed = getComputedStyle(shape);
      const declarations = SVG_PROPERTIES.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(
        ';',
      );
      const copy = copyShapes[j]!;
      copy.setAttribute('style', `${declarations};${copy.getAttribute('style') ?? ''}`);
    });
  });
}

/** The diagram as SVG text with its caption, and its size in diagram pixels. */
async function diagramSvgText(
  source: DiagramSource,
  caption: string,
): Promise<{ svg: string; width: number; height: number }> {
  const frame = frameOf(source);
  const dataUrl = await toSvg(frame.viewport, frame.options);
  const drawing = new DOMParser().parseFromString(
    decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1)),
    'image/svg+xml',
  );
  inlineSvgStyles(frame.viewport, drawing);
  const height = frame.height + CAPTION_HEIGHT;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${height}" viewBox="0 0 ${frame.width} ${height}">` +
    `<rect width="100%" height="100%" fill="${escapeXml(frame.background)}"/>` +
    new XMLSerializer().serializeToString(drawing.documentElement) +
    `<text x="${PAD}" y="${frame.height + CAPTION_HEIGHT / 2}" dominant-baseline="middle" fill="${escapeXml(frame.text)}"` +
    ` font-family="${escapeXml(frame.font)}" font-size="${CAPTION_FONT_PX}">${escapeXml(caption)}</text></svg>`;
  return { svg, width: frame.width, height };
}

/** The diagram as an SVG document: html-to-image's drawing, with the caption as real SVG text under it. */
export async function diagramSvg(source: DiagramSource, caption: string): Promise<Blob> {
  const { svg } = await diagramSvgText(source, caption);
  return new Blob([svg], { type: 'image/svg+xml' });
}

/** The diagram as a PNG: the SVG above drawn on a canvas at PNG_PIXEL_RATIO. */
export async function diagramPng(source: DiagramSource, caption: string): Promise<Blob> {
  const { svg, width, height } = await diagramSvgText(source, caption);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * PNG_PIXEL_RATIO;
  canvas.height = height * PNG_PIXEL_RATIO;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw images.');
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))),
      'image/png',
    ),
  );
}
