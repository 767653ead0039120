/**
 * The AAR/IP as a Word document in the HSEEP layout, built in the browser with `docx`: exercise overview, executive
 * summary, outcomes (every set of figures the scenario has, each under its heading), the maps at key moments,
 * analysis of capabilities (the ratings, the charts — score over time, time to decide, information sharing — and per
 * objective strengths, areas for improvement and ratings), the improvement plan table and the decision log; A4,
 * margins, page numbers in the footer. Figures are numbered with their captions under them. `aarDocument` builds the
 * document (no DOM; unit-tested); `downloadAarDocx` draws the page's map snapshots and charts (SVG) to PNG and saves.
 */
import {
	AlignmentType,
	Document,
	Footer,
	HeadingLevel,
	ImageRun,
	PageNumber,
	PageOrientation,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import type { DomainEvent } from '$lib/engine/exercise/events';
import type { ExerciseState } from '$lib/engine/exercise/state';
import { formatClockMs } from '$lib/engine/exercise/time-format';
import { formatDate, formatDateTime, formatList, formatMinutesMs, formatNumber, formatPercent } from '$lib/i18n/format';
import { capabilityElementWord, objectiveWord, ratingLabel, teamWord, timelineText } from '$lib/i18n/review-words';
import { scenarioWithVersion } from '$lib/i18n/words';
import { m } from '$lib/paraglide/messages';
import type { ObjectiveSection, Outcomes } from '$lib/engine/review/aar-content';
import { timelineEntry } from '$lib/engine/review/timeline';
import { outcomeHeading, outcomeRows, suspectLines } from '$lib/components/review/outcome-words';

export interface AarImage {
	png: Uint8Array;
	width: number;
	height: number;
	caption: string;
}

export interface AarInput {
	state: ExerciseState;
	events: readonly DomainEvent[];
	/** Every set of outcome figures (`outcomeFigureSets`), each under its heading. */
	outcomes: Outcomes[];
	sections: ObjectiveSection[];
	/** The maps at key moments. */
	images?: AarImage[];
	/** The charts, in the analysis of capabilities. */
	charts?: AarImage[];
	/** When the report is made (epoch ms). */
	preparedWall: number;
}

const p = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...opts })] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
const paragraphs = (text: string) => text.split(/\n+/).map((line) => p(line));
/** A table cell; each line of `text` its own paragraph. */
const cell = (text: string, bold = false) => new TableCell({ children: text.split('\n').map((line) => p(line, { bold })) });
const table = (rows: string[][], header = true) =>
	new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: rows.map((r, i) => new TableRow({ tableHeader: header && i === 0, children: r.map((c) => cell(c, header && i === 0)) }))
	});
const date = (wall: number | undefined) => (wall === undefined ? '—' : formatDateTime(wall));

/** Widest and tallest a figure is drawn, in the pixels docx sizes images in (A4 less the margins is about 657 × 970). */
export const FIGURE_MAX = { width: 600, height: 760 } as const;

