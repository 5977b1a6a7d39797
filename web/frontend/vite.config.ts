/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The production build lands in the jar's static resources; the gateway serves it with long cache lifetimes for
// the hashed files under assets/ and no-cache for index.html.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "../target/classes/static",
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // `npm run dev` beside a running gateway (port 8080): the app hot-reloads, the APIs answer through the gateway.
    proxy: {
      "/api": "http://localhost:8080",
      "/.well-known": "http://localhost:8080",
      "/ws": { target: "ws://localhost:8080", ws: true },
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    restoreMocks: true,
    // A form test types a few dozen characters through user-event: 2-3 s on a quiet 2-core machine, more than the
    // default 5 s when other builds share it (seen at load 12). The waits inside the tests stay short.
    testTimeout: 15_000,
  },
});
