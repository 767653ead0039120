import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './i18n.config.js';

/** In `vite dev`, attach the same realtime server the production entry uses. */
function crosscurrentDevServer(): Plugin {
	return {
		name: 'crosscurrent-dev-server',
		apply: 'serve',
		async configureServer(server) {
			if (!server.httpServer || process.env.VITEST) return;
			// Loaded through Vite's SSR module graph, so the config itself stays free of server code.
			const { attachCrosscurrent, configFromEnv } = (await server.ssrLoadModule('/server/app.ts')) as typeof import('./server/app');
			const log = (m: string) => server.config.logger.info(`[crosscurrent] ${m}`);
			const app = await attachCrosscurrent(server.httpServer as import('node:http').Server, configFromEnv(process.env, log));
			log(`controller key file: ${app.controllerKeyFile ?? '(CONTROLLER_KEY is set)'}`);
			server.middlewares.use((req, res, next) => {
				if (!app.handleHttp(req, res)) next();
			});
			server.httpServer.once('close', () => void app.close());
		}
	};
}

export default defineConfig({
	plugins: [paraglideVitePlugin(paraglideOptions), sveltekit(), crosscurrentDevServer()],
	server: { port: 3000 },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.unit.spec.ts', 'tests/unit/**/*.unit.spec.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.int.spec.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			}
		]
	}
});