/** The size a figure is drawn at: `width` × `height` scaled to fit `max`, its shape kept, never enlarged past `max.width`. */
export function fitFigure(width: number, height: number, max: { width: number; height: number } = FIGURE_MAX): { width: number; height: number } {
	if (!(width > 0) || !(height > 0)) return { width: max.width, height: Math.round(max.width / 2) };
	const scale = Math.min(max.width / width, max.height / height);
	return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** The words under figure `n`. */
export const figureCaption = (n: number, caption: string) => m.review_docx_figure({ number: formatNumber(n), caption });

export function aarDocument({ state, events, outcomes, sections, images = [], charts = [], preparedWall }: AarInput): Document {
	const scenario = state.scenario;
	if (!scenario) throw new Error(m.review_docx_no_scenario());
	const teamName = (id: string | null) => teamWord(scenario, id);
	const objectiveName = (id: string | null) => objectiveWord(scenario, id);
	const wallOf = (type: string) => events.find((e) => e.type === type)?.wall;
	const body: (Paragraph | Table)[] = [];
	let figures = 0;
	/** An image and its numbered caption, kept on one page. */
	const figure = (img: AarImage): Paragraph[] => {
		const caption = figureCaption(++figures, img.caption);
		return [
			new Paragraph({
				keepNext: true,
				children: [
					new ImageRun({
						type: 'png',
						data: img.png,
						transformation: fitFigure(img.width, img.height),
						altText: { name: caption, description: img.caption, title: img.caption }
					})
				]
			}),
			new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: caption, italics: true })] })
		];
	};

	body.push(
		new Paragraph({ children: [new TextRun({ text: m.review_aar_kicker(), bold: true, color: '555555' })] }),
		new Paragraph({ text: state.title, heading: HeadingLevel.TITLE }),
		p(m.review_docx_subtitle({ scenario: scenarioWithVersion(scenario.title, state.scenarioVersion), date: formatDate(preparedWall, 'long') }), {
			italics: true
		})
	);

	body.push(heading(m.review_aar_overview(), HeadingLevel.HEADING_1));
	body.push(
		table(
			[
				[m.review_aar_name(), state.title],
				[m.review_aar_dates(), m.review_aar_dates_value({ started: date(wallOf('exercise.started')), ended: date(wallOf('exercise.ended')) })],
				[
					m.review_aar_scope(),
					scenario.overview?.scope ?? m.review_aar_scope_default({ count: scenario.durationMinutes, minutes: formatNumber(scenario.durationMinutes) })
				],
				[m.review_aar_mission_areas(), formatList(scenario.overview?.missionAreas ?? []) || '—'],
				[m.review_aar_capabilities(), formatList([...new Set(scenario.objectives.map((o) => o.capability))])],
				[m.review_aar_objectives(), scenario.objectives.map((o, i) => `${i + 1}. ${o.name}`).join('\n')],
				[m.review_aar_threat(), scenario.overview?.threatOrHazard ?? scenario.kind],
				[m.review_aar_scenario(), scenario.summary],
				[m.review_aar_sponsor(), scenario.overview?.sponsor ?? '—'],
				[m.review_aar_organisations(), scenario.teams.map((t) => `${t.agency} (${t.state})`).join('; ')],
				[m.review_aar_contact(), scenario.overview?.pointOfContact ?? '—']
			],
			false
		)
	);

	body.push(heading(m.review_aar_summary(), HeadingLevel.HEADING_1));
	body.push(...(state.narrative.summary?.text ? paragraphs(state.narrative.summary.text) : [p(m.review_docx_to_be_written(), { italics: true })]));

	if (outcomes.length) {
		body.push(heading(m.review_aar_outcomes(), HeadingLevel.HEADING_1));
		for (const o of outcomes) {
			body.push(heading(outcomeHeading(o), HeadingLevel.HEADING_2));
			body.push(table([[m.review_docx_figure_col(), m.review_docx_value_col()], ...outcomeRows(o).map((r) => [r.label, r.value])]));
			if (o.kind === 'maritime-trafficking') body.push(...suspectLines(o, scenario).map((l) => p(l)));
			else if (o.byState.length)
				body.push(
					p(''),
					table([
						[m.review_docx_member_state(), m.review_by_state_received(), m.review_by_state_sheltered(), m.review_by_state_unsheltered()],
						...o.byState.map((s) => [s.state, formatNumber(s.received), formatNumber(s.sheltered), formatNumber(s.unsheltered)])
					])
				);
		}
	}

	if (images.length) {
		body.push(heading(m.review_aar_moments(), HeadingLevel.HEADING_1));
		for (const img of images) body.push(...figure(img));
	}

	body.push(heading(m.review_aar_analysis(), HeadingLevel.HEADING_1));
	body.push(
		table([
			[m.review_objective(), ...scenario.teams.map((t) => t.name)],
			...sections.map((s) => [
				objectiveName(s.objective),
				...scenario.teams.map((t) => {
					const r = [...s.rated, ...s.unrated].find((x) => x.team === t.id);
					return `${r?.rating?.rating ?? '—'}${r?.percent === null || r?.percent === undefined ? '' : ` (${formatPercent(r.percent / 100)})`}`;
				})
			])
		])
	);
	if (charts.length) {
		body.push(heading(m.review_charts(), HeadingLevel.HEADING_2));
		for (const img of charts) body.push(...figure(img));
	}
	for (const s of sections) {
		const o = scenario.objectives.find((x) => x.id === s.objective);
		if (!o) continue;
		body.push(
			heading(m.review_docx_objective({ name: o.name }), HeadingLevel.HEADING_2),
			p(m.review_aar_core_capability({ capability: o.capability }), { italics: true })
		);
		body.push(heading(m.review_strengths(), HeadingLevel.HEADING_3));
		const strengths = state.narrative[`strengths:${o.id}`]?.text;
		body.push(...(strengths ? paragraphs(strengths) : [p(m.review_docx_none_written(), { italics: true })]));
		body.push(heading(m.review_improvements(), HeadingLevel.HEADING_3));
		const improvements = state.narrative[`improvements:${o.id}`]?.text;
		body.push(...(improvements ? paragraphs(improvements) : [p(m.review_docx_none_written(), { italics: true })]));
		body.push(heading(m.review_rating(), HeadingLevel.HEADING_3));
		for (const r of s.rated)
			body.push(
				p(`${m.review_aar_rated({ team: teamName(r.team), rating: r.rating!.rating, label: ratingLabel(r.rating!.rating) })} ${r.rating!.explanation}`)
			);
		if (s.unrated.length)
			body.push(
				p(
					s.unrated.length === scenario.teams.length
						? m.review_aar_no_team_rated()
						: m.review_aar_not_rated({ teams: formatList(s.unrated.map((u) => teamName(u.team))) }),
					{ italics: true }
				)
			);
	}

	body.push(heading(m.review_aar_plan(), HeadingLevel.HEADING_1));
	const items = Object.values(state.improvements);
	body.push(
		table([
			[
				m.review_plan_objective(),
				m.review_plan_issue(),
				m.review_plan_action(),
				m.review_plan_element(),
				m.review_docx_responsible_org(),
				m.review_aar_contact(),
				m.review_plan_start(),
				m.review_docx_completion()
			],
			...(items.length
				? items.map((i) => [
						objectiveName(i.objective),
						i.issue,
						i.correctiveAction,
						capabilityElementWord(i.capabilityElement),
						i.responsibleAgency,
						i.pointOfContact,
						i.startDate,
						i.dueDate
					])
				: [['', m.review_plan_empty(), '', '', '', '', '', '']])
		])
	);

	const decisions = events.filter((e) => e.type === 'decision.submitted' || e.type === 'decision.expired').map((e) => timelineEntry(e, scenario));
	if (decisions.length) {
		body.push(heading(m.review_aar_decision_log(), HeadingLevel.HEADING_1));
		body.push(
			table([
				[m.review_time(), m.review_decision(), m.review_time_taken()],
				...decisions.map((d) => [formatClockMs(d.at), timelineText(d, scenario), d.latencyMs === null ? m.review_missed() : formatMinutesMs(d.latencyMs)])
			])
		);
	}

	return new Document({
		title: m.review_aar_page_title({ title: state.title }),
		creator: 'Crosscurrent',
		sections: [
			{
				properties: {
					page: { size: { orientation: PageOrientation.PORTRAIT, width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1021, right: 1021 } }
				},
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.CENTER,
								children: [
									new TextRun({
										children: [
											`${state.title} · AAR/IP · ${m.review_aar_print_page()} `,
											PageNumber.CURRENT,
											` ${m.review_aar_print_of()} `,
											PageNumber.TOTAL_PAGES
										],
										size: 16
									})
								]
							})
						]
					})
				},
				children: body
			}
		]
	});
}

