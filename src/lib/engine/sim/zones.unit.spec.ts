import { describe, expect, it } from 'vitest';
import { landDepthNm, watersLabel, whoseWaters } from './zones';

describe('whose waters', () => {
	it('knows each state\'s 12-nm territorial sea at real places', () => {
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
