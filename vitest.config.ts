import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { gazetteerPlugin } from './lib/entities/build/vite-plugin';

export default defineConfig({
  plugins: [WxtVitest(), gazetteerPlugin()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/security/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
