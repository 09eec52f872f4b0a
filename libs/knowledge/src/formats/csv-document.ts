import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { Reading } from './chunk-list.js';
import { DocumentFormatError, DocumentLimitError } from './document-errors.js';
import { recordChunk } from './record-chunk.js';
import { lineBreaks } from './text-position.js';

/**
 * A CSV table: the header row names the fields (trimmed), every other row is one record located by its line in the
 * file (`row 40`, header counted). The delimiter is the header's own: `,`, `;` or a tab. A row of another width, an
 * unclosed quote or a stray one is a DocumentFormatError naming its line. Rows are read one at a time, so a table
 * past the chunk limit stops there.
 */
export function readCsv(text: string, { chunks }: Reading): void {
  let header: string[] | undefined;
  let lastLine = 0;
  try {
    parse(text, {
      delimiter: delimiterOf(text),
      record_delimiter: '\n',
      bom: true,
      relax_quotes: false,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (cells, info) => {
        // csv-parse counts lines to the row's end; a quoted cell may hold line breaks.
        const line = info.lines - cells.reduce((breaks, cell) => breaks + lineBreaks(cell), 0);
        lastLine = info.lines;
        if (cells.every((cell) => !cell.trim())) return null;
        if (!header) {
          header = fieldNames(cells);
          return null;
        }
        if (cells.length !== header.length) {
          throw new DocumentFormatError(
            `CSV: line ${line} has ${cells.length} fields where the header has ${header.length} (a cell holding the delimiter must be in double quotes)`,
            { line },
          );
        }
        const names = header;
        const chunk = recordChunk(Object.fromEntries(names.map((name, at) => [name, cells[at]])), `row ${line}`);
        if (chunk) chunks.add(chunk);
        return null;
      },
    });
  } catch (error) {
    if (error instanceof DocumentFormatError || error instanceof DocumentLimitError) throw error;
    if (error instanceof CsvError) throw csvFormatError(error, text, lastLine);
    throw error;
  }
  if (header && chunks.size === 0) throw new DocumentFormatError('CSV: the file has a header row but no rows under it');
}

/** The delimiter the header row uses most among `,`, `;` and tab, outside quotes; a comma when it uses none. */
export function delimiterOf(text: string): string {
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text.slice(0, 64 * 1024)) {
    if (char === '"') quoted = !quoted;
    else if (char === '\n' && !quoted) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** The header's names, trimmed; a blank one becomes `column N`, a repeated one `name (2)`. */
function fieldNames(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, at) => {
    const name = cell.trim() || `column ${at + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

function csvFormatError(error: CsvError, text: string, lastLine: number): DocumentFormatError {
  const line = typeof error.lines === 'number' ? error.lines : undefined;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      const start = firstFilledLineAfter(text, lastLine);
      return new DocumentFormatError(
        `CSV: the row starting on line ${start} opens a quote that is never closed (a closing " is missing)`,
        { line: start },
      );
    }
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new DocumentFormatError(
        `CSV: line ${line} has text right after a closing quote; a " inside a quoted cell must be doubled ("")`,
        { line },
      );
    case 'INVALID_OPENING_QUOTE':
      return new DocumentFormatError(
        `CSV: line ${line} has a " inside a cell that does not start with one; put the whole cell in double quotes and double the " inside it ("")`,
        { line },
      );
    default:
      return new DocumentFormatError(`CSV: ${error.message}`, line === undefined ? {} : { line });
  }
}

function firstFilledLineAfter(text: string, line: number): number {
  const lines = text.split('\n');
  let at = line;
  while (at < lines.length && !lines[at].trim()) at++;
  return at + 1;
}
