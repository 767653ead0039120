/**
 * The exercise map's MapLibre style, built in code: no `glyphs`, no `sprite`, no remote URL, so the map
 * never leaves the origin. Text is drawn by MapLibre itself from the page's Noto Sans (a style without
 * `glyphs` renders every glyph locally); symbols are SDF images added at runtime (./icons.ts).
 *
 * Layer order, bottom to top: sea, territorial sea, land (1:50m; 1:10m from DETAIL_ZOOM, added later), wind fields, plans, trails, vectors, fan-out leaders, place names,
 * capitals, facility labels, entity labels, facility symbols, entity symbols, entity dots. MapLibre places symbols
 * from the top layer down, so entity symbols claim their room first, then entity labels, then facilities,
 * and place names take what is left: nothing is drawn over anything else.
 */
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

export const SRC = {
	land: 'land',
	sea12: 'territorial-sea',
	places: 'places',
	rings: 'rings',
	plans: 'plans',
	trails: 'trails',
	vectors: 'vectors',
	movers: 'entities',
	facilities: 'facilities',
	fan: 'fan-leaders',
	landDetail: 'land-detail'
} as const;

export const LAYER = {
	placeLabels: 'place-labels',
	capitalLabels: 'capital-labels',
	facilityLabels: 'facility-labels',
	entityLabels: 'entity-labels',
	facilitySymbols: 'facility-symbols',
	entitySymbols: 'entity-symbols',
	entityDots: 'entity-dots'
} as const;

/** Layers a click can hit (an entity or a cluster). */
export const CLICKABLE = [LAYER.entityDots, LAYER.entitySymbols, LAYER.facilitySymbols];
/** Layers whose text is a label (for the no-overlap check). */
export const LABEL_LAYERS = [LAYER.placeLabels, LAYER.capitalLabels, LAYER.facilityLabels, LAYER.entityLabels];

/** Below this zoom entities are dots; from it, symbols; labels from LABEL_ZOOM. */
export const SYMBOL_ZOOM = 4.5;
export const LABEL_ZOOM = 5.5;
/** Facilities closer than this many pixels merge into one cluster, up to this zoom. */
export const CLUSTER_RADIUS = 28;
export const CLUSTER_MAX_ZOOM = 9;
/**
 * From this zoom the land is Natural Earth 1:10m (harbours, cays, headlands), below it 1:50m. The 1:10m file is
 * about six times the size, so it is not in the style: ExerciseMap adds it (landDetailSource, landDetailLayers)
 * when the map first reaches this zoom, and hands the zooms above over to it (LAND_LAYERS) once it has loaded.
 */
export const DETAIL_ZOOM = 8;
/** The 1:50m land layers, drawn at every zoom until the 1:10m land has loaded, then only below DETAIL_ZOOM. */
export const LAND_LAYERS = ['land-fill', 'land-outline'];
/** The layer the 1:10m land is drawn under (the first layer above the 1:50m land). */
export const ABOVE_LAND = 'rings-fill';

export const FONT = ['Noto Sans', 'sans-serif'];
export const FONT_BOLD = ['Noto Sans Semibold', 'Noto Sans', 'sans-serif'];
export const FONT_ITALIC = ['Noto Sans Italic', 'Noto Sans', 'sans-serif'];

export const SEA = '#cfe4ee';
const LAND = '#f1ede2';
const COAST = '#8d8670';
const OWN = '#c78a00';
const INK = '#1b2630';

export interface BasemapUrls {
	land: string;
	territorialSea: string;
	places: string;
}

/** A place's name in the reader's language where the basemap has it (`name_fr`…), its own name otherwise. */
export const placeNameField = (locale: Locale = getLocale()): ExpressionSpecification => ['coalesce', ['get', `name_${locale}`], ['get', 'name']];

/** A number of a feature's, written as the reader writes numbers (Haitian Creole the French way, as formatNumber does). */
const numberOf = (value: ExpressionSpecification, locale: Locale): ExpressionSpecification => [
	'number-format',
	value,
	{ locale: locale === 'ht' ? 'fr' : locale }
];

/**
 * A translated message as a MapLibre text expression: `marks` are what the message was given for its placeholders
 * (strings that occur nowhere else in it), each replaced by the expression that goes in its place.
 */
