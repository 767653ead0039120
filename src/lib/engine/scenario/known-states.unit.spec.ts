import { describe, expect, it } from 'vitest';
import coastlines from '../sim/data/coastlines.json';
import { closestKnownState, isKnownState, KNOWN_STATES } from './known-states';

describe('known states', () => {
	it('are the state names of the zone data, sorted, each once', () => {
		const names = (coastlines as unknown as { states: { name: string }[] }).states.map((s) => s.name);
		expect(KNOWN_STATES).toEqual([...new Set(names)].sort((a, b) => a.localeCompare(b, 'en')));
		expect(isKnownState('Grenada')).toBe(true);
		expect(isKnownState('grenada')).toBe(false);
	});

	it.each([
		['Turks and Caicos', 'Turks and Caicos Islands'],
		['St Lucia', 'Saint Lucia'],
		['St. Vincent & the Grenadines', 'Saint Vincent and the Grenadines'],
		['Trinidad & Tobago', 'Trinidad and Tobago'],
		['Curacao', 'Curaçao'],
		['The Bahamas', 'Bahamas'],
		['Grenda', 'Grenada'],
		['Barbadoes', 'Barbados'],
		['Martinique', 'France (Guadeloupe and Martinique)'],
		['Bonaire', 'Netherlands (Caribbean)'],
		['USVI', 'United States Virgin Islands'],
		['jamaica', 'Jamaica']
	])('offers %s → %s', (value, known) => {
		expect(closestKnownState(value)).toBe(known);
	});

	it('offers nothing when no name is close, or two are equally likely', () => {
		expect(closestKnownState('Atlantis')).toBeNull();
		expect(closestKnownState('Virgin Islands')).toBeNull();
		expect(closestKnownState('TBD')).toBeNull();
		expect(closestKnownState('  ')).toBeNull();
	});
});
