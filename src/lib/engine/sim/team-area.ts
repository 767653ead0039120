/**
 * A team's own area of the map (pure): the waters of the team's state — its land's bounding box widened by the
 * 12-nm territorial sea — joined with where its own assets start and its facilities stand. The team's map opens
 * on it (fitted with padding) instead of the scenario's one view for everybody.
 *
 * STATE_WATERS is derived from the engine's 1:10m coastlines (src/lib/engine/sim/data/coastlines.json, built by
 * `npm run zones`): each state's land box, rounded outwards to 0.01°, plus 12 nm (0.2° of latitude, and of
 * longitude divided by the cosine of the box's highest latitude). It is copied here because the browser never
 * loads the 400 kB coastlines; team-area.unit.spec.ts checks the copy against the data.
 */
import type { Scenario } from '../scenario/schema';

/** [west, south, east, north] in degrees. */
export type Bounds = [west: number, south: number, east: number, north: number];

export const STATE_WATERS: Readonly<Record<string, Bounds>> = {
	Anguilla: [-63.64, 17.96, -62.76, 18.81],
	'Antigua and Barbuda': [-62.11, 16.78, -61.45, 17.93],
	Aruba: [-70.27, 12.21, -69.67, 12.84],
	Bahamas: [-79.82, 20.71, -72.52, 27.13],
	'Bajo Nuevo Bank': [-80.2, 15.59, -79.77, 16.0],
	Barbados: [-59.86, 12.85, -59.22, 13.55],
	Belize: [-89.45, 15.67, -87.57, 18.7],
	Brazil: [-60.95, 4.8, -59.78, 5.47],
	'British Virgin Islands': [-64.99, 18.13, -64.05, 18.95],
	'Cayman Islands': [-81.63, 19.06, -79.51, 19.96],
	Colombia: [-81.93, 4.8, -67.21, 13.78],
	'Costa Rica': [-87.33, 5.31, -82.35, 11.41],
	Cuba: [-85.17, 19.62, -73.91, 23.47],
	Curaçao: [-69.38, 11.84, -68.53, 12.6],
	Dominica: [-61.7, 15.0, -61.04, 15.84],
	'Dominican Republic': [-72.23, 17.34, -68.11, 20.14],
	'El Salvador': [-90.21, 12.95, -87.48, 14.65],
	'France (Guadeloupe and Martinique)': [-62.01, 14.2, -60.6, 16.72],
	Grenada: [-62.0, 11.8, -61.21, 12.73],
	Guatemala: [-90.22, 13.75, -88.01, 18.02],
	Guyana: [-61.6, 4.8, -56.93, 8.76],
	Haiti: [-74.71, 17.82, -71.42, 20.29],
	Honduras: [-89.58, 12.77, -82.92, 17.62],
	Jamaica: [-78.59, 17.5, -75.97, 18.73],
	Mexico: [-90.22, 17.61, -86.48, 22.79],
	Montserrat: [-62.44, 16.47, -61.93, 17.02],
	'Netherlands (Caribbean)': [-68.63, 11.82, -62.73, 17.85],
	Nicaragua: [-87.9, 10.51, -82.51, 15.24],
	Panama: [-83.26, 7.0, -76.96, 9.83],
	'Puerto Rico': [-68.15, 17.72, -65.03, 18.73],
	'Saint Barthélemy': [-63.08, 17.68, -62.57, 18.13],
	'Saint Kitts and Nevis': [-63.08, 16.9, -62.32, 17.62],
	'Saint Lucia': [-61.29, 13.51, -60.67, 14.32],
	'Saint Martin': [-63.36, 17.83, -62.79, 18.33],
	'Saint Vincent and the Grenadines': [-61.67, 12.38, -60.91, 13.59],
	'Serranilla Bank': [-78.85, 15.66, -78.42, 16.07],
	'Sint Maarten': [-63.33, 17.81, -62.8, 18.27],
	Suriname: [-57.9, 4.8, -54.79, 6.22],
	'Trinidad and Tobago': [-62.14, 9.84, -60.31, 11.56],
	'Turks and Caicos Islands': [-72.7, 21.09, -70.91, 22.16],
	'United States': [-83.09, 18.19, -74.77, 28.2],
	'United States Virgin Islands': [-65.26, 17.48, -64.34, 18.59],
	Venezuela: [-73.6, 4.8, -59.6, 15.91]
};

/** The smallest area a map opens on, in degrees (about 150 nm): a team sees its approaches, not only its own coast. */
const MIN_SPAN_DEG = 2.5;

const widen = (b: Bounds, lon: number, lat: number): Bounds => [Math.min(b[0], lon), Math.min(b[1], lat), Math.max(b[2], lon), Math.max(b[3], lat)];

/** The team's area, or null when the scenario has no such team (or neither a known state nor anything of its own). */
export function teamArea(scenario: Pick<Scenario, 'teams' | 'entities'>, teamId: string): Bounds | null {
	const team = scenario.teams.find((t) => t.id === teamId);
	if (!team) return null;
	let area: Bounds | null = STATE_WATERS[team.state] ? [...STATE_WATERS[team.state]!] : null;
	for (const e of scenario.entities) {
		if (e.team !== teamId) continue;
		const [lon, lat] = e.track[0]!.position;
		area = area ? widen(area, lon, lat) : [lon, lat, lon, lat];
	}
	if (!area) return null;
	const [w, s, e, n] = area;
	const padLon = Math.max(0, MIN_SPAN_DEG - (e - w)) / 2;
	const padLat = Math.max(0, MIN_SPAN_DEG - (n - s)) / 2;
	return [w - padLon, s - padLat, e + padLon, n + padLat];
}