export function messageExpression(text: string, marks: [string, ExpressionSpecification][]): ExpressionSpecification {
	const parts: (string | ExpressionSpecification)[] = [];
	let rest = text;
	for (;;) {
		const next = marks
			.map(([mark, expr]) => ({ at: rest.indexOf(mark), mark, expr }))
			.filter((x) => x.at >= 0)
			.sort((a, b) => a.at - b.at)[0];
		if (!next) break;
		if (next.at > 0) parts.push(rest.slice(0, next.at));
		parts.push(next.expr);
		rest = rest.slice(next.at + next.mark.length);
	}
	if (rest) parts.push(rest);
	return ['concat', ...parts] as unknown as ExpressionSpecification;
}

/** "12 facilities" and, with their places, "40/120 people" under it: a cluster of ports and shelters, in the reader's words. */
export function clusterLabel(locale: Locale = getLocale()): ExpressionSpecification {
	// A cluster holds two or more: 99 picks the plural form every language uses for such counts, and marks the number.
	const facilities = messageExpression(m.map_cluster_facilities({ count: 99 }, { locale }), [['99', numberOf(['get', 'point_count'], locale)]]);
	const people = messageExpression(m.map_cluster_people({ occupancy: '\u0001', capacity: '\u0002' }, { locale }), [
		['\u0001', numberOf(['get', 'occupancy'], locale)],
		['\u0002', numberOf(['get', 'capacity'], locale)]
	]);
	return ['concat', facilities, ['case', ['>', ['get', 'capacity'], 0], ['concat', '\n', people], '']];
}

const empty = (): GeoJSONSourceSpecification => ({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
/** Symbols grow as one zooms in; the storm is drawn larger than a vessel. */
const storm: ExpressionSpecification = ['==', ['get', 'icon'], 'storm'];
/** Far enough from the point that a label clears its own symbol at every zoom (the symbol grows with it). */
const labelOffset: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], SYMBOL_ZOOM, 1.3, 9, 1.75];
const ICON_SCALE = { from: 0.8, to: 1.2 };
const iconSize: ExpressionSpecification = [
	'interpolate',
	['linear'],
	['zoom'],
	SYMBOL_ZOOM,
	['case', storm, 1.3, ICON_SCALE.from],
	9,
	['case', storm, 1.8, ICON_SCALE.to]
];
/** A vessel's hull at icon size 1, in CSS pixels (icons.ts: 48-pixel images at pixel ratio 2, 6 pixels of buffer). */
const HULL_PX = 18;
/** A dot's width with its outline (entity-dots below). */
const DOT_PX = 10;

/**
 * How wide a vessel, boat or aircraft symbol is drawn at a zoom, in CSS pixels, halo included: the distance
 * within which two of them hide each other (./fan-out.ts spreads those apart). Follows `iconSize`.
 */
export function moverSymbolPx(zoom: number): number {
	if (zoom < SYMBOL_ZOOM) return DOT_PX;
	const t = Math.min(1, (zoom - SYMBOL_ZOOM) / (9 - SYMBOL_ZOOM));
	return HULL_PX * (ICON_SCALE.from + t * (ICON_SCALE.to - ICON_SCALE.from)) + 2;
}

const coastWidth: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 3, 0.5, 9, 1.5];

/** The 1:10m land's source, added to the map when it first zooms in to DETAIL_ZOOM. */
export function landDetailSource(url: string): GeoJSONSourceSpecification {
	return { type: 'geojson', data: url, attribution: 'Natural Earth' };
}

/** The 1:10m land, painted as the 1:50m land is, from DETAIL_ZOOM. */
export function landDetailLayers(): LayerSpecification[] {
	return [
		{ id: 'land-detail-fill', type: 'fill', source: SRC.landDetail, minzoom: DETAIL_ZOOM, paint: { 'fill-color': LAND } },
		{ id: 'land-detail-outline', type: 'line', source: SRC.landDetail, minzoom: DETAIL_ZOOM, paint: { 'line-color': COAST, 'line-width': coastWidth } }
	];
}

