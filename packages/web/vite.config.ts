import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Chunks follow the lazy routes: the resident pages (antd-mobile) and the
// console (antd) share only React and the API client, so a resident's phone
// never downloads the console's component library.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1500,
  },
});
