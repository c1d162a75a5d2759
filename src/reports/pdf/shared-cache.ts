/**
 * A cache the documents of a process share that keeps for good only what repeats across documents.
 * The method, aid and benchmark texts come back in every report of a batch (in each language met); a
 * firm's own texts (its name, notes, the answers quoted) in its report alone. An entry made for one
 * document is kept with it and the next RECENT - 1 documents; asked for again by one of them, it is
 * kept for the process. So memory stays flat over a batch however many firms it renders, and a text
 * that repeats is still worked out once per process. `limit` bounds what is kept for good (emptied
 * when full, as a last resort).
 */
const RECENT = 8;

export class SharedCache<V> {
  private readonly kept = new Map<string, V>();
  /** The entries made for the last RECENT documents, the current one first. */
  private readonly recent: Map<string, V>[] = [];
  private document: object | undefined;

  constructor(private readonly limit: number) {}

  /** The value for `key`, made by `make` unless known; `document` is the one asking. */
  get(document: object, key: string, make: () => V): V {
    if (document !== this.document) {
      this.document = document;
      this.recent.unshift(new Map());
      if (this.recent.length > RECENT) this.recent.pop();
    }
    const current = this.recent[0]!;
    let value = this.kept.get(key) ?? current.get(key);
    if (value !== undefined) return value;
    for (let i = 1; i < this.recent.length; i++) {
      value = this.recent[i]!.get(key);
      if (value !== undefined) {
        // Asked for by a second document: a text that repeats.
        if (this.kept.size >= this.limit) this.kept.clear();
        this.kept.set(key, value);
        return value;
      }
    }
    value = make();
    current.set(key, value);
    return value;
  }

  /** Keeps an entry for good, made elsewhere (the build's shipped lines, see shipped-lines.ts). */
  keep(key: string, value: V): void {
    if (this.kept.size < this.limit) this.kept.set(key, value);
  }

  /** The entries kept for good: those a second document asked for (what the build ships). */
  keptEntries(): [string, V][] {
    return [...this.kept];
  }

  /** Forgets everything (the build, between the languages it records). */
  clear(): void {
    this.kept.clear();
    this.recent.length = 0;
    this.document = undefined;
  }

  /** How many entries are kept for good, and with the last documents (for tests). */
  get sizes(): { kept: number; recent: number } {
    return { kept: this.kept.size, recent: this.recent.reduce((n, m) => n + m.size, 0) };
  }
}
