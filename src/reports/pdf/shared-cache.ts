/**
 * A cache the documents of a process share that keeps for good only what repeats across documents.
 * The method, aid and benchmark texts come back in every report of a batch (in each language met); a
 * firm's own texts (its name, notes, the answers quoted) in its report alone. An entry made for one
 * document is kept with it and the next RECENT - 1 documents; asked for again by one of them, it is
 * kept for the process. So memory stays flat over a batch however many firms it renders, and a text
 * that repeats is still worked out once per process. `limit` bounds what is kept for good (emptied
 * when full, as a last resort).
 *
 * A key may come in two parts, a short scope (font, size, width) and the text itself: a key made by
 * joining them would be a new string to copy and hash at every lookup, and texts run to whole
 * paragraphs, while a text's own hash is computed once and kept by the string.
 */
const RECENT = 8;

type Entries<V> = Map<string, Map<string, V>>;

export class SharedCache<V> {
  private readonly kept: Entries<V> = new Map();
  private keptCount = 0;
  /** The entries made for the last RECENT documents, the current one first. */
  private readonly recent: Entries<V>[] = [];
  private document: object | undefined;

  constructor(private readonly limit: number) {}

  /** The value for `key` (in `scope`), made by `make` unless known; `document` is the one asking. */
  get(document: object, key: string, make: () => V, scope = ''): V {
    if (document !== this.document) {
      this.document = document;
      this.recent.unshift(new Map());
      if (this.recent.length > RECENT) this.recent.pop();
    }
    const current = this.recent[0]!;
    let value = this.kept.get(scope)?.get(key) ?? current.get(scope)?.get(key);
    if (value !== undefined) return value;
    for (let i = 1; i < this.recent.length; i++) {
      value = this.recent[i]!.get(scope)?.get(key);
      if (value !== undefined) {
        // Asked for by a second document: a text that repeats.
        this.keep(key, value, scope);
        return value;
      }
    }
    value = make();
    inner(current, scope).set(key, value);
    return value;
  }

  /** Keeps an entry for good (also one made elsewhere: the build's shipped lines, see shipped-lines.ts). */
  keep(key: string, value: V, scope = ''): void {
    if (this.keptCount >= this.limit) {
      this.kept.clear();
      this.keptCount = 0;
    }
    const entries = inner(this.kept, scope);
    if (!entries.has(key)) this.keptCount++;
    entries.set(key, value);
  }

  /** The entries kept for good, by scope: those a second document asked for (what the build ships). */
  keptEntries(): [scope: string, entries: [key: string, value: V][]][] {
    return [...this.kept].map(([scope, entries]) => [scope, [...entries]]);
  }

  /** Forgets everything (the build, between the languages it records). */
  clear(): void {
    this.kept.clear();
    this.keptCount = 0;
    this.recent.length = 0;
    this.document = undefined;
  }

  /** How many entries are kept for good, and with the last documents (for tests). */
  get sizes(): { kept: number; recent: number } {
    const count = (entries: Entries<V>) => [...entries.values()].reduce((n, m) => n + m.size, 0);
    return { kept: this.keptCount, recent: this.recent.reduce((n, m) => n + count(m), 0) };
  }
}

function inner<V>(entries: Entries<V>, scope: string): Map<string, V> {
  let found = entries.get(scope);
  if (!found) entries.set(scope, (found = new Map()));
  return found;
}
