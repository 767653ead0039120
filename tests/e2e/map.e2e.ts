/**
 * The map can be read: at each bundled scenario's start view no two drawn labels overlap, place names are drawn,
 * the legend and the text list name what is on the map; the observer's full screen shows the public counts and news.
 * (Label boxes are read from MapLibre's collision index through the map's test hook, ExerciseMap's `__map`.)
 */
import { expect, test, type Page } from './fixtures';
import { accessibilityProblems } from './checks';
import { createExercise, entityOnMap, joinTeam, newPage, type Watched } from './pages';

interface Drawn {
	/** Every placed label box that may not overlap (text), and the symbols they must keep clear of. */
	labels: number[][];
	symbols: number[][];
	places: string[];
	entities: string[];
}

/** What the map draws once it has settled: label and symbol boxes from the collision index, and the label texts. */
function drawn(page: Page): Promise<Drawn> {
	return page.getByTestId('exercise-map').evaluate(async (el) => {
		type Key = { overlapMode: string };
		type Internal = {
			style: { placement: { collisionIndex: { grid: { boxKeys: Key[]; bboxes: number[] } } } };
			once: (e: string, f: () => void) => void;
			triggerRepaint: () => void;
			queryRenderedFeatures: (o: { layers: string[] }) => { properties: Record<string, string> }[];
		};
		const m = (el as HTMLElement & { __map: Internal }).__map;
		// Idle: nothing left to draw. A running exercise moves things every second, and a slow machine may never get
		// there between two updates: then the placement of the latest frame is read after a few seconds.
		await new Promise<void>((resolve) => {
			m.once('idle', resolve);
			setTimeout(resolve, 5000);
			m.triggerRepaint();
		});
		const { boxKeys, bboxes } = m.style.placement.collisionIndex.grid;
		const labels: number[][] = [];
		const symbols: number[][] = [];
		boxKeys.forEach((key, i) => (key.overlapMode === 'never' ? labels : symbols).push(bboxes.slice(i * 4, i * 4 + 4)));
		return {
			labels,
			symbols,
			places: m.queryRenderedFeatures({ layers: ['place-labels', 'capital-labels'] }).map((f) => f.properties.name!),
			entities: m
				.queryRenderedFeatures({ layers: ['entity-labels', 'facility-labels'] })
				.map(({ properties: p }) => p.label ?? `${p.point_count} facilities, ${p.occupancy}/${p.capacity} people`)
		};
	});
}

const overlap = (a: number[], b: number[]) => a[0]! < b[2]! - 0.5 && b[0]! < a[2]! - 0.5 && a[1]! < b[3]! - 0.5 && b[1]! < a[3]! - 0.5;

function overlaps(d: Drawn): string[] {
	const found: string[] = [];
	d.labels.forEach((a, i) => {
		d.labels.slice(i + 1).forEach((b) => overlap(a, b) && found.push(`label ${a.map(Math.round)} over label ${b.map(Math.round)}`));
		d.symbols.forEach((b) => overlap(a, b) && found.push(`label ${a.map(Math.round)} over a symbol ${b.map(Math.round)}`));
	});
	return found;
}

async function mapReady(w: Watched) {
	await expect(w.page.getByTestId('exercise-map')).toHaveAttribute('data-map-ready', 'true', { timeout: 60_000 });
}

async function joinObserver(controller: Page, w: Watched) {
	const code = (await controller.getByTestId('observer-code').first().innerText()).trim();
	await w.page.goto('/');
	await w.page.getByTestId('join-code').fill(code);
	await w.page.getByTestId('join-name').fill('Press pool');
	await w.page.getByTestId('join-submit').click();
	await w.page.waitForURL('**/observe');
	await mapReady(w);
}

