/** Training cases as compressed sparse rows: row i spans [rowStart[i], rowStart[i + 1]). */
export interface SparseRows {
  rowCount: number;
  columnCount: number;
  rowStart: Int32Array;
  columns: Int32Array;
  values: Float32Array;
}
