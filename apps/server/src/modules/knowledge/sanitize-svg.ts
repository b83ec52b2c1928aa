import sanitizeHtml from 'sanitize-html';

/**
 * The whiteboard preview the browser exported (Excalidraw's exportToSvg), reduced to drawing:
 * shapes, paths, text, gradients, clip paths and markers. Nothing that runs or fetches survives:
 * no script, no foreignObject (HTML inside SVG), no event handler, no animation (which can
 * rewrite an href), no link, no external reference — `href` only to `#fragment`s of the same
 * document (use) or to embedded raster images (image), `url()` only to `#fragment`s, and
 * `<style>` only as @font-face rules with embedded fonts. What is left is served as
 * image/svg+xml under `default-src 'none'`, so even a gap here could not run code.
 */

const TAGS = [
  ...['svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'style'],
  ...['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'image'],
  ...['clipPath', 'mask', 'marker', 'pattern', 'linearGradient', 'radialGradient', 'stop'],
];

const ATTRIBUTES = [
  ...['id', 'class', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'dx', 'dy', 'width', 'height'],
  ...['viewBox', 'preserveAspectRatio', 'version', 'd', 'points', 'transform', 'opacity', 'style'],
  ...['fill', 'fill-opacity', 'fill-rule', 'clip-rule', 'clip-path', 'mask', 'filter'],
  ...['stroke', 'stroke-width', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'stroke-dasharray', 'stroke-dashoffset'],
  ...['stroke-miterlimit', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline'],
  ...['alignment-baseline', 'direction', 'letter-spacing', 'word-spacing', 'text-decoration', 'xml:space'],
  ...['offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'spreadMethod', 'fx', 'fy'],
  ...['clipPathUnits', 'maskUnits', 'maskContentUnits', 'patternUnits', 'patternContentUnits', 'patternTransform'],
  ...['markerWidth', 'markerHeight', 'markerUnits', 'refX', 'refY', 'orient', 'href', 'xlink:href'],
];

const TEXT_PARENTS = new Set(['text', 'tspan', 'title', 'desc']);
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';
const RASTER_DATA_URL = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/;
const FRAGMENT = /^#[A-Za-z0-9_.:-]{1,200}$/;
// Values may point at gradients and clip paths of the same document, nothing else.
const UNSAFE_VALUE = /url\s*\(\s*['"]?\s*(?!#)|javascript:|expression\s*\(|@import|\\/i;

/** Excalidraw's embedded fonts: @font-face rules whose src is a base64 font, nothing else. */
const FONT_DECLARATIONS: Record<string, RegExp> = {
  'font-family': /^(?:"[A-Za-z0-9 _-]{1,64}"|'[A-Za-z0-9 _-]{1,64}'|[A-Za-z0-9 _-]{1,64})$/,
  src: /^url\(\s*["']?data:(?:font\/(?:woff2|woff|ttf|otf)|application\/(?:font-woff2?|x-font-ttf));base64,[A-Za-z0-9+/=]+["']?\s*\)(?:\s*format\(\s*["']?[a-z0-9-]{1,20}["']?\s*\))?$/,
  'font-display': /^[a-z-]{1,20}$/,
  'font-style': /^[a-z-]{1,20}$/,
  'font-weight': /^[a-z0-9 -]{1,20}$/,
  'unicode-range': /^[Uu+0-9A-Fa-f?, -]{1,2000}$/,
};

export function isSafeFontCss(css: string): boolean {
  if (/[<&\\]/.test(css)) return false;
  const blocks = css.split('}');
  if (blocks.pop()?.trim() !== '') return false;
  return blocks.every((block) => {
    const open = block.indexOf('{');
    if (open < 0 || block.slice(0, open).trim() !== '@font-face') return false;
    return declarations(block.slice(open + 1)).every((declaration) => {
      const colon = declaration.indexOf(':');
      const pattern = colon > 0 ? FONT_DECLARATIONS[declaration.slice(0, colon).trim().toLowerCase()] : undefined;
      return pattern?.test(declaration.slice(colon + 1).trim()) === true;
    });
  });
}

/** Splits declarations at the semicolons between them, not those inside url(data:…;base64,…). */
function declarations(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ';' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts.map((d) => d.trim()).filter(Boolean);
}

/** An attribute's value is dropped unless harmless; hrefs are checked per element. */
function keepAttribute(tag: string, name: string, value: string): boolean {
  if (name.toLowerCase().startsWith('on')) return false;
  if (name === 'href' || name === 'xlink:href') {
    if (tag === 'use') return FRAGMENT.test(value.trim());
    if (tag === 'image') return RASTER_DATA_URL.test(value.trim());
    return false;
  }
  return !UNSAFE_VALUE.test(value);
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: TAGS,
  allowedAttributes: { '*': ATTRIBUTES, svg: [...ATTRIBUTES, 'xmlns', 'xmlns:xlink'] },
  // Text inside these is dropped with them (not kept as loose text).
  nonTextTags: ['script', 'foreignObject', 'style', 'textarea', 'noscript', 'iframe', 'object'],
  // <style> is allowed only to carry embedded fonts; exclusiveFilter removes any other.
  allowVulnerableTags: true,
  allowedSchemes: ['data'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'xlink:href'],
  allowProtocolRelative: false,
  allowedStyles: {
    '*': {
      'white-space': [/^(pre|pre-wrap|normal|nowrap)$/],
      'font-family': [/^[A-Za-z0-9 ,"'_-]{1,200}$/],
      'font-size': [/^\d{1,4}(\.\d{1,4})?(px|em|pt|%)?$/],
      'font-weight': [/^[a-z0-9]{1,10}$/],
      'font-style': [/^[a-z]{1,10}$/],
      fill: [/^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,20}|rgba?\([\d\s.,%]{1,40}\))$/],
      stroke: [/^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,20}|rgba?\([\d\s.,%]{1,40}\))$/],
      opacity: [/^[\d.]{1,6}$/],
    },
  },
  parser: { xmlMode: true, decodeEntities: true },
  disallowedTagsMode: 'discard',
  // Drawings are shallow; anything nested deeper is dropped rather than walked.
  nestingLimit: 100,
  transformTags: {
    '*': (tagName, attribs) => ({
      tagName,
      attribs: Object.fromEntries(Object.entries(attribs).filter(([name, value]) => keepAttribute(tagName, name, value))),
    }),
    svg: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...Object.fromEntries(
          Object.entries(attribs).filter(([name, value]) => keepAttribute(tagName, name, value) && !name.startsWith('xmlns')),
        ),
        // An image/svg+xml document needs its namespace; no other namespace is let in.
        xmlns: SVG_NAMESPACE,
        'xmlns:xlink': XLINK_NAMESPACE,
      },
    }),
  },
  exclusiveFilter: (frame) => frame.tag === 'style' && !isSafeFontCss(frame.text),
  // Text is drawn only inside text elements (and read in title and desc); anywhere else it is noise.
  textFilter: (text, tag) => (TEXT_PARENTS.has(tag) ? text : ''),
};

/**
 * The sanitised SVG document, or null when nothing drawable is left (not SVG at all). Whatever
 * came before the root element (XML declaration, doctype, comments) and after it is dropped.
 */
export function sanitizeSvg(input: string): string | null {
  const cleaned = sanitizeHtml(input, OPTIONS);
  const start = cleaned.indexOf('<svg');
  const end = cleaned.lastIndexOf('</svg>');
  if (start < 0 || end < start) return null;
  return cleaned.slice(start, end + '</svg>'.length);
}
