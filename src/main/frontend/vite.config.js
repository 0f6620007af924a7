// Builds the inbox into the application's static resources, served at /inbox/.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  base: '/inbox/',
  build: {
    outDir: fileURLToPath(new URL('../../../target/classes/static/inbox', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
  },
});
