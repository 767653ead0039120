/**
 * Place names as people write them in Spanish, French, Dutch and Haitian Creole, where they differ from the English
 * form the basemap and the engine use ("Trinidad and Tobago" → "Trinité-et-Tobago", "Trinidad ak Tobago"). Only the
 * names that differ are listed; any other name reads as it is in every language.
 *
 * Pure data, no Paraglide: `scripts/build-basemap.ts` writes these into `static/basemap/places.geojson` (properties
 * `name_es`, `name_fr`, `name_nl`, `name_ht`, which the map's style reads for the reader's language), and the
 * browser uses them for the states the engine names ("in Grenada waters" → "dans les eaux de Grenade").
 */
export type PlaceLocale = 'es' | 'fr' | 'nl' | 'ht';

export const PLACE_NAMES: Readonly<Record<string, Partial<Record<PlaceLocale, string>>>> = {
	// States and territories (as the basemap and the engine's whose-waters data name them)
	'Antigua and Barbuda': { es: 'Antigua y Barbuda', fr: 'Antigua-et-Barbuda', nl: 'Antigua en Barbuda', ht: 'Antigwa ak Babouda' },
	Barbados: { fr: 'Barbade', ht: 'Barbad' },
	Dominica: { fr: 'Dominique', ht: 'Dominik' },
	Grenada: { es: 'Granada', fr: 'Grenade', ht: 'Grenad' },
	'Saint Lucia': { es: 'Santa Lucía', fr: 'Sainte-Lucie', ht: 'Sent Lisi' },
	'Saint Vincent and the Grenadines': {
		es: 'San Vicente y las Granadinas',
		fr: 'Saint-Vincent-et-les-Grenadines',
		nl: 'Saint Vincent en de Grenadines',
		ht: 'Sen Vensan ak Grenadin'
	},
	'Saint Kitts and Nevis': { es: 'San Cristóbal y Nieves', fr: 'Saint-Christophe-et-Niévès', nl: 'Saint Kitts en Nevis', ht: 'Sen Kits ak Nevis' },
	'Trinidad and Tobago': { es: 'Trinidad y Tobago', fr: 'Trinité-et-Tobago', nl: 'Trinidad en Tobago', ht: 'Trinidad ak Tobago' },
	'Guadeloupe (France)': { es: 'Guadalupe (Francia)', nl: 'Guadeloupe (Frankrijk)', ht: 'Gwadloup (Lafrans)' },
	'Martinique (France)': { es: 'Martinica (Francia)', nl: 'Martinique (Frankrijk)', ht: 'Matinik (Lafrans)' },
	'France (Guadeloupe and Martinique)': {
		es: 'Francia (Guadalupe y Martinica)',
		fr: 'France (Guadeloupe et Martinique)',
		nl: 'Frankrijk (Guadeloupe en Martinique)',
		ht: 'Lafrans (Gwadloup ak Matinik)'
	},
	'Montserrat (UK)': { es: 'Montserrat (Reino Unido)', fr: 'Montserrat (R.-U.)', nl: 'Montserrat (VK)', ht: 'Montserat (Wayòm Ini)' },
	'Anguilla (UK)': { es: 'Anguila (Reino Unido)', fr: 'Anguilla (R.-U.)', nl: 'Anguilla (VK)', ht: 'Angila (Wayòm Ini)' },
	Anguilla: { es: 'Anguila', ht: 'Angila' },
	'Saint Martin / Sint Maarten': { es: 'San Martín / Sint Maarten', ht: 'Sen Maten / Sint Maarten' },
	'Saint Martin': { es: 'San Martín', ht: 'Sen Maten' },
	'Saint-Barthélemy (France)': { es: 'San Bartolomé (Francia)', nl: 'Saint-Barthélemy (Frankrijk)', ht: 'Sen Batelmi (Lafrans)' },
	'Saint Barthélemy': { es: 'San Bartolomé', fr: 'Saint-Barthélemy', ht: 'Sen Batelmi' },
	'British Virgin Islands': { es: 'Islas Vírgenes Británicas', fr: 'Îles Vierges britanniques', nl: 'Britse Maagdeneilanden', ht: 'Zile Vyèj Britanik' },
	'U.S. Virgin Islands': { es: 'Islas Vírgenes de EE. UU.', fr: 'Îles Vierges des États-Unis', nl: 'Amerikaanse Maagdeneilanden', ht: 'Zile Vyèj Ameriken' },
	'United States Virgin Islands': {
		es: 'Islas Vírgenes de EE. UU.',
		fr: 'Îles Vierges des États-Unis',
		nl: 'Amerikaanse Maagdeneilanden',
		ht: 'Zile Vyèj Ameriken'
	},
	'Puerto Rico (US)': { es: 'Puerto Rico (EE. UU.)', fr: 'Porto Rico (É.-U.)', nl: 'Puerto Rico (VS)', ht: 'Pòtoriko (Etazini)' },
	'Puerto Rico': { fr: 'Porto Rico', ht: 'Pòtoriko' },
	'Dominican Republic': { es: 'República Dominicana', fr: 'République dominicaine', nl: 'Dominicaanse Republiek', ht: 'Repiblik Dominikèn' },
	Haiti: { es: 'Haití', fr: 'Haïti', nl: 'Haïti', ht: 'Ayiti' },
	Jamaica: { fr: 'Jamaïque', ht: 'Jamayik' },
	Cuba: { ht: 'Kiba' },
	'The Bahamas': { es: 'Bahamas', fr: 'Bahamas', nl: "Bahama's", ht: 'Bahamas' },
	Bahamas: { nl: "Bahama's" },
	'Turks and Caicos Islands': { es: 'Islas Turcas y Caicos', fr: 'Îles Turques-et-Caïques', nl: 'Turks- en Caicoseilanden', ht: 'Zile Turks ak Caicos' },
	'Cayman Islands': { es: 'Islas Caimán', fr: 'Îles Caïmans', nl: 'Kaaimaneilanden', ht: 'Zile Kayiman' },
	Curaçao: { es: 'Curazao', ht: 'Kiraso' },
	'Netherlands (Caribbean)': { es: 'Países Bajos (Caribe)', fr: 'Pays-Bas (Caraïbes)', nl: 'Nederland (Caribisch)', ht: 'Peyiba (Karayib)' },
	Venezuela: { ht: 'Venezyela' },
	Colombia: { fr: 'Colombie', ht: 'Kolonbi' },
	Panama: { es: 'Panamá' },
	'Costa Rica': { ht: 'Kostarika' },
	Nicaragua: { ht: 'Nikaragwa' },
	Honduras: { ht: 'Ondiras' },
	Belize: { es: 'Belice', ht: 'Beliz' },
	Guatemala: { ht: 'Gwatemala' },
	Mexico: { es: 'México', fr: 'Mexique', ht: 'Meksik' },
	'United States': { es: 'Estados Unidos', fr: 'États-Unis', nl: 'Verenigde Staten', ht: 'Etazini' },
	Guyana: { ht: 'Giyana' },
	// Capitals
	'Port of Spain': { es: 'Puerto España', fr: 'Port-d’Espagne', ht: 'Pòdespay' },
	'Santo Domingo': { fr: 'Saint-Domingue', ht: 'Sendomeng' },
	'Port-au-Prince': { ht: 'Pòtoprens' },
	'Fort-de-France': { ht: 'Fòdfrans' },
	Havana: { es: 'La Habana', fr: 'La Havane', ht: 'Lavàn' },
	'Panama City': { es: 'Ciudad de Panamá', fr: 'Panama', nl: 'Panama-Stad', ht: 'Vil Panama' },
	// Islands and towns
	Barbuda: { ht: 'Babouda' },
	Nevis: { es: 'Nieves', fr: 'Niévès' },
	'Isla de Margarita': { fr: 'Île de Margarita', ht: 'Zile Magarita' },
	'Isla de la Juventud': { fr: 'Île de la Jeunesse', ht: 'Zile Lajenès' },
	'St Croix': { es: 'Santa Cruz', fr: 'Sainte-Croix', ht: 'Sent Kwa' },
	'Pointe-à-Pitre': { ht: 'Pwentapit' }
};

/** A place's name in `locale` ("Grenade" for "Grenada" in French), or the name as given when it reads the same. */
export function placeName(name: string, locale: string): string {
	return PLACE_NAMES[name]?.[locale as PlaceLocale] ?? name;
}
