/** How many line breaks the text holds between `from` and `to`. */
export function lineBreaks(text: string, from = 0, to = text.length): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** The 1-based line and column of a character index, as an editor shows them. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return { line: lineBreaks(text, 0, index) + 1, column: index - lineStart + 1 };
}
