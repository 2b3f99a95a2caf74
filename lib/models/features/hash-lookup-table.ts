/**
 * Hashed feature id → column, as an open-addressing table over typed arrays.
 * A JS Map of ~60k numbers costs several times more per lookup, and prediction
 * does a few hundred lookups per case.
 */
export class HashLookupTable {
  private readonly keys: Uint32Array;
  private readonly columns: Int32Array;
  private readonly mask: number;

  constructor(columnIds: Uint32Array) {
    let capacity = 16;
    while (capacity < columnIds.length * 2) capacity *= 2;
    this.keys = new Uint32Array(capacity);
    this.columns = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    for (let column = 0; column < columnIds.length; column++) {
      const id = columnIds[column]!;
      let slot = this.slotOf(id);
      while (this.columns[slot]! >= 0) {
        if (this.keys[slot] === id) throw new Error(`duplicate feature id ${id}`);
        slot = (slot + 1) & this.mask;
      }
      this.keys[slot] = id;
      this.columns[slot] = column;
    }
  }

  private slotOf(id: number): number {
    return (Math.imul(id, 0x9e3779b1) >>> 0) & this.mask;
  }

  /** The column of a feature id, or -1 when the feature has none. */
  get(id: number): number {
    let slot = this.slotOf(id);
    for (;;) {
      const column = this.columns[slot]!;
      if (column < 0 || this.keys[slot] === id) return column;
      slot = (slot + 1) & this.mask;
    }
  }
}
