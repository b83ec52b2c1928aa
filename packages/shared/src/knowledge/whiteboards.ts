import { z } from 'zod';
import { Id, line, Problem, Timestamp } from '../common/index.ts';
import { PersonSummary } from '../people/index.ts';
import { PageCommunity, PageRef } from './pages.ts';

/** A scene is at most 5 MiB as JSON (413 `whiteboard.too_large`, field `scene`). */
export const MAX_SCENE_BYTES = 5 * 1024 * 1024;
/** The SVG preview is at most 5 MiB (413 `whiteboard.too_large`, field `previewSvg`). */
export const MAX_PREVIEW_BYTES = 5 * 1024 * 1024;

/** Images a scene may carry in `files` (Excalidraw's BinaryFiles), as base64 data URLs. */
const SCENE_IMAGE = /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]*$/;

export const ExcalidrawElement = z.looseObject({ id: z.string().min(1).max(200), type: z.string().min(1).max(100) });

/**
 * What the server checks of an Excalidraw scene (an invalid one: 400 `whiteboard.invalid_scene`,
 * naming the field). Everything else inside elements and appState is Excalidraw's business and
 * is stored as given; it never reaches a page's HTML, only the editor.
 */
export const ExcalidrawScene = z.looseObject({
  type: z.literal('excalidraw'),
  version: z.number().int().min(1),
  source: z.string().max(500).optional(),
  elements: z.array(ExcalidrawElement).max(100_000),
  appState: z.record(z.string(), z.unknown()).optional(),
  files: z
    .record(
      z.string(),
      z.looseObject({
        id: z.string().min(1).max(200),
        mimeType: z.string().max(100),
        dataURL: z.string().regex(SCENE_IMAGE, { message: 'Only base64 PNG, JPEG, GIF, WebP or SVG images' }),
      }),
    )
    .optional(),
});
export type ExcalidrawScene = z.infer<typeof ExcalidrawScene>;

/** As the request carries it; checked against ExcalidrawScene by the server. */
export const SceneInput = z
  .record(z.string(), z.unknown())
  .describe('An Excalidraw scene: {type: "excalidraw", version, elements: [{id, type, …}], appState?, files?}');

/**
 * The preview Excalidraw's exportToSvg produced, as SVG markup. The server keeps only a strict
 * SVG allowlist (no script, foreignObject, event handlers, links or external references; images
 * only as embedded PNG, JPEG, GIF or WebP; style only as embedded fonts) and serves it as
 * image/svg+xml under a CSP that forbids scripts.
 */
export const PreviewSvgInput = z.string().describe('SVG markup, at most 5 MiB');

export const WhiteboardSummary = z.object({
  id: Id,
  title: z.string(),
  version: z.number().int(),
  /** GET it as an image; null when no preview was saved. */
  previewUrl: z.string().nullable(),
  createdBy: PersonSummary.nullable(),
  updatedBy: PersonSummary.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type WhiteboardSummary = z.infer<typeof WhiteboardSummary>;

export const Whiteboard = WhiteboardSummary.extend({
  community: PageCommunity,
  scene: ExcalidrawScene,
  /** Pages that embed it with `![[whiteboard:<id>]]`, as far as the viewer may see them. */
  embeddedIn: z.array(PageRef),
  /** Embed it in a page with this Markdown. */
  embedMarkdown: z.string(),
  canEdit: z.boolean(),
  canDelete: z.boolean(),
});
export type Whiteboard = z.infer<typeof Whiteboard>;

export const CreateWhiteboardInput = z.strictObject({
  title: line(200),
  /** Default: an empty scene. */
  scene: SceneInput.optional(),
  previewSvg: PreviewSvgInput.optional(),
  summary: z.string().trim().max(300).optional(),
});
export type CreateWhiteboardInput = z.infer<typeof CreateWhiteboardInput>;

/** Every save is a revision; a stale `version` is refused with 409 `whiteboard.version_conflict`. */
export const SaveWhiteboardInput = z.strictObject({
  version: z.number().int(),
  title: line(200).optional(),
  scene: SceneInput,
  /** null removes the preview; left out, the previous one is dropped too (it no longer matches the scene). */
  previewSvg: PreviewSvgInput.nullable().optional(),
  summary: z.string().trim().max(300).optional(),
});
export type SaveWhiteboardInput = z.infer<typeof SaveWhiteboardInput>;

export const WhiteboardRevisionSummary = z.object({
  version: z.number().int(),
  title: z.string(),
  summary: z.string().nullable(),
  author: PersonSummary.nullable(),
  createdAt: Timestamp,
  /** GET this revision's preview (`?version=`), or null when it had none. */
  previewUrl: z.string().nullable(),
});
export type WhiteboardRevisionSummary = z.infer<typeof WhiteboardRevisionSummary>;

export const WhiteboardRevision = WhiteboardRevisionSummary.extend({ scene: ExcalidrawScene });
export type WhiteboardRevision = z.infer<typeof WhiteboardRevision>;

export const WhiteboardListQuery = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type WhiteboardListQuery = z.infer<typeof WhiteboardListQuery>;

export const WhiteboardPreviewQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

/** 409 `whiteboard.version_conflict`: `current` says who saved in between; fetch the whiteboard to merge. */
export const WhiteboardConflictProblem = Problem.extend({
  current: z.object({ version: z.number().int(), updatedAt: Timestamp, updatedBy: PersonSummary.nullable() }).optional(),
});
