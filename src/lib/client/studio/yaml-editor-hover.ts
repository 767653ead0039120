/**
 * What the YAML view's hover says about a key, from the scenario schema's part for it, in the reader's language:
 * its description (the schema's own, as the format documents it) and what it takes ("whole number from 0 to 1440",
 * "one of: radio, phone, email"), instead of the JSON Schema type names codemirror-json-schema shows.
 */
import { formatList, formatNumber } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';

export interface SchemaPart {
	type?: string | string[];
	enum?: unknown[];
	const?: unknown;
	description?: string;
	minimum?: number;
	maximum?: number;
	exclusiveMinimum?: number;
	maxLength?: number;
	anyOf?: SchemaPart[];
	oneOf?: SchemaPart[];
}

const TYPE_WORDS: Record<string, () => string> = {
	string: m.studioyaml_hover_text,
	number: m.studioyaml_hover_number,
	integer: m.studioyaml_hover_whole,
	boolean: m.studioyaml_hover_boolean,
	array: m.studioyaml_hover_list,
	object: m.studioyaml_hover_fields,
	null: m.studioyaml_hover_nothing
};

/** "whole number from 0 to 1440", "text of at most 160 characters", "one of: radio, phone". */
export function schemaKind(part: SchemaPart): string {
	if (Array.isArray(part.enum) && part.enum.length > 0) return m.studioyaml_hover_one_of({ values: formatList(part.enum.map(String), 'disjunction') });
	if (part.const !== undefined) return m.studioyaml_hover_one_of({ values: String(part.const) });
	const alternatives = part.anyOf ?? part.oneOf;
	if (Array.isArray(alternatives) && alternatives.length > 0) {
		const kinds = [...new Set(alternatives.map(schemaKind).filter((k) => k !== ''))];
		return formatList(kinds, 'disjunction');
	}
	const types = (Array.isArray(part.type) ? part.type : part.type ? [part.type] : []).map((t) => TYPE_WORDS[t]?.() ?? t);
	if (types.length === 0) return '';
	let kind = formatList(types, 'disjunction');
	const low = part.minimum ?? part.exclusiveMinimum;
	if (low !== undefined && part.maximum !== undefined)
		kind = m.studioyaml_hover_range({
			kind,
			min: formatNumber(low, { maximumFractionDigits: 3 }),
			max: formatNumber(part.maximum, { maximumFractionDigits: 3 })
		});
	else if (part.maxLength !== undefined) kind = m.studioyaml_hover_max_length({ kind, max: formatNumber(part.maxLength) });
	return kind;
}

export function schemaHoverTexts(part: SchemaPart | undefined): { message: string; typeInfo: string } {
	return { message: part?.description ?? '', typeInfo: part ? schemaKind(part) : '' };
}
