import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { initialBundleBudget } from './build/initial-bundle.ts';

/**
 * Excalidraw fetches its fonts at run time from window.EXCALIDRAW_ASSET_PATH, and from a public
 * CDN when that is unset or fails. Guildhall loads nothing from other origins, so the package's
 * fonts are served by us at /excalidraw/fonts/… (the path set by the whiteboard editor): copied
 * into the build output, and served from node_modules by the dev server.
 */
function excalidrawFonts(): Plugin {
  const require = createRequire(import.meta.url);
  // dist/prod/index.js: the production build, whose fonts folder sits beside it.
  const fonts = join(dirname(require.resolve('@excalidraw/excalidraw')), 'fonts');
  const route = '/excalidraw/fonts/';
  let outDir = 'dist';
  return {
    name: 'guildhall-excalidraw-fonts',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        if (!path.startsWith(route)) return next();
        const file = normalize(join(fonts, path.slice(route.length)));
        if (!file.startsWith(fonts + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('content-type', 'font/woff2');
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      cpSync(fonts, join(outDir, 'excalidraw', 'fonts'), { recursive: true });
    },
  };
}

export default defineConfig({
  plugins: [react(), excalidrawFonts(), initialBundleBudget()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    // The API and the app then share one origin, as in production, so the session cookie
    // and the server's same-origin CSRF check behave exactly as they will when deployed.
    proxy: { '/api': { target: 'http://127.0.0.1:3000' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
