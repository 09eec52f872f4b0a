/** A lexeme of the message and how many of the agent's current chunks hold it. */
export interface LexemeCount {
  lexeme: string;
  chunks: number;
}

export interface LexemeChoice {
  /** Every lexeme of the message that some chunk holds, except those in most chunks: what ranks the candidates. */
  all: string[];
  /** The rarest of them, as many as keep the chunks holding any of them within the cap: the wide candidate search. */
  rare: string[];
}

/** A word in more than this share of the chunks says nothing about which one is meant ("bedding" in a bedding shop). */
const COMMON_SHARE = 0.5;

/**
 * Weighs the message's words by how many chunks hold them, which Postgres's ranking does not: the rare ones name what
 * is asked, the common ones would make every chunk a candidate.
 */
export function chooseLexemes(counts: readonly LexemeCount[], totalChunks: number, cap: number): LexemeChoice {
  const known = counts
    .filter((c) => c.chunks > 0)
    .sort((a, b) => a.chunks - b.chunks || (a.lexeme < b.lexeme ? -1 : 1));
  const telling = known.filter((c, i) => i === 0 || c.chunks <= totalChunks * COMMON_SHARE);
  const rare: string[] = [];
  let covered = 0;
  for (const { lexeme, chunks } of telling) {
    if (rare.length > 0 && covered + chunks > cap) break;
    rare.push(lexeme);
    covered += chunks;
  }
  return { all: telling.map((c) => c.lexeme), rare };
}

/** A tsquery matching any of the lexemes, each quoted so nothing in it is read as an operator. */
export function orQuery(lexemes: readonly string[]): string {
  return lexemes.map(quoted).join(' | ');
}

export function andQuery(lexemes: readonly string[]): string {
  return lexemes.map(quoted).join(' & ');
}

/** A tsquery matching chunks that hold at least two of the lexemes (the first eight), as an OR of pairs. */
export function atLeastTwoQuery(lexemes: readonly string[]): string {
  const some = lexemes.slice(0, 8);
  const pairs: string[] = [];
  for (let i = 0; i < some.length; i++)
    for (let j = i + 1; j < some.length; j++) pairs.push(`(${quoted(some[i]!)} & ${quoted(some[j]!)})`);
  return pairs.join(' | ');
}

function quoted(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
