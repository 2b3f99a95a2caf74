/** A growable sparse vector, reused from case to case. */
export class SparseVector {
  columns = new Int32Array(512);
  values = new Float32Array(512);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  push(column: number, value: number): void {
    if (this.length === this.columns.length) {
      const columns = new Int32Array(this.length * 2);
      const values = new Float32Array(this.length * 2);
      columns.set(this.columns);
      values.set(this.values);
      this.columns = columns;
      this.values = values;
    }
    this.columns[this.length] = column;
    this.values[this.length] = value;
    this.length++;
  }
}
