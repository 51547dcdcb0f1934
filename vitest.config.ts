import { createRequire } from "node:module";
import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  // SWC, not esbuild: type-graphql needs emitDecoratorMetadata.
  plugins: [swc.vite({ module: { type: "es6" } })],
  resolve: {
    // Node loads graphql's CommonJS entry for Apollo and type-graphql; point the code under
    // test at the same file, or errors and schema types come from two different copies.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["tests/**/*.test.ts", "src/**/__tests__/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup.ts"],
    // One Neo4j serves the whole run; files run one after another so counts stay meaningful.
    fileParallelism: false,
    // Memory tests call gc() before reading the heap.
    poolOptions: { forks: { execArgv: ["--expose-gc"] } },
    testTimeout: 30_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});