/** The style, with its place names and cluster labels in `locale` (the reader's language by default). */
export function buildStyle(urls: BasemapUrls, locale: Locale = getLocale()): StyleSpecification {
	return {
		version: 8,
		name: 'crosscurrent-offline',
		sources: {
			[SRC.land]: { type: 'geojson', data: urls.land, attribution: 'Natural Earth' },
			[SRC.sea12]: { type: 'geojson', data: urls.territorialSea },
			[SRC.places]: { type: 'geojson', data: urls.places },
			[SRC.rings]: empty(),
			[SRC.plans]: empty(),
			[SRC.trails]: empty(),
			[SRC.vectors]: empty(),
			[SRC.movers]: empty(),
			[SRC.fan]: empty(),
			[SRC.facilities]: {
				...empty(),
				cluster: true,
				clusterRadius: CLUSTER_RADIUS,
				clusterMaxZoom: CLUSTER_MAX_ZOOM,
				clusterProperties: { capacity: ['+', ['get', 'capacity']], occupancy: ['+', ['get', 'occupancy']] }
			}
		},
		layers: [
			{ id: 'sea', type: 'background', paint: { 'background-color': SEA } },
			{ id: 'territorial-sea', type: 'fill', source: SRC.sea12, paint: { 'fill-color': '#a9cfe0', 'fill-opacity': 0.55 } },
			{ id: 'territorial-sea-line', type: 'line', source: SRC.sea12, paint: { 'line-color': '#6a9fb8', 'line-width': 0.6, 'line-dasharray': [3, 2] } },
			{ id: 'land-fill', type: 'fill', source: SRC.land, paint: { 'fill-color': LAND } },
			{
				id: 'land-outline',
				type: 'line',
				source: SRC.land,
				paint: { 'line-color': COAST, 'line-width': coastWidth }
			},
			{
				id: 'rings-fill',
				type: 'fill',
				source: SRC.rings,
				paint: {
					'fill-color': ['match', ['get', 'kind'], 'hurricane', '#b5179e', 'tropical-storm', '#f0a6ca', '#7e57c2'],
					'fill-opacity': ['match', ['get', 'kind'], 'hurricane', 0.28, 'tropical-storm', 0.15, 0.08]
				}
			},
			{ id: 'rings-line', type: 'line', source: SRC.rings, paint: { 'line-color': '#8e1b73', 'line-width': 1, 'line-opacity': 0.6 } },
			{ id: 'plans', type: 'line', source: SRC.plans, paint: { 'line-color': '#ffc107', 'line-width': 2, 'line-dasharray': [1, 1.5] } },
			{
				id: 'trails',
				type: 'line',
				source: SRC.trails,
				layout: { 'line-join': 'round', 'line-cap': 'round' },
				paint: { 'line-color': ['get', 'color'], 'line-width': 1.6, 'line-opacity': ['get', 'fade'] }
			},
			{
				id: 'entity-vectors',
				type: 'line',
				source: SRC.vectors,
				minzoom: SYMBOL_ZOOM,
				layout: { 'line-cap': 'round' },
				paint: { 'line-color': ['get', 'color'], 'line-width': 2 }
			},
			// Vessels spread apart so none hides another (./fan-out.ts): a thin line from each to its true position,
			// and a small mark on the point they share.
			{
				id: 'fan-leaders',
				type: 'line',
				source: SRC.fan,
				filter: ['==', ['geometry-type'], 'LineString'],
				paint: { 'line-color': INK, 'line-width': 1, 'line-opacity': 0.7 }
			},
			{
				id: 'fan-anchors',
				type: 'circle',
				source: SRC.fan,
				filter: ['==', ['geometry-type'], 'Point'],
				paint: { 'circle-radius': 2.5, 'circle-color': INK, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 }
			},
			{
				id: LAYER.placeLabels,
				type: 'symbol',
				source: SRC.places,
				// States always; islands from zoom 6, ports and towns from 7 (capitals are the next layer).
				filter: ['all', ['!=', ['get', 'kind'], 'capital'], ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 6, 3, 7, 4]]],
				layout: {
					'symbol-sort-key': ['get', 'order'],
					'text-field': placeNameField(locale),
					'text-font': ['match', ['get', 'kind'], 'state', ['literal', FONT_BOLD], 'island', ['literal', FONT_ITALIC], ['literal', FONT]],
					'text-size': ['match', ['get', 'kind'], 'state', 12, 11],
					'text-transform': ['case', ['==', ['get', 'kind'], 'state'], 'uppercase', 'none'],
					'text-letter-spacing': ['case', ['==', ['get', 'kind'], 'state'], 0.06, 0],
					'text-max-width': 9,
					// A state's name yields the middle of its island to the capital: it moves above or below instead.
					'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
					'text-radial-offset': ['match', ['get', 'kind'], 'state', 1.4, 0],
					'text-padding': 3
				},
				paint: {
					'text-color': ['match', ['get', 'kind'], 'state', '#5b5440', 'island', '#3f6d80', '#3d3a33'],
					'text-halo-color': 'rgba(255,255,255,0.85)',
					'text-halo-width': 1.2
				}
			},
			{
				id: LAYER.capitalLabels,
				type: 'symbol',
				source: SRC.places,
				minzoom: 5,
				filter: ['==', ['get', 'kind'], 'capital'],
				layout: {
					'icon-image': 'dot',
					'icon-size': 0.45,
					'icon-padding': 0,
					'text-field': placeNameField(locale),
					'text-font': ['literal', FONT],
					'text-size': 11,
					'text-max-width': 9,
					'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
					'text-radial-offset': 0.6,
					'text-padding': 2
				},
				paint: { 'text-color': '#3d3a33', 'text-halo-color': 'rgba(255,255,255,0.85)', 'text-halo-width': 1.2, 'icon-color': '#3d3a33' }
			},
			{
				id: LAYER.facilityLabels,
				type: 'symbol',
				source: SRC.facilities,
				minzoom: LABEL_ZOOM,
				layout: {
					'text-field': ['case', ['has', 'point_count'], clusterLabel(locale), ['get', 'label']],
					'text-font': ['literal', FONT],
					'text-size': 11,
					'text-max-width': 14,
					'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
					'text-radial-offset': labelOffset,
					'text-justify': 'auto',
					'text-padding': 2
				},
				paint: { 'text-color': INK, 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 }
			},
			{
				id: LAYER.entityLabels,
				type: 'symbol',
				source: SRC.movers,
				minzoom: LABEL_ZOOM,
				layout: {
					'symbol-sort-key': ['get', 'rank'],
					'text-field': ['get', 'label'],
					'text-font': ['case', ['any', ['get', 'own'], ['get', 'suspect']], ['literal', FONT_BOLD], ['literal', FONT]],
					'text-size': 11,
					'text-max-width': 14,
					'text-variable-anchor': ['left', 'right', 'top', 'bottom', 'top-left', 'bottom-left', 'top-right', 'bottom-right'],
					'text-radial-offset': labelOffset,
					'text-justify': 'auto',
					'text-padding': 2
				},
				paint: {
					'text-color': ['case', ['get', 'suspect'], '#b71c1c', ['get', 'lost'], '#555555', INK],
					'text-halo-color': ['case', ['get', 'own'], '#fff4cc', '#ffffff'],
					'text-halo-width': 1.6
				}
			},
			{
				id: LAYER.facilitySymbols,
				type: 'symbol',
				source: SRC.facilities,
				layout: {
					'icon-image': ['case', ['has', 'point_count'], 'cluster', ['get', 'icon']],
					'icon-size': ['case', ['has', 'point_count'], 0.95, 0.8],
					'icon-allow-overlap': true,
					'icon-padding': 0,
					'text-field': ['case', ['has', 'point_count'], ['to-string', ['get', 'point_count']], ''],
					'text-font': ['literal', FONT_BOLD],
					'text-size': 11,
					'text-allow-overlap': true
				},
				paint: {
					'icon-color': ['case', ['has', 'point_count'], '#37474f', ['get', 'own'], '#3b3b3b', '#212121'],
					'icon-halo-color': ['case', ['has', 'point_count'], '#ffffff', ['get', 'own'], OWN, '#ffffff'],
					'icon-halo-width': 1.5,
					'text-color': '#ffffff'
				}
			},
			{
				id: LAYER.entitySymbols,
				type: 'symbol',
				source: SRC.movers,
				minzoom: SYMBOL_ZOOM,
				layout: {
					'symbol-sort-key': ['get', 'rank'],
					'icon-image': ['get', 'icon'],
					'icon-size': iconSize,
					'icon-rotate': ['get', 'rotate'],
					'icon-rotation-alignment': 'map',
					'icon-allow-overlap': true,
					'icon-padding': 0
				},
				paint: {
					'icon-color': ['get', 'color'],
					'icon-opacity': ['case', ['get', 'lost'], 0.45, 1],
					'icon-halo-color': ['case', ['get', 'own'], OWN, ['get', 'suspect'], '#1b0000', '#ffffff'],
					'icon-halo-width': ['case', ['get', 'own'], 2, ['get', 'suspect'], 1.6, 1]
				}
			},
			{
				id: LAYER.entityDots,
				type: 'circle',
				source: SRC.movers,
				maxzoom: SYMBOL_ZOOM,
				paint: {
					'circle-radius': 3.5,
					'circle-color': ['get', 'color'],
					'circle-opacity': ['case', ['get', 'lost'], 0.45, 1],
					'circle-stroke-color': ['case', ['get', 'own'], OWN, '#ffffff'],
					'circle-stroke-width': ['case', ['get', 'own'], 2, 1]
				}
			}
		]
	};
}
