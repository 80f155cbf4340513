// A hash table from non-negative integer keys (below 2^48) to numbers, in one typed array: the
// language model's counts and memos. Each key sits next to its value, so a lookup touches one
// cache line; V8's Map keeps keys above 2^31 as heap numbers and is slower for these. A slot holds
// its key plus one, so a fresh (zeroed) array is an empty table with nothing to fill in.

const EMPTY = 0;

export class NumberTable {
  /** Slot i: key at 2i, value at 2i + 1. */
  private slots: Float64Array;
  private mask: number;
  private used = 0;

  constructor(entries = 1024) {
    let cap = 16;
    while (cap < entries * 2) cap *= 2;
    this.slots = new Float64Array(cap * 2);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.used;
  }

  /** The slot of the key, or of the empty place where it would go. */
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
    const slots = this.slots;
    const stored = key + 1;
    for (let k = slots[i * 2]!; k !== EMPTY && k !== stored; k = slots[i * 2]!) i = (i + 1) & this.mask;
    return i;
  }

  /** The value at the key, or `absent` if it has none. */
  lookup(key: number, absent = 0): number {
    const i = this.slot(key) * 2;
    return this.slots[i] === EMPTY ? absent : this.slots[i + 1]!;
  }

  set(key: number, value: number): void {
    const i = this.slot(key) * 2;
    if (this.slots[i] === EMPTY) {
      this.slots[i] = key + 1;
      this.slots[i + 1] = value;
      this.used++;
      if (this.used * 2 > this.mask + 1) this.grow();
    } else this.slots[i + 1] = value;
  }

  add(key: number, n: number): void {
    const i = this.slot(key) * 2;
    if (this.slots[i] === EMPTY) this.set(key, n);
    else this.slots[i + 1]! += n;
  }

  /** Calls `each` for every entry. */
  forEach(each: (key: number, value: number) => void): void {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i += 2) if (slots[i] !== EMPTY) each(slots[i]! - 1, slots[i + 1]!);
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = new Float64Array(cap * 2);
    this.mask = cap - 1;
    this.used = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== EMPTY) this.set(old[i]! - 1, old[i + 1]!);
  }
}
