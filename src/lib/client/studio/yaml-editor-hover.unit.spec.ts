import { describe, expect, it } from 'vitest';
import scenarioSchema from '../../../../scenarios/scenario.schema.json';
import { schemaHoverTexts, schemaKind, type SchemaPart } from './yaml-editor-hover';

describe('schemaKind', () => {
	it('names what a key takes in words, not JSON Schema type names', () => {
		expect(schemaKind({ type: 'string', maxLength: 160 })).toBe('text of at most 160 characters');
		expect(schemaKind({ type: 'integer', minimum: 0, maximum: 1440 })).toBe('whole number from 0 to 1,440');
		expect(schemaKind({ type: 'boolean' })).toBe('true or false');
		expect(schemaKind({ type: ['string', 'null'] })).toBe('text or nothing');
		expect(schemaKind({ anyOf: [{ type: 'array' }, { type: 'object' }, { type: 'array' }] })).toBe('list or fields');
		expect(schemaKind({})).toBe('');
	});

	it('lists the allowed values', () => {
		expect(schemaKind({ type: 'string', enum: ['radio', 'phone', 'email'] })).toBe('one of: radio, phone, or email');
		expect(schemaKind({ const: 'enter' })).toBe('one of: enter');
	});

	it("reads the scenario schema's own parts, with their descriptions", () => {
		const properties = (scenarioSchema as { properties: Record<string, SchemaPart> }).properties;
		expect(schemaHoverTexts(properties.language)).toEqual({
			message: 'the language the scenario is written in',
			typeInfo: 'one of: en, es, fr, nl, or ht'
		});
		expect(schemaHoverTexts(undefined)).toEqual({ message: '', typeInfo: '' });
	});
});
