import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

// Two pages: the explorer (index.html, every non-API path) and GraphiQL (graphiql.html, GET /graphql).
// Assets are hashed under /assets/; nothing is fetched from another origin at run time.
export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { main: page("index.html"), graphiql: page("graphiql.html") },
      onLog(level, log, handler) {
        if (log.code === "MODULE_LEVEL_DIRECTIVE") return; // react-compiler-runtime's "use no memo"
        handler(level, log);
      },
    },
  },
  server: { proxy: { "/graphql": "http://127.0.0.1:8000" } },
});
