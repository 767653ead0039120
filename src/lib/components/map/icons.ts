/**
 * The map's symbols, drawn in code as signed-distance-field (SDF) images so that one image serves every
 * category colour (MapLibre tints SDF icons with `icon-color` and can give them a halo). Pure: shapes are
 * polygons in a unit square (x right, y down, the bow pointing north), and the image is the exact distance
 * from each pixel to the nearest edge, encoded as MapLibre expects (the edge at alpha 191, TinySDF's cutoff).
 */

/** Points of one closed ring, in [-1, 1] × [-1, 1]. */
type Ring = [number, number][];
/** Rings filled with the even-odd rule (a ring inside another makes a hole). */
export type Shape = Ring[];

export interface IconImage {
	width: number;
	height: number;
	data: Uint8ClampedArray;
}

const circle = (r: number, sides = 28, cx = 0, cy = 0): Ring =>
	Array.from({ length: sides }, (_, i) => [cx + r * Math.sin((2 * Math.PI * i) / sides), cy - r * Math.cos((2 * Math.PI * i) / sides)]);
const scale = (ring: Ring, k: number): Ring => ring.map(([x, y]) => [x * k, y * k]);

const HULL: Ring = [
	[0, -1],
	[0.5, -0.25],
	[0.42, 0.85],
	[-0.42, 0.85],
	[-0.5, -0.25]
];
const PLANE: Ring = [
	[0, -1],
	[0.13, -0.72],
	[0.13, -0.25],
	[0.95, 0.18],
	[0.95, 0.34],
	[0.13, 0.12],
	[0.1, 0.6],
	[0.38, 0.8],
	[0.38, 0.94],
	[0, 0.84],
	[-0.38, 0.94],
	[-0.38, 0.8],
	[-0.1, 0.6],
	[-0.13, 0.12],
	[-0.95, 0.34],
	[-0.95, 0.18],
	[-0.13, -0.25],
	[-0.13, -0.72]
];
const HOUSE: Ring = [
	[0, -0.85],
	[0.85, -0.05],
	[0.6, -0.05],
	[0.6, 0.75],
	[-0.6, 0.75],
	[-0.6, -0.05],
	[-0.85, -0.05]
];
/** A square with a notch cut in its top: a quay. */
const QUAY: Ring = [
	[-0.7, -0.7],
	[-0.2, -0.7],
	[-0.2, -0.25],
	[0.2, -0.25],
	[0.2, -0.7],
	[0.7, -0.7],
	[0.7, 0.7],
	[-0.7, 0.7]
];

/** Every symbol the map uses, by image name. */
export const SHAPES = {
	vessel: [HULL],
	'vessel-still': [circle(0.55)],
	boat: [scale(HULL, 0.75)],
	'boat-still': [scale(circle(0.55), 0.8)],
	aircraft: [PLANE],
	port: [QUAY],
	shelter: [HOUSE],
	storm: [circle(0.95), circle(0.45)],
	dot: [circle(0.32)],
	cluster: [circle(0.95)]
} satisfies Record<string, Shape>;

export type IconName = keyof typeof SHAPES;

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
	const dx = bx - ax;
	const dy = by - ay;
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
	return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Even-odd point-in-shape test. */
export function inside(shape: Shape, x: number, y: number): boolean {
	let odd = false;
	for (const ring of shape)
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i]!;
			const [xj, yj] = ring[j]!;
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
		}
	return odd;
}

/**
 * The SDF image of a shape: `size` pixels square, the shape filling all but `buffer` pixels on each side
 * (room for a halo). Alpha is 191 on the edge, 255 from a third of `buffer` inside, 0 from `buffer` outside.
 */
export function iconImage(shape: Shape, size = 48, buffer = 6): IconImage {
	const data = new Uint8ClampedArray(size * size * 4);
	const half = size / 2 - buffer;
	// TinySDF's scale: alpha reaches 0 exactly `buffer` pixels outside the edge.
	const radius = buffer / 0.75;
	for (let row = 0; row < size; row++)
		for (let col = 0; col < size; col++) {
			// Pixel centre in shape units.
			const x = (col + 0.5 - size / 2) / half;
			const y = (row + 0.5 - size / 2) / half;
			let d = Infinity;
			for (const ring of shape)
				for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
					const [ax, ay] = ring[j]!;
					const [bx, by] = ring[i]!;
					d = Math.min(d, segmentDistance(x, y, ax, ay, bx, by));
				}
			const signedPx = (inside(shape, x, y) ? -d : d) * half;
			const k = (row * size + col) * 4;
			data[k] = data[k + 1] = data[k + 2] = 255;
			data[k + 3] = Math.round(255 - 255 * (signedPx / radius + 0.25));
		}
	return { width: size, height: size, data };
}
