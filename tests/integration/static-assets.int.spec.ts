/**
 * The built app's static files as the real server sends them: hashed assets cached for a year as immutable,
 * JavaScript and the basemap GeoJSON compressed (brotli or gzip, whichever the request accepts). Needs `npm run build`.
 */
import { request } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, type RunningServer } from './harness';

const tmp = tempDir();
let server: RunningServer;

beforeAll(async () => {
	server = await startServer({ dbFile: path.join(tmp.dir, 'static.db') });
});
afterAll(async () => {
	await server?.stop();
	tmp.cleanup();
});

/** One GET with the given Accept-Encoding; the body is left compressed, as sent. */
function get(pathname: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
	return new Promise((resolve, reject) => {
		const req = request(`${server.url}${pathname}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', reject);
		req.end();
	});
}

describe.skipIf(!existsSync('build/handler.js'))('static assets of the built app', () => {
	it('a hashed script under /_app/immutable/ is cached for a year as immutable and sent compressed', async () => {
		const page = await get('/');
		expect(page.status).toBe(200);
		const script = /\/_app\/immutable\/[\w/.-]+\.js/.exec(page.body.toString('utf8'))?.[0];
		expect(script, 'the join page names a hashed script').toBeTruthy();

		const br = await get(script!, 'gzip, deflate, br');
		expect(br.status).toBe(200);
		expect(br.headers['cache-control']).toMatch(/max-age=31536000/);
		expect(br.headers['cache-control']).toMatch(/immutable/);
		expect(br.headers['content-encoding']).toBe('br');

		const gzip = await get(script!, 'gzip');
		expect(gzip.headers['content-encoding']).toBe('gzip');
		const plain = await get(script!);
		expect(plain.headers['content-encoding']).toBeUndefined();
	});

	it.each(['caribbean-countries.geojson', 'territorial-sea-drawn.geojson', 'places.geojson', 'caribbean-countries-10m.geojson'])(
		'the basemap file %s is sent compressed when the request accepts it',
		async (file) => {
			const br = await get(`/basemap/${file}`, 'gzip, br');
			expect(br.status).toBe(200);
			expect(br.headers['content-encoding']).toBe('br');
			const gzip = await get(`/basemap/${file}`, 'gzip');
			expect(gzip.headers['content-encoding']).toBe('gzip');
			const plain = await get(`/basemap/${file}`);
			expect(plain.headers['content-encoding']).toBeUndefined();
			expect(br.body.length).toBeLessThan(plain.body.length / 3);
		}
	);
});