test('the maritime map: labels apart, place names, legend and text list; the observer sees counts and news', async ({ browser }) => {
	test.setTimeout(240_000);
	const controller = await newPage(browser);
	const team = await newPage(browser);
	const observer = await newPage(browser);
	const c = controller.page;
	const code = await createExercise(c, 'maritime-trafficking-southern-caribbean');
	const basemap: string[] = [];
	team.page.on('request', (r) => r.url().includes('/basemap/') && basemap.push(new URL(r.url()).pathname));
	await joinTeam(team.page, await code('tt-coast-guard'), 'Lt Baptiste');
	await mapReady(team);
	// The first load takes the light 1:50m land only; the 1:10m coast waits until someone zooms in on a harbour.
	expect(basemap).toContain('/basemap/caribbean-countries.geojson');
	expect(basemap).not.toContain('/basemap/caribbean-countries-10m.geojson');
	await expect(team.page.getByTestId('exercise-map')).toHaveAttribute('data-land-detail', 'not-needed');

	const start = await drawn(team.page);
	expect(overlaps(start)).toEqual([]);
	expect(start.labels.length).toBeGreaterThan(10);
	// The team's map opens on its own area (Trinidad and Tobago's waters and its assets).
	expect(start.places, start.places.join(', ')).toEqual(expect.arrayContaining(['Trinidad and Tobago', 'Tobago']));
	expect(start.entities.join('|')).toContain('TTCG Cutter 1');
	expect(start.entities.join('|')).toContain('Port of Spain');

	// The legend opens from the keyboard and explains the colours on the map.
	const legend = team.page.getByTestId('map-legend');
	await legend.getByRole('button', { name: 'Legend' }).focus();
	await team.page.keyboard.press('Enter');
	await expect(legend.getByRole('button', { name: 'Hide legend' })).toHaveAttribute('aria-expanded', 'true');
	await expect(legend).toContainText('Law enforcement');
	await expect(legend).toContainText('Port or shelter');
	// The text list names each entity in words, the team's own first.
	const list = team.page.getByTestId('map-list');
	await expect(list.locator('li').first()).toContainText("your team's");
	await expect(list.locator('[data-entity-id="cg-cutter-1"]')).toHaveText(/^TTCG Cutter 1 — law enforcement vessel, your team's/);
	await expect(list.locator('[data-entity-id="mv-cargo"]')).toContainText('MV Sapphire Coast — cargo vessel');
	await expect(list).not.toContainText('cg-cutter-1');
	expect(await accessibilityProblems(team.page)).toEqual([]);

	// Zoomed in on Port of Spain (cutter, customs launch and port close together): still no overlap.
	await team.page.getByTestId('exercise-map').evaluate((el) => {
		(el as HTMLElement & { __map: { jumpTo: (o: object) => void } }).__map.jumpTo({ center: [-61.6, 10.72], zoom: 9 });
	});
	const close = await drawn(team.page);
	expect(overlaps(close)).toEqual([]);
	expect(close.entities.join('|')).toContain('Customs launch');
	await expect(team.page.getByTestId('exercise-map')).toHaveAttribute('data-land-detail', 'drawn');
	expect(basemap).toContain('/basemap/caribbean-countries-10m.geojson');

	// The cutter and the customs launch lie alongside at Chaguaramas: at zoom 7.5 their symbols (about 21 px wide)
	// would be 14 px apart and cover each other, so they are spread apart, each on a line back to where it lies.
	await team.page.getByTestId('exercise-map').evaluate((el) => {
		(el as HTMLElement & { __map: { jumpTo: (o: object) => void } }).__map.jumpTo({ center: [-61.6, 10.68], zoom: 7.5 });
	});
	await drawn(team.page);
	const cutter = (await entityOnMap(team.page, 'cg-cutter-1'))!;
	const launch = (await entityOnMap(team.page, 'customs-launch'))!;
	expect(Math.hypot(cutter.x - launch.x, cutter.y - launch.y)).toBeGreaterThan(25);
	const leaders = await team.page
		.getByTestId('exercise-map')
		.evaluate((el) =>
			(el as HTMLElement & { __map: { querySourceFeatures: (s: string) => { properties: { id: string } }[] } }).__map
				.querySourceFeatures('fan-leaders')
				.map((f) => f.properties.id)
		);
	expect(leaders).toEqual(expect.arrayContaining(['cg-cutter-1', 'customs-launch']));
	// Each can still be picked on the map: a click on the cutter's symbol, spread out, picks the cutter.
	await team.page.mouse.click(cutter.x, cutter.y);
	await expect(team.page.getByTestId('asset-cg-cutter-1')).toHaveAttribute('aria-pressed', 'true');

	await joinObserver(c, observer);
	const counts = observer.page.getByTestId('public-counts');
	await expect(counts.getByTestId('count-tracked')).toContainText('Vessels and aircraft tracked');
	await expect(counts.getByTestId('count-intercepts')).toContainText('0');
	expect(Number((await counts.getByTestId('count-tracked').locator('.value').innerText()).trim())).toBeGreaterThan(3);
	await expect(observer.page.getByTestId('public-news')).toContainText('not started');
	await c.getByTestId('start').click();
	await expect(observer.page.getByTestId('public-news')).toContainText('The exercise has started.');
	// Paused, so that nothing moves while the labels are measured.
	await c.getByTestId('pause').click();
	await expect(observer.page.getByTestId('exercise-status')).toHaveText('paused');
	// The observer's map is the scenario's start view.
	const picture = await drawn(observer.page);
	expect(overlaps(picture)).toEqual([]);
	expect(picture.places, picture.places.join(', ')).toEqual(expect.arrayContaining(['Saint Lucia', 'Barbados', 'Trinidad and Tobago']));
	expect(picture.places.length).toBeGreaterThan(5);
	expect(await accessibilityProblems(observer.page)).toEqual([]);
	for (const w of [controller, team, observer]) expect(w.errors).toEqual([]);
});

test('the displacement map: labels apart at the start view, facilities clustered with their places, counts for observers', async ({ browser }) => {
	test.setTimeout(120_000);
	const controller = await newPage(browser);
	const observer = await newPage(browser);
	await createExercise(controller.page, 'displacement-hurricane-dominica');
	await joinObserver(controller.page, observer);

	const start = await drawn(observer.page);
	expect(overlaps(start)).toEqual([]);
	expect(start.places, start.places.join(', ')).toEqual(expect.arrayContaining(['Dominica', 'Roseau']));
	expect(start.places.length).toBeGreaterThan(8);
	// Ports and shelters around St John's merge into one cluster that says how many people it can take.
	expect(start.entities.filter((l) => /^\d+ facilities, 0\/[1-9]\d* people$/.test(l)).length, start.entities.join(' | ')).toBeGreaterThan(0);
	await expect(observer.page.getByTestId('map-list')).toContainText('Hurricane Keturah — weather storm');

	const counts = observer.page.getByTestId('public-counts');
	for (const label of ['People at sea', 'People in distress', 'Landed', 'Sheltered', 'Waiting for shelter']) await expect(counts).toContainText(label);
	await expect(counts.getByTestId('count-landed').locator('.value')).toHaveText('0');
	for (const w of [controller, observer]) expect(w.errors).toEqual([]);
});
