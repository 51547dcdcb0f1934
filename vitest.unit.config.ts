import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// Unit and property tests beside the code (src/**/__tests__): no Neo4j, no server, seconds.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["src/**/__tests__/**/*.test.ts"],
    globalSetup: [],
  },
});