/** A file name from the exercise title: letters, digits and dashes. */
export function docxFileName(title: string): string {
	const slug = title
		.normalize('NFKD')
		.replace(/[^\w\s-]/g, '')
		.trim()
		.replace(/\s+/g, '-')
		.slice(0, 60);
	return `AAR-IP-${slug || 'exercise'}.docx`;
}

/** What a chart's stylesheet sets on its SVG and the image must keep (a serialised SVG has none of the page's CSS). */
const DRAWN_STYLES = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'font-variant-numeric',
	'paint-order',
	'visibility'
] as const;

/**
 * A copy of `svg` that draws the same on its own: each element's computed drawing styles written onto it (the charts
 * take colours and type from classes and CSS variables), a width and height from its viewBox when it has none, and
 * the chart's legend as a key under it.
 */
function standalone(svg: SVGSVGElement, legend: Element | null = null): { clone: SVGSVGElement; width: number; height: number } {
	const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
	const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height;
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const from = [svg, ...svg.querySelectorAll('*')];
	const to = [clone, ...clone.querySelectorAll('*')];
	from.forEach((el, i) => {
		const target = to[i] as SVGElement | undefined;
		if (!target || el.tagName === 'title') return;
		const computed = getComputedStyle(el);
		target.style.cssText = DRAWN_STYLES.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';');
	});
	const keyHeight = legend ? addKey(clone, legend, width, height) : 0;
	clone.setAttribute('xmlns', SVG_NS);
	clone.setAttribute('viewBox', `0 0 ${width} ${height + keyHeight}`);
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height + keyHeight));
	clone.style.overflow = 'hidden';
	return { clone, width, height: height + keyHeight };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The chart's legend (HTML buttons on the page) drawn under the chart in the image, so the picture says which line
 * is which team: each series switched on, its swatch (colour, dash, marker) and its name, in rows across the width.
 * Returns the height added.
 */
