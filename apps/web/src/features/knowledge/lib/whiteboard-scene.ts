import type { ExcalidrawScene } from '@guildhall/shared';

/** What the whiteboard editor hands back from its canvas: the scene to store and its picture. */
export type ExportedScene = { scene: Record<string, unknown>; previewSvg: string };

/** The canvas's controls, given to the editor route once Excalidraw is ready. */
export type CanvasHandle = {
  /** The scene as JSON (Excalidraw's own serialisation) and an SVG preview (exportToSvg). */
  exportScene: () => Promise<ExportedScene>;
  /** Replaces what is on the canvas (someone else's version, a restored revision). */
  load: (scene: ExcalidrawScene) => void;
  /** The current scene, to set aside before replacing it. */
  snapshot: () => ExcalidrawScene;
  /** What is on the canvas now counts as saved. */
  markSaved: () => void;
};

/**
 * Where Excalidraw finds its fonts: our own origin, never a CDN. The web build copies the
 * package's fonts there (vite.config.ts, excalidrawFonts).
 */
export const EXCALIDRAW_ASSET_PATH = '/excalidraw/';

declare global {
  interface Window {
    /** Read by Excalidraw when it loads a font. */
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}
