// The console's build: `npm run build` writes index.html and hashed assets/ into OUT_DIR
// (CANJE_CONSOLE_OUT_DIR, default ../build/console: beside build/canje, where `canje serve`
// looks first). No inline script or style, so that the server's Content-Security-Policy holds.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  base: '/',
  build: {
    outDir: process.env.CANJE_CONSOLE_OUT_DIR ?? '../build/console',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
