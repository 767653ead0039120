/**
 * Where a key moves the focus in a grid of cells (pure), as the ARIA grid pattern has it: arrows one cell, Home and
 * End the first and last cell of the row (with Ctrl, of the grid), Page Up and Page Down a page of rows. Null when
 * the key does not move the focus (the grid lets it do what it does elsewhere).
 */
export interface GridPosition {
	row: number;
	col: number;
}

export function gridMove(key: string, ctrl: boolean, at: GridPosition, rows: number, cols: number, page = 10): GridPosition | null {
	if (rows <= 0 || cols <= 0) return null;
	const clamp = (row: number, col: number): GridPosition => ({ row: Math.min(rows - 1, Math.max(0, row)), col: Math.min(cols - 1, Math.max(0, col)) });
	switch (key) {
		case 'ArrowUp':
			return clamp(at.row - 1, at.col);
		case 'ArrowDown':
			return clamp(at.row + 1, at.col);
		case 'ArrowLeft':
			return clamp(at.row, at.col - 1);
		case 'ArrowRight':
			return clamp(at.row, at.col + 1);
		case 'Home':
			return ctrl ? clamp(0, 0) : clamp(at.row, 0);
		case 'End':
			return ctrl ? clamp(rows - 1, cols - 1) : clamp(at.row, cols - 1);
		case 'PageUp':
			return clamp(at.row - page, at.col);
		case 'PageDown':
			return clamp(at.row + page, at.col);
		default:
			return null;
	}
}
