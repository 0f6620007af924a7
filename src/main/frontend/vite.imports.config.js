// Builds marketing's import page into the application's static resources, served at /imports/.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('./imports', import.meta.url)),
  base: '/imports/',
  build: {
    outDir: fileURLToPath(new URL('../../../target/classes/static/imports', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
  },
});
