import { ExcalidrawScene, MAX_PREVIEW_BYTES, MAX_SCENE_BYTES } from '@guildhall/shared';
import { AppError, badRequest } from '../../errors.ts';
import { bytes, withoutNul } from './naming.ts';
import { sanitizeSvg } from './sanitize-svg.ts';

export const EMPTY_SCENE: ExcalidrawScene = { type: 'excalidraw', version: 2, source: 'guildhall', elements: [], appState: {}, files: {} };

const tooLarge = (field: string, what: string) =>
  new AppError(413, 'whiteboard.too_large', `${what} can be at most 5 MiB; split the drawing into several whiteboards.`, [
    { field, message: 'At most 5 MiB' },
  ]);

/** A scene as stored: checked (400 `whiteboard.invalid_scene`, naming the field), capped, as JSON. */
export function sceneJson(input: unknown): string {
  const parsed = ExcalidrawScene.safeParse(input);
  if (!parsed.success) {
    throw badRequest(
      'whiteboard.invalid_scene',
      'That is not an Excalidraw scene: it needs type "excalidraw", a version and elements that each have an id and a type.',
      parsed.error.issues.slice(0, 20).map((issue) => ({ field: ['scene', ...issue.path].join('.'), message: issue.message })),
    );
  }
  const json = JSON.stringify(parsed.data);
  if (bytes(json) > MAX_SCENE_BYTES) throw tooLarge('scene', 'A whiteboard');
  const ids = new Set<string>();
  parsed.data.elements.forEach((element, i) => {
    if (ids.has(element.id)) {
      throw badRequest('whiteboard.invalid_scene', 'Two elements of the scene share an id.', [
        { field: `scene.elements.${i}.id`, message: 'Duplicate id' },
      ]);
    }
    ids.add(element.id);
  });
  return json;
}

/** The preview as stored: sanitised SVG, or null when none was sent. */
export function previewSvg(input: string | null | undefined): string | null {
  if (input === undefined || input === null || input.trim() === '') return null;
  if (bytes(input) > MAX_PREVIEW_BYTES) throw tooLarge('previewSvg', 'A preview');
  const svg = sanitizeSvg(input);
  if (svg === null) {
    throw badRequest('whiteboard.invalid_preview', 'The preview must be an SVG image.', [{ field: 'previewSvg', message: 'Not SVG' }]);
  }
  return withoutNul(svg);
}
