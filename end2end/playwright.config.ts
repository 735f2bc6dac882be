// Playwright journeys run in Debian's Chromium (no browser download) against the release build in ../dist.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8081);
// The same build on a second origin, with CORS headers, for host pages that import the JS API from another origin
// (api.spec.ts). Set here so that the test workers (tests/fixtures.ts) see the same port.
const appPort = Number(process.env.E2E_APP_PORT ?? port + 1);
process.env.E2E_APP_PORT = String(appPort);

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  webServer: [
    {
      command: `node serve.mjs ../dist ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: `node serve.mjs ../dist ${appPort} --cors`,
      url: `http://127.0.0.1:${appPort}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
