import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = path.dirname(fileURLToPath(import.meta.url));
const web = path.join(root, "src", "web");

/**
 * The browser pages (GraphiQL playground and narrative explorer), bundled at build time
 * into dist/web and served by the API under /ui/: nothing loads from a CDN.
 */
export default defineConfig({
  root: web,
  base: "/ui/",
  publicDir: false,
  logLevel: "warn",
  esbuild: { jsx: "automatic" },
  resolve: { alias: { "@client": path.join(root, "client") } },
  worker: { format: "es" },
  build: {
    outDir: path.join(root, "dist", "web"),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      // React libraries mark modules "use client" (a server-components hint): meaningless in a bundle.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
      input: {
        playground: path.join(web, "playground", "index.html"),
        explore: path.join(web, "explore", "index.html"),
      },
    },
  },
});
