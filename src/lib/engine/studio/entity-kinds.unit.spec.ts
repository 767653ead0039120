import { describe, expect, it } from 'vitest';
import { entitySchema } from '../scenario/schema';
import { ENTITY_KINDS } from '../scenario/vocabulary';
import { DEFAULT_CATEGORY, fieldsDroppedByKind, KIND_FIELDS, moves, newEntity } from './entity-kinds';

describe('fieldsDroppedByKind', () => {
	const boat = {
		id: 'b',
		name: 'Boat',
		kind: 'boat',
		category: 'displaced',
		team: 'coast-guard',
		people: { total: 30 },
		destination: 'port-a',
		distressAt: 40,
		speedKnots: 6,
		track: [{ at: 0, position: [-61, 12] }]
	};

	it('names the fields of the old kind that the new kind does not take, and keeps the common ones', () => {
		expect(fieldsDroppedByKind(boat, 'vessel')).toEqual(['people', 'destination', 'distressAt']);
		expect(fieldsDroppedByKind(boat, 'storm')).toEqual(['people', 'destination', 'distressAt', 'speedKnots']);
		expect(fieldsDroppedByKind(boat, 'boat')).toEqual([]);
	});

	it("treats a port's fields as a port's and a shelter's", () => {
		const port = { id: 'p', kind: 'port', state: 'Grenada', capacity: 100, staff: 2, open: false, description: 'Quay' };
		expect(fieldsDroppedByKind(port, 'shelter')).toEqual([]);
		expect(fieldsDroppedByKind(port, 'aircraft')).toEqual(['state', 'capacity', 'staff', 'open']);
	});

	it('leaves keys it does not know for the checker, and takes anything as an entity', () => {
		expect(fieldsDroppedByKind({ kind: 'vessel', colour: 'red' }, 'port')).toEqual([]);
		expect(fieldsDroppedByKind(null, 'port')).toEqual([]);
		expect(fieldsDroppedByKind('a boat', 'port')).toEqual([]);
	});

	it('keeps, after the change, only fields the schema takes for the new kind', () => {
		const full = { ...boat, windRadiiNm: { hurricane: 10, tropicalStorm: 40 }, stormCategory: 3, enduranceHours: 10, sensorRangeNm: 20 };
		for (const kind of ENTITY_KINDS) {
			const changed: Record<string, unknown> = { ...full, kind, category: DEFAULT_CATEGORY[kind] };
			for (const key of fieldsDroppedByKind(full, kind)) delete changed[key];
			if (kind === 'port' || kind === 'shelter') Object.assign(changed, { capacity: 10, state: 'Grenada' });
			const parsed = entitySchema.safeParse(changed);
			expect(parsed.success, `${kind}: ${parsed.error?.message}`).toBe(true);
		}
	});
});

describe('KIND_FIELDS and moves', () => {
	it('lists only fields the schema accepts on that kind', () => {
		for (const kind of ENTITY_KINDS) {
			const shape = entitySchema.options.find((o) => o.shape.kind.value === kind)!.shape;
			for (const field of KIND_FIELDS[kind]) expect(Object.keys(shape), `${kind}.${field}`).toContain(field);
		}
	});
	it('says ports and shelters stand still', () => {
		expect(ENTITY_KINDS.filter(moves)).toEqual(['vessel', 'aircraft', 'storm', 'boat']);
	});
});

describe('newEntity', () => {
	it('makes the id from the name, never one already taken, and places it at minute 0', () => {
		const e = newEntity({ name: ' Patrol Vessel ', kind: 'vessel', category: 'law-enforcement', position: [-61.5, 12.1], taken: ['patrol-vessel'] });
		expect(e).toEqual({
			id: 'patrol-vessel-2',
			name: 'Patrol Vessel',
			kind: 'vessel',
			category: 'law-enforcement',
			track: [{ at: 0, position: [-61.5, 12.1] }]
		});
		expect(entitySchema.safeParse(e).success).toBe(true);
	});
	it('falls back to the kind when the name gives no id', () => {
		expect(newEntity({ name: '★', kind: 'storm', category: 'weather', position: [0, 0], taken: [] }).id).toBe('storm');
	});
});
