/**
 * The diagram as a PNG or SVG file, as shown: nodes, edges and tokens in the current theme (html-to-image
 * copies each element's computed style, so the light or dark colours come along), framed on the whole
 * pipeline rather than the part in view, with a caption line (scenario, seed, simulated time) below.
 * Loaded with the "Download" menu, never on the first screen.
 */
import { getViewportForBounds } from '@xyflow/react';
import { toCanvas, toSvg } from 'html-to-image';
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
  const at = getViewportForBounds(bounds, width, height, 0.1, 1, 0);
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

/** The diagram as an SVG document: html-to-image's drawing, with the caption as real SVG text under it. */
export async function diagramSvg(source: DiagramSource, caption: string): Promise<Blob> {
  const frame = frameOf(source);
  const dataUrl = await toSvg(frame.viewport, frame.options);
  const drawing = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const total = frame.height + CAPTION_HEIGHT;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${total}" viewBox="0 0 ${frame.width} ${total}">` +
    `<rect width="100%" height="100%" fill="${escapeXml(frame.background)}"/>` +
    drawing +
    `<text x="${PAD}" y="${frame.height + CAPTION_HEIGHT / 2}" dominant-baseline="middle" fill="${escapeXml(frame.text)}"` +
    ` font-family="${escapeXml(frame.font)}" font-size="${CAPTION_FONT_PX}">${escapeXml(caption)}</text></svg>`;
  return new Blob([svg], { type: 'image/svg+xml' });
}

/** The diagram as a PNG at PNG_PIXEL_RATIO, with the caption drawn under it. */
export async function diagramPng(source: DiagramSource, caption: string): Promise<Blob> {
  const frame = frameOf(source);
  const drawing = await toCanvas(frame.viewport, { ...frame.options, pixelRatio: PNG_PIXEL_RATIO });
  const canvas = document.createElement('canvas');
  canvas.width = frame.width * PNG_PIXEL_RATIO;
  canvas.height = (frame.height + CAPTION_HEIGHT) * PNG_PIXEL_RATIO;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw images.');
  ctx.fillStyle = frame.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(drawing, 0, 0, canvas.width, frame.height * PNG_PIXEL_RATIO);
  ctx.scale(PNG_PIXEL_RATIO, PNG_PIXEL_RATIO);
  ctx.fillStyle = frame.text;
  ctx.font = `${CAPTION_FONT_PX}px ${frame.font}`;
  ctx.textBaseline = 'middle';
  ctx.fillText(caption, PAD, frame.height + CAPTION_HEIGHT / 2, frame.width - 2 * PAD);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))),
      'image/png',
    ),
  );
}
