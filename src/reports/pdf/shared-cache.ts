/**
 * A cache the documents of a process share that keeps for good only what repeats across documents.
 * The method, aid and benchmark texts come back in every report of a batch; a firm's own texts (its
 * name, notes, the answers quoted) in its report alone. An entry made for one document is kept with
 * that document and the next two; found again by one of them, it is kept for the process. So memory
 * stays flat over a batch however many firms it renders, and a text that repeats is still worked out
 * once per process. `limit` bounds what is kept for good (emptied when full, as a last resort).
 */
export class SharedCache<V> {
  private readonly kept = new Map<string, V>();
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  private older = new Map<string, V>();
  private document: object | undefined;

  constructor(private readonly limit: number) {}

  /** The value for `key`, made by `make` unless known; `document` is the one asking. */
  get(document: object, key: string, make: () => V): V {
    if (document !== this.document) {
      this.document = document;
      this.older = this.previous;
      this.previous = this.current;
      this.current = new Map();
    }
    let value = this.kept.get(key) ?? this.current.get(key);
    if (value !== undefined) return value;
    value = this.previous.get(key) ?? this.older.get(key);
    if (value !== undefined) {
      // Asked for by a second document: a text that repeats.
      if (this.kept.size >= this.limit) this.kept.clear();
      this.kept.set(key, value);
      return value;
    }
    value = make();
    this.current.set(key, value);
    return value;
  }

  /** How many entries are kept for good, and with the last three documents (for tests). */
  get sizes(): { kept: number; recent: number } {
    return { kept: this.kept.size, recent: this.current.size + this.previous.size + this.older.size };
  }
}