function addKey(svg: SVGSVGElement, legend: Element, width: number, top: number): number {
	const items = [...legend.querySelectorAll('[aria-pressed="true"]')];
	if (!items.length) return 0;
	const ROW = 20;
	const key = document.createElementNS(SVG_NS, 'g');
	let x = 0;
	let y = top + 12;
	for (const item of items) {
		const swatch = item.querySelector('svg');
		const name = item.querySelector('span')?.textContent?.trim() ?? '';
		// Type is not measured here: about 0.6 em a character at 12 px.
		const itemWidth = 34 + name.length * 7 + 18;
		if (x > 0 && x + itemWidth > width) {
			x = 0;
			y += ROW;
		}
		if (swatch) {
			const s = swatch.cloneNode(true) as SVGSVGElement;
			s.setAttribute('x', String(x));
			s.setAttribute('y', String(y - 6));
			key.appendChild(s);
		}
		const text = document.createElementNS(SVG_NS, 'text');
		text.setAttribute('x', String(x + 34));
		text.setAttribute('y', String(y));
		text.setAttribute('dominant-baseline', 'middle');
		text.setAttribute('font-size', '12');
		text.setAttribute('font-family', getComputedStyle(legend).fontFamily);
		text.setAttribute('fill', '#1b2530');
		text.textContent = name;
		key.appendChild(text);
		x += itemWidth;
	}
	svg.appendChild(key);
	return y + ROW - top;
}

/** An SVG on the page drawn to PNG at `scale` on white, through a blob: URL (the CSP's img-src allows blob:). */
async function svgToPng(svg: SVGSVGElement, legend: Element | null, scale = 2): Promise<{ png: Uint8Array; width: number; height: number }> {
	const { clone, width, height } = standalone(svg, legend);
	const source = new XMLSerializer().serializeToString(clone);
	const url = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const canvas = Object.assign(document.createElement('canvas'), { width: Math.round(width * scale), height: Math.round(height * scale) });
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error(m.review_docx_cannot_draw());
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error(m.review_docx_figure_failed()))), 'image/png'));
		return { png: new Uint8Array(await blob.arrayBuffer()), width, height };
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** A figure on the page: its drawing and the words under it in the report. */
export interface PageFigure {
	svg: SVGSVGElement;
	caption: string;
	/** A chart's legend: drawn under it as a key. */
	legend?: Element | null;
}

export async function downloadAarDocx(
	input: Omit<AarInput, 'images' | 'charts' | 'preparedWall'> & { snapshots: PageFigure[]; charts: PageFigure[] }
): Promise<void> {
	const draw = async (figures: PageFigure[]) => {
		const out: AarImage[] = [];
		for (const f of figures) out.push({ ...(await svgToPng(f.svg, f.legend ?? null)), caption: f.caption });
		return out;
	};
	const images = await draw(input.snapshots);
	const charts = await draw(input.charts);
	const blob = await Packer.toBlob(aarDocument({ ...input, images, charts, preparedWall: Date.now() }));
	const url = URL.createObjectURL(blob);
	const a = Object.assign(document.createElement('a'), { href: url, download: docxFileName(input.state.title) });
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
