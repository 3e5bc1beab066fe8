import { describe, expect, it } from 'vitest';
import { movedCursor, recallPlace, rememberPlace, restoredIndex, spacedRows, withCursorRow } from './queue-grid';

describe('the queue grid', () => {
  it('keeps the cursor inside the list', () => {
    expect(movedCursor(0, -1, 20)).toBe(0);
    expect(movedCursor(18, 1, 20)).toBe(19);
    expect(movedCursor(19, 1, 20)).toBe(19);
    expect(movedCursor(0, 1, 0)).toBe(0);
  });

  it('renders the cursor row with the window wherever it is, in order, and no row twice', () => {
    expect(withCursorRow([40, 41, 42], 3, 500)).toEqual([3, 40, 41, 42]);
    expect(withCursorRow([40, 41, 42], 41, 500)).toEqual([40, 41, 42]);
    expect(withCursorRow([0, 1, 2], 300, 500)).toEqual([0, 1, 2, 300]);
    // A cursor past the end of a list that got shorter is not a row.
    expect(withCursorRow([0, 1], 7, 2)).toEqual([0, 1]);
  });

  it('puts a spacer between the window and a cursor row far from it', () => {
    const rows = spacedRows([
      { index: 3, start: 111, end: 148 },
      { index: 40, start: 1480, end: 1517 },
      { index: 41, start: 1517, end: 1554 },
    ]);
    expect(rows.map((row) => row.spaceBefore)).toEqual([111, 1332, 0]);
  });

  it('finds a remembered case again when it moved, or keeps its index', () => {
    const loaded = [{ id: 9 }, { id: 7 }, { id: 5 }];
    expect(restoredIndex({ index: 1, caseId: 7 }, loaded)).toBe(1);
    // A new case came in above it.
    expect(restoredIndex({ index: 0, caseId: 7 }, loaded)).toBe(1);
    expect(restoredIndex({ index: 2, caseId: 42 }, loaded)).toBe(2);
  });

  it('recalls the place only for the same filters', () => {
    rememberPlace({ filterKey: 'q=Иванова', index: 4, caseId: 12, scrollTop: 80 });
    expect(recallPlace('q=Иванова')).toEqual({ filterKey: 'q=Иванова', index: 4, caseId: 12, scrollTop: 80 });
    expect(recallPlace('')).toBeNull();
  });
});
