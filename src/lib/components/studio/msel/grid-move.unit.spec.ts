import { describe, expect, it } from 'vitest';
import { gridMove } from './grid-move';

describe('grid focus moves', () => {
	const at = { row: 2, col: 3 };
	it('moves one cell with the arrows, staying inside the grid', () => {
		expect(gridMove('ArrowUp', false, at, 5, 6)).toEqual({ row: 1, col: 3 });
		expect(gridMove('ArrowDown', false, at, 5, 6)).toEqual({ row: 3, col: 3 });
		expect(gridMove('ArrowLeft', false, at, 5, 6)).toEqual({ row: 2, col: 2 });
		expect(gridMove('ArrowRight', false, at, 5, 6)).toEqual({ row: 2, col: 4 });
		expect(gridMove('ArrowRight', false, { row: 0, col: 5 }, 5, 6)).toEqual({ row: 0, col: 5 });
		expect(gridMove('ArrowUp', false, { row: 0, col: 0 }, 5, 6)).toEqual({ row: 0, col: 0 });
	});
	it('goes to the ends of the row, or of the grid with Ctrl, and a page at a time', () => {
		expect(gridMove('Home', false, at, 5, 6)).toEqual({ row: 2, col: 0 });
		expect(gridMove('End', false, at, 5, 6)).toEqual({ row: 2, col: 5 });
		expect(gridMove('Home', true, at, 5, 6)).toEqual({ row: 0, col: 0 });
		expect(gridMove('End', true, at, 5, 6)).toEqual({ row: 4, col: 5 });
		expect(gridMove('PageDown', false, at, 50, 6)).toEqual({ row: 12, col: 3 });
		expect(gridMove('PageUp', false, at, 50, 6)).toEqual({ row: 0, col: 3 });
	});
	it('leaves other keys alone', () => {
		expect(gridMove('Enter', false, at, 5, 6)).toBeNull();
		expect(gridMove('Tab', false, at, 5, 6)).toBeNull();
		expect(gridMove('ArrowUp', false, at, 0, 6)).toBeNull();
	});
});
