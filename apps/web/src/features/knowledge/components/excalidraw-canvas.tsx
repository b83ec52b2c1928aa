// This module is the only one that imports Excalidraw; it is loaded lazily by the whiteboard
// editor route, so neither the first download nor the page view ever carries it.
import '@excalidraw/excalidraw/index.css';
import { Excalidraw, exportToSvg, hashElementsVersion, restore, serializeAsJSON } from '@excalidraw/excalidraw';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import type { ExcalidrawScene } from '@guildhall/shared';
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import type { CanvasHandle } from '../lib/whiteboard-scene';

type Restorable = Parameters<typeof restore>[0];

type Props = {
  scene: ExcalidrawScene;
  name: string;
  readOnly?: boolean;
  onReady: (handle: CanvasHandle) => void;
  /** Whether the drawing differs from the last saved one. */
  onDirty: (dirty: boolean) => void;
};

const restored = (scene: ExcalidrawScene) => restore(scene as unknown as Restorable, null, null);

/**
 * Excalidraw 0.18 renders its main-menu button with an icon and no name; screen readers would
 * announce just "button". Named here whenever Excalidraw (re)renders it.
 */
function useNamedMenuButton(box: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const root = box.current;
    if (!root) return;
    const name = () => {
      for (const button of root.querySelectorAll<HTMLButtonElement>('button.main-menu-trigger:not([aria-label])')) {
        button.setAttribute('aria-label', 'Canvas menu');
      }
    };
    name();
    const observer = new MutationObserver(name);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [box]);
}

/** Excalidraw in its own box, talking to the editor through a small handle. */
export function ExcalidrawCanvas({ scene, name, readOnly, onReady, onDirty }: Props) {
  const api = useRef<ExcalidrawImperativeAPI | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useNamedMenuButton(box);
  const saved = useRef<number | null>(null);
  const dirty = useRef(false);
  // Only the first scene seeds the canvas; later ones arrive through handle.load.
  const initialData = useMemo(() => ({ ...restored(scene), scrollToContent: true }), [scene]);

  const report = (version: number) => {
    saved.current ??= version;
    const now = version !== saved.current;
    if (now !== dirty.current) {
      dirty.current = now;
      onDirty(now);
    }
  };

  const handle: CanvasHandle = {
    exportScene: async () => {
      const a = api.current;
      if (!a) throw new Error('The canvas is not ready yet.');
      const elements = a.getSceneElements();
      const appState = a.getAppState();
      const files = a.getFiles();
      const svg = await exportToSvg({ elements, appState: { ...appState, exportBackground: true }, files, exportPadding: 16 });
      return {
        scene: JSON.parse(serializeAsJSON(elements, appState, files, 'local')) as Record<string, unknown>,
        previewSvg: new XMLSerializer().serializeToString(svg),
      };
    },
    load: (next) => {
      const a = api.current;
      if (!a) return;
      const data = restored(next);
      a.addFiles(Object.values(data.files));
      a.updateScene({ elements: data.elements, appState: { viewBackgroundColor: data.appState.viewBackgroundColor } });
      a.history.clear();
      a.scrollToContent();
    },
    snapshot: () => {
      const a = api.current;
      if (!a) return scene;
      return JSON.parse(serializeAsJSON(a.getSceneElements(), a.getAppState(), a.getFiles(), 'local')) as ExcalidrawScene;
    },
    markSaved: () => {
      const a = api.current;
      saved.current = a ? hashElementsVersion(a.getSceneElements()) : null;
      dirty.current = false;
      onDirty(false);
    },
  };

  return (
    <div ref={box} style={{ height: '100%' }}>
      <Excalidraw
        initialData={initialData}
        name={name}
        langCode="en"
        viewModeEnabled={readOnly}
        aiEnabled={false}
        UIOptions={{ canvasActions: { loadScene: false, saveToActiveFile: false, export: false } }}
        excalidrawAPI={(a) => {
          api.current = a;
          onReady(handle);
        }}
        onChange={(elements) => report(hashElementsVersion(elements))}
      />
    </div>
  );
}
