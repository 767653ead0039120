/**
 * The states and territories the zone data knows (pure, small: the browser may import it). A team's, a port's or a
 * shelter's `state` must be one of these names, spelt as the data spells them, or "whose waters" answers
 * (`waters: own` triggers, the shelters of a port's state) never match it. The list is the state names of
 * `sim/data/coastlines.json` (written by `npm run zones`), kept here as plain text so that the studio's pick list
 * does not pull in 400 kB of coastline; a unit test holds the two equal.
 */

export const KNOWN_STATES: readonly string[] = [
	'Anguilla',
	'Antigua and Barbuda',
	'Aruba',
	'Bahamas',
	'Bajo Nuevo Bank',
	'Barbados',
	'Belize',
	'Brazil',
	'British Virgin Islands',
	'Cayman Islands',
	'Colombia',
	'Costa Rica',
	'Cuba',
	'Curaçao',
	'Dominica',
	'Dominican Republic',
	'El Salvador',
	'France (Guadeloupe and Martinique)',
	'Grenada',
	'Guatemala',
	'Guyana',
	'Haiti',
	'Honduras',
	'Jamaica',
	'Mexico',
	'Montserrat',
	'Netherlands (Caribbean)',
	'Nicaragua',
	'Panama',
	'Puerto Rico',
	'Saint Barthélemy',
	'Saint Kitts and Nevis',
	'Saint Lucia',
	'Saint Martin',
	'Saint Vincent and the Grenadines',
	'Serranilla Bank',
	'Sint Maarten',
	'Suriname',
	'Trinidad and Tobago',
	'Turks and Caicos Islands',
	'United States',
	'United States Virgin Islands',
	'Venezuela'
];

const KNOWN = new Set(KNOWN_STATES);

export const isKnownState = (name: string): boolean => KNOWN.has(name);

/** Other names people write for a state the data names differently (islands of a state, short forms). */
const ALIASES: Record<string, string> = {
	guadeloupe: 'France (Guadeloupe and Martinique)',
	martinique: 'France (Guadeloupe and Martinique)',
	france: 'France (Guadeloupe and Martinique)',
	bonaire: 'Netherlands (Caribbean)',
	'sint eustatius': 'Netherlands (Caribbean)',
	statia: 'Netherlands (Caribbean)',
	saba: 'Netherlands (Caribbean)',
	'caribbean netherlands': 'Netherlands (Caribbean)',
	netherlands: 'Netherlands (Caribbean)',
	tobago: 'Trinidad and Tobago',
	trinidad: 'Trinidad and Tobago',
	barbuda: 'Antigua and Barbuda',
	antigua: 'Antigua and Barbuda',
	nevis: 'Saint Kitts and Nevis',
	'saint kitts': 'Saint Kitts and Nevis',
	'saint vincent': 'Saint Vincent and the Grenadines',
	grenadines: 'Saint Vincent and the Grenadines',
	carriacou: 'Grenada',
	'saint barts': 'Saint Barthélemy',
	'saint barths': 'Saint Barthélemy',
	usa: 'United States',
	us: 'United States',
	'united states of america': 'United States',
	usvi: 'United States Virgin Islands',
	'us virgin islands': 'United States Virgin Islands',
	'u s virgin islands': 'United States Virgin Islands',
	bvi: 'British Virgin Islands',
	tci: 'Turks and Caicos Islands',
	'dominican rep': 'Dominican Republic',
	hispaniola: 'Dominican Republic'
};

/** Lower case, no accents, no punctuation, "st"/"st." → "saint", "&" → "and", single spaces. */
function normalised(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, ' ')
		.replace(/\b(st|ste)\b/g, 'saint')
		.replace(/\bthe\b/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Edits (insert, delete, replace) from `a` to `b`. */
function editDistance(a: string, b: string): number {
	let row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const next = [i];
		for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		row = next;
	}
	return row[b.length]!;
}

const NORMALISED = KNOWN_STATES.map((name) => ({ name, key: normalised(name) }));

/**
 * The known state a misspelt or shortened name most likely means ("Turks and Caicos" → "Turks and Caicos
 * Islands", "St Lucia" → "Saint Lucia", "Martinique" → "France (Guadeloupe and Martinique)"), or null when
 * nothing is close enough to offer.
 */
export function closestKnownState(value: string): string | null {
	const key = normalised(value);
	if (!key) return null;
	const same = NORMALISED.find((s) => s.key === key);
	if (same) return same.name;
	if (ALIASES[key]) return ALIASES[key];
	// A name that holds the value as whole words, or that the value holds.
	const words = (s: string) => ` ${s} `;
	const containing = NORMALISED.filter((s) => words(s.key).includes(words(key)) || words(key).includes(words(s.key)));
	// Only one such name: "Virgin Islands" could be two, and a guess between them would mislead.
	if (containing.length > 0) return containing.length === 1 ? containing[0]!.name : null;
	let best: { name: string; distance: number } | null = null;
	for (const s of NORMALISED) {
		const distance = editDistance(key, s.key);
		if (!best || distance < best.distance) best = { name: s.name, distance };
	}
	// A misspelling: at most a third of the letters wrong (and never more than four).
	return best && best.distance <= Math.min(4, Math.floor(key.length / 3)) ? best.name : null;
}
