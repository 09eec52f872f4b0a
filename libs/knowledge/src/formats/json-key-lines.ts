/**
 * The line each object key of a valid JSON text is on, by its key path (`["returns","damaged"]` as JSON), down to
 * `maxDepth` nested objects; keys inside arrays are left out. JSON.parse forgets where things were; a person
 * fixing a policy wants the line.
 */
export function jsonKeyLines(text: string, maxDepth: number): Map<string, number> {
  const lines = new Map<string, number>();
  const open: ('{' | '[')[] = [];
  const path: string[] = [];
  let line = 1;
  let keyNext = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '\n') line++;
    else if (char === '"') {
      const end = closingQuote(text, at);
      const inObjectsOnly = open.length <= maxDepth && !open.includes('[');
      if (keyNext && inObjectsOnly) {
        path.length = open.length - 1;
        path.push(JSON.parse(text.slice(at, end + 1)) as string);
        const key = JSON.stringify(path);
        if (!lines.has(key)) lines.set(key, line);
      }
      keyNext = false;
      at = end;
    } else if (char === '{' || char === '[') {
      open.push(char);
      keyNext = char === '{';
    } else if (char === '}' || char === ']') {
      open.pop();
    } else if (char === ',') {
      keyNext = open.at(-1) === '{';
    }
  }
  return lines;
}

function closingQuote(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === '"') return at;
  }
  return text.length - 1;
}
