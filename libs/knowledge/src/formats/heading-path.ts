/** The headings above the current place in a document, by level: `Shipping > International`. */
export class HeadingPath {
  private readonly levels: (string | undefined)[] = [];

  /** Enters a heading of `level` (1 to 6) and returns the path it makes, the headings above it included. */
  enter(level: number, heading: string): string {
    this.levels.length = level;
    this.levels[level - 1] = heading.replace(/\s+/g, ' ').trim();
    return this.levels.filter((text): text is string => Boolean(text)).join(' > ');
  }
}
