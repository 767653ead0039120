/**
 * zones: time per `whoseWaters` call (land, territorial sea or high seas, with the state) over seeded random
 * points: anywhere in the region (mostly open sea, where the nearest-coast search prunes most rings) and among
 * the Lesser Antilles (many coasts within reach, the costly case). The engine calls it for every intercept and
 * every scenario track point the land check reads.
 */
import { whoseWaters } from '../../src/lib/engine/sim/zones';
import type { LonLat } from '../../src/lib/engine/scenario/schema';
import { Rng } from '../fixtures/seeded-random';
import { median, round, runBench } from './lib/common';

/** Seeded points in a lon/lat box. */
function points(seed: number, n: number, [west, south, east, north]: [number, number, number, number]): LonLat[] {
	const rng = new Rng(seed);
	return Array.from({ length: n }, () => [west + rng.float() * (east - west), south + rng.float() * (north - south)]);
}

function microsPerCall(ps: readonly LonLat[], runs: number) {
	const times: number[] = [];
	const kinds: Record<string, number> = {};
	for (let r = 0; r < runs; r++) {
		const t = performance.now();
		for (const p of ps) {
			const w = whoseWaters(p);
			if (r === 0) kinds[w.kind] = (kinds[w.kind] ?? 0) + 1;
		}
		times.push(((performance.now() - t) * 1000) / ps.length);
	}
	return { us: median(times), kinds };
}

await runBench('zones', async (ctx) => {
	const n = ctx.quick ? 200 : 2_000;
	const runs = ctx.quick ? 2 : 5;
	whoseWaters([-61.5, 15.3]); // load the coastlines before timing
	for (const [key, label, box] of [
		['region', 'whoseWaters, random points over the region', [-90, 8, -58, 28]],
		['antilles', 'whoseWaters, random points among the Lesser Antilles', [-63.5, 11.5, -59, 18.5]]
	] as const) {
		const { us, kinds } = microsPerCall(points(7, n, [...box]), runs);
		ctx.details[key] = kinds;
		ctx.log(`${key}: ${us.toFixed(1)} µs per call over ${n} points (${JSON.stringify(kinds)})`);
		ctx.figure({ key: `${key}.us_per_call`, label, value: round(us, 1), unit: 'µs' });
	}
});
