import { describe, expect, it } from 'vitest';
import { landDepthNm, watersLabel, whoseWaters } from './zones';

describe('whose waters', () => {
	it("knows each state's 12-nm territorial sea at real places", () => {
		expect(whoseWaters([-61.75, 11.92])).toMatchObject({ kind: 'territorial-sea', state: 'Grenada' });
		expect(whoseWaters([-61.56, 10.62])).toMatchObject({ kind: 'territorial-sea', state: 'Trinidad and Tobago' });
		expect(whoseWaters([-61.2, 13.05])).toMatchObject({ kind: 'territorial-sea', state: 'Saint Vincent and the Grenadines' });
		expect(whoseWaters([-61.5, 15.3])).toMatchObject({ kind: 'territorial-sea', state: 'Dominica' });
	});

	it('is outside every territorial sea mid-channel and well offshore', () => {
		expect(whoseWaters([-61.7, 11.5])).toEqual({ kind: 'high-seas' });
		expect(whoseWaters([-59.0, 13.15])).toEqual({ kind: 'high-seas' });
	});

	it('gives overlapping belts to the nearer coast (equidistance)', () => {
		// The Columbus Channel between Trinidad and Venezuela is narrower than 24 nm.
		const north = whoseWaters([-61.6, 10.0]);
		const south = whoseWaters([-61.6, 9.9]);
		expect(north).toMatchObject({ kind: 'territorial-sea', state: 'Trinidad and Tobago' });
		expect(south).toMatchObject({ kind: 'territorial-sea', state: 'Venezuela' });
	});

	it('knows land from sea, and how deep inland a point is', () => {
		expect(whoseWaters([-59.55, 13.15])).toEqual({ kind: 'land', state: 'Barbados' });
		expect(landDepthNm([-61.35, 15.4])).toMatchObject({ state: 'Dominica' });
		expect(landDepthNm([-61.35, 15.4])!.depthNm).toBeGreaterThan(1);
		expect(landDepthNm([-61.7, 11.5])).toBeNull();
		expect(watersLabel(whoseWaters([-61.75, 11.92]))).toBe('Grenada territorial sea');
		expect(watersLabel({ kind: 'high-seas' })).toBe('outside any territorial sea (12 nm)');
	});
});

describe('small islands are land, with their own territorial sea (1:10m coastline)', () => {
	// At 1:50m these islands were missing and their waters counted as high seas.
	it('knows the Turks Islands and South Caicos', () => {
		expect(whoseWaters([-71.14, 21.47])).toEqual({ kind: 'land', state: 'Turks and Caicos Islands' }); // Grand Turk, Cockburn Town
		expect(whoseWaters([-71.2, 21.33])).toEqual({ kind: 'land', state: 'Turks and Caicos Islands' }); // Salt Cay
		expect(whoseWaters([-71.52, 21.51])).toEqual({ kind: 'land', state: 'Turks and Caicos Islands' }); // South Caicos, Cockburn Harbour
		expect(whoseWaters([-71.18, 21.47])).toMatchObject({ kind: 'territorial-sea', state: 'Turks and Caicos Islands' }); // off Grand Turk's west coast
		expect(whoseWaters([-71.3, 21.2])).toMatchObject({ kind: 'territorial-sea', state: 'Turks and Caicos Islands' }); // south of Salt Cay
		expect(whoseWaters([-71.45, 21.6])).toMatchObject({ kind: 'territorial-sea', state: 'Turks and Caicos Islands' }); // off South Caicos
	});

	it('knows other small inhabited islands of the region', () => {
		expect(whoseWaters([-81.7, 12.55])).toEqual({ kind: 'land', state: 'Colombia' }); // San Andrés
		expect(whoseWaters([-81.75, 12.45])).toMatchObject({ kind: 'territorial-sea', state: 'Colombia' });
	});

	it('still finds the high seas between the Turks and Caicos and Hispaniola', () => {
		expect(whoseWaters([-71.0, 20.6])).toEqual({ kind: 'high-seas' });
		expect(landDepthNm([-71.18, 21.47])).toBeNull();
	});
});
