/** The symbol shapes as SVG path data (for the legend), from the same polygons the map's images are drawn from. */
import { SHAPES, type IconName } from './icons';

export const SHAPE_PATHS = Object.fromEntries(
	Object.entries(SHAPES).map(([name, shape]) => [name, shape.map((ring) => `M${ring.map(([x, y]) => `${x.toFixed(3)},${y.toFixed(3)}`).join('L')}Z`).join('')])
) as Record<IconName, string>;
