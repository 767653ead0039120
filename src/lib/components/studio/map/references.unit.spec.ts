import { describe, expect, it } from 'vitest';
import { usesOf } from './references';

describe('usesOf', () => {
	const data = {
		injects: [
			{ id: 'i1', reveals: ['go-fast'], title: 'Radar contact' },
			{ id: 'i2', trigger: { area: { entity: 'go-fast', area: 'box', on: 'enter' } } },
			{ id: 'i3', title: 'go-fast seen' }
		],
		entities: [
			{ id: 'boat-1', kind: 'boat', destination: 'port-a' },
			{ id: 'boat-2', kind: 'boat', destination: 'port-a' }
		]
	};
	it('counts the injects that name an id anywhere, once each, and the boats bound for a port', () => {
		expect(usesOf(data, 'go-fast')).toBe(2);
		expect(usesOf(data, 'box')).toBe(1);
		expect(usesOf(data, 'port-a')).toBe(2);
		expect(usesOf(data, 'nothing')).toBe(0);
	});
	it('counts nothing for a missing id or a broken draft', () => {
		expect(usesOf(data, undefined)).toBe(0);
		expect(usesOf(data, '')).toBe(0);
		expect(usesOf({ injects: 'x', entities: 3 }, 'go-fast')).toBe(0);
	});
});
