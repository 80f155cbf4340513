// A hash table from non-negative integer keys (below 2^48) to numbers, in typed arrays: the
// language model's counts and memos. Faster than a Map with keys above 2^31, which V8 stores as
// heap numbers, and it makes no garbage.

const EMPTY = -1;

export class NumberTable {
  private keys: Float64Array;
  private values: Float64Array;
  private mask: number;
  private used = 0;

  constructor(entries = 1024) {
    let cap = 16;
    while (cap < entries * 2) cap *= 2;
    this.keys = new Float64Array(cap).fill(EMPTY);
    this.values = new Float64Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.used;
  }

  private slot(key: number): number {
    const lo = key % 0x1000000;
    const hi = (key - lo) / 0x1000000;
    // MurmurHash3's finaliser over both halves: every key bit reaches the low bits the mask keeps.
    let h = lo ^ Math.imul(hi, 0x9e3779b1);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let i = h & this.mask;
    const keys = this.keys;
    while (keys[i] !== EMPTY && keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  /** The value at the key, or `absent` if it has none. */
  lookup(key: number, absent = 0): number {
    const i = this.slot(key);
    return this.keys[i] === EMPTY ? absent : this.values[i]!;
  }

  set(key: number, value: number): void {
    const i = this.slot(key);
    if (this.keys[i] === EMPTY) {
      this.keys[i] = key;
      this.used++;
      this.values[i] = value;
      if (this.used * 2 > this.keys.length) this.grow();
    } else this.values[i] = value;
  }

  add(key: number, n: number): void {
    this.set(key, this.lookup(key) + n);
  }

  /** Calls `each` for every entry. */
  forEach(each: (key: number, value: number) => void): void {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY) each(this.keys[i]!, this.values[i]!);
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2).fill(EMPTY);
    this.values = new Float64Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.used = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) this.set(keys[i]!, values[i]!);
  }
}
