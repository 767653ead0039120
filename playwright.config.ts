import { defineConfig } from '@playwright/test';

// A port per run (inherited by the workers through the environment), so two runs on one machine do not collide.
const PORT = Number((process.env.E2E_PORT ??= String(3100 + (process.pid % 800))));
export const E2E_CONTROLLER_KEY = 'e2e-controller-key';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	timeout: 90_000,
	expect: { timeout: 15_000 },
	fullyParallel: false,
	workers: 1,
	reporter: [['list']],
	outputDir: 'test-results',
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		viewport: { width: 1400, height: 900 },
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
				'--no-first-run'
			]
		}
	},
	webServer: {
		// A fresh database for every run; the built app is served by the real server entry.
		command: `rm -rf tests/.tmp/e2e-${PORT} && npm run -s serve`,
		url: `http://127.0.0.1:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATABASE_FILE: `tests/.tmp/e2e-${PORT}/crosscurrent.db`,
			SCENARIOS_DIR: 'scenarios:tests/fixtures/scenarios',
			CONTROLLER_KEY: E2E_CONTROLLER_KEY
		}
	}
});
