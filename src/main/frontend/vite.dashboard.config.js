// Builds the sales managers' dashboard into the application's static resources, served at /dashboard/.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('./dashboard', import.meta.url)),
  base: '/dashboard/',
  build: {
    outDir: fileURLToPath(new URL('../../../target/classes/static/dashboard', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
  },
});
