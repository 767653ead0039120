/**
 * The AAR/IP as a Word document in the HSEEP layout, built in the browser with `docx`: exercise overview, executive
 * summary, outcomes, the maps at key moments, analysis of capabilities per objective (strengths, areas for
 * improvement, ratings), the improvement plan table and the decision log; A4, margins, page numbers in the footer.
 * `aarDocument` builds the document (no DOM; unit-tested); `downloadAarDocx` draws the map snapshots to PNG and saves.
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
import { formatClockMs, formatDurationMs } from '$lib/engine/exercise/time-format';
import type { ObjectiveSection, Outcomes } from '$lib/engine/review/aar-content';
import { RATING_LABELS } from '$lib/engine/review/ratings';
import { timelineEntry } from '$lib/engine/review/timeline';
import { outcomeRows, suspectLines } from '$lib/components/review/outcome-words';

export interface AarImage {
	png: Uint8Array;
	width: number;
	height: number;
	caption: string;
}

export interface AarInput {
	state: ExerciseState;
	events: readonly DomainEvent[];
	outcomes: Outcomes | null;
	sections: ObjectiveSection[];
	images?: AarImage[];
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
const date = (wall: number | undefined) => (wall === undefined ? '—' : new Date(wall).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }));

export function aarDocument({ state, events, outcomes, sections, images = [], preparedWall }: AarInput): Document {
	const scenario = state.scenario;
	if (!scenario) throw new Error('the exercise has no scenario yet');
	const teamName = (id: string | null) => scenario.teams.find((t) => t.id === id)?.name ?? 'All teams';
	const objectiveName = (id: string | null) => scenario.objectives.find((o) => o.id === id)?.name ?? 'General';
	const wallOf = (type: string) => events.find((e) => e.type === type)?.wall;
	const body: (Paragraph | Table)[] = [];

	body.push(
		new Paragraph({ children: [new TextRun({ text: 'After-Action Report / Improvement Plan', bold: true, color: '555555' })] }),
		new Paragraph({ text: state.title, heading: HeadingLevel.TITLE }),
		p(`${scenario.title} · Report prepared ${new Date(preparedWall).toLocaleDateString('en-GB', { dateStyle: 'long' })}`, { italics: true })
	);

	body.push(heading('Exercise overview', HeadingLevel.HEADING_1));
	body.push(
		table(
			[
				['Exercise name', state.title],
				['Exercise dates', `Started ${date(wallOf('exercise.started'))}; ended ${date(wallOf('exercise.ended'))}`],
				['Scope', scenario.overview?.scope ?? `${scenario.durationMinutes}-minute tabletop exercise`],
				['Mission areas', scenario.overview?.missionAreas.join(', ') || '—'],
				['Core capabilities', [...new Set(scenario.objectives.map((o) => o.capability))].join(', ')],
				['Objectives', scenario.objectives.map((o, i) => `${i + 1}. ${o.name}`).join('\n')],
				['Threat or hazard', scenario.overview?.threatOrHazard ?? scenario.kind],
				['Scenario', scenario.summary],
				['Sponsor', scenario.overview?.sponsor ?? '—'],
				['Participating organisations', scenario.teams.map((t) => `${t.agency} (${t.state})`).join('; ')],
				['Point of contact', scenario.overview?.pointOfContact ?? '—']
			],
			false
		)
	);

	body.push(heading('Executive summary', HeadingLevel.HEADING_1));
	body.push(...(state.narrative.summary?.text ? paragraphs(state.narrative.summary.text) : [p('To be written.', { italics: true })]));

	if (outcomes) {
		body.push(heading('Outcomes', HeadingLevel.HEADING_1));
		body.push(table([['Figure', 'Value'], ...outcomeRows(outcomes).map((r) => [r.label, r.value])]));
		if (outcomes.kind === 'maritime-trafficking') body.push(...suspectLines(outcomes, scenario).map((l) => p(l)));
		else if (outcomes.byState.length)
			body.push(
				p(''),
				table([
					['Member state', 'Received', 'Sheltered', 'Without shelter'],
					...outcomes.byState.map((s) => [s.state, `${s.received}`, `${s.sheltered}`, `${s.unsheltered}`])
				])
			);
	}

	if (images.length) {
		body.push(heading('The map at key moments', HeadingLevel.HEADING_1));
		for (const img of images) {
			const w = 600;
			const h = Math.round((img.height / img.width) * w);
			body.push(
				new Paragraph({
					children: [
						new ImageRun({
							type: 'png',
							data: img.png,
							transformation: { width: w, height: h },
							altText: { name: img.caption, description: img.caption, title: img.caption }
						})
					]
				}),
				p(img.caption, { italics: true })
			);
		}
	}

	body.push(heading('Analysis of capabilities', HeadingLevel.HEADING_1));
	body.push(
		table([
			['Objective', ...scenario.teams.map((t) => t.name)],
			...sections.map((s) => [
				objectiveName(s.objective),
				...scenario.teams.map((t) => {
					const r = [...s.rated, ...s.unrated].find((x) => x.team === t.id);
					return `${r?.rating?.rating ?? '—'}${r?.percent === null || r?.percent === undefined ? '' : ` (${r.percent}%)`}`;
				})
			])
		])
	);
	for (const s of sections) {
		const o = scenario.objectives.find((x) => x.id === s.objective);
		if (!o) continue;
		body.push(heading(`Objective: ${o.name}`, HeadingLevel.HEADING_2), p(`Core capability: ${o.capability}`, { italics: true }));
		body.push(heading('Strengths', HeadingLevel.HEADING_3));
		const strengths = state.narrative[`strengths:${o.id}`]?.text;
		body.push(...(strengths ? paragraphs(strengths) : [p('None written.', { italics: true })]));
		body.push(heading('Areas for improvement', HeadingLevel.HEADING_3));
		const improvements = state.narrative[`improvements:${o.id}`]?.text;
		body.push(...(improvements ? paragraphs(improvements) : [p('None written.', { italics: true })]));
		body.push(heading('Rating', HeadingLevel.HEADING_3));
		for (const r of s.rated) body.push(p(`${teamName(r.team)}: ${r.rating!.rating} — ${RATING_LABELS[r.rating!.rating]}. ${r.rating!.explanation}`));
		if (s.unrated.length)
			body.push(
				p(
					s.unrated.length === scenario.teams.length
						? 'No team was rated on this objective.'
						: `Not rated: ${s.unrated.map((u) => teamName(u.team)).join(', ')}.`,
					{ italics: true }
				)
			);
	}

	body.push(heading('Improvement plan', HeadingLevel.HEADING_1));
	const items = Object.values(state.improvements);
	body.push(
		table([
			['Capability / objective', 'Issue', 'Corrective action', 'Capability element', 'Responsible organisation', 'Point of contact', 'Start', 'Completion'],
			...(items.length
				? items.map((i) => [
						objectiveName(i.objective),
						i.issue,
						i.correctiveAction,
						i.capabilityElement,
						i.responsibleAgency,
						i.pointOfContact,
						i.startDate,
						i.dueDate
					])
				: [['', 'No improvement items yet.', '', '', '', '', '', '']])
		])
	);

	const decisions = events.filter((e) => e.type === 'decision.submitted' || e.type === 'decision.expired').map((e) => timelineEntry(e, scenario));
	if (decisions.length) {
		body.push(heading('Appendix: decision log', HeadingLevel.HEADING_1));
		body.push(
			table([
				['Time', 'Decision', 'Time taken'],
				...decisions.map((d) => [formatClockMs(d.at), d.text, d.latencyMs === null ? 'missed' : formatDurationMs(d.latencyMs)])
			])
		);
	}

	return new Document({
		title: `AAR/IP — ${state.title}`,
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
								children: [new TextRun({ children: [`${state.title} · AAR/IP · Page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16 })]
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

/** An SVG on the page drawn to PNG at `scale` (its colours are attributes, so it draws the same outside the page). */
async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<{ png: Uint8Array; width: number; height: number }> {
	const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
	const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height;
	const source = new XMLSerializer().serializeToString(svg);
	const url = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const canvas = Object.assign(document.createElement('canvas'), { width: width * scale, height: height * scale });
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('this browser cannot draw images');
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('the map could not be drawn'))), 'image/png'));
		return { png: new Uint8Array(await blob.arrayBuffer()), width, height };
	} finally {
		URL.revokeObjectURL(url);
	}
}

export async function downloadAarDocx(input: Omit<AarInput, 'images' | 'preparedWall'> & { snapshots: SVGSVGElement[] }): Promise<void> {
	const images: AarImage[] = [];
	for (const svg of input.snapshots) {
		const drawn = await svgToPng(svg);
		images.push({ ...drawn, caption: svg.closest('figure')?.querySelector('figcaption')?.textContent ?? svg.getAttribute('aria-label') ?? '' });
	}
	const blob = await Packer.toBlob(aarDocument({ ...input, images, preparedWall: Date.now() }));
	const url = URL.createObjectURL(blob);
	const a = Object.assign(document.createElement('a'), { href: url, download: docxFileName(input.state.title) });
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
