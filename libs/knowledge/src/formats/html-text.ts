import { compile, type DomNode, type FormatCallback, type SelectorDefinition } from 'html-to-text';
import { oneLine } from './prose-chunks.js';

/** What never reaches the text: code, styling, media, embedded documents, controls and the site's navigation. */
const SKIPPED: SelectorDefinition[] = [
  ...['head', 'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed'],
  ...['img', 'picture', 'video', 'audio', 'button', 'select', 'nav'],
].map((selector) => ({ selector, format: 'skip' }));

const READABLE: SelectorDefinition[] = [
  ...SKIPPED,
  // A link keeps its words; its address only when it leads off the site (a site's own paths mean nothing here).
  {
    selector: 'a',
    options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true, pathRewrite: (href: string) => externalHref(href) },
  },
  { selector: 'table', format: 'rowsTable' },
  { selector: 'ul', options: { itemPrefix: '- ' } },
];

function externalHref(href: string): string {
  return /^(https?:|tel:)/i.test(href) || /^[^/:\s]+@[^/:\s]+$/.test(href) ? href : '';
}

/**
 * A table as one line per row, each cell named by its column's header (`Zone: West coast; Days: 2-3`), so a reader
 * never has to line cells up with a header row; without a header row, cells are joined by ` | `.
 */
const rowsTable: FormatCallback = (table, walk, builder) => {
  const rows: DomNode[] = [];
  const collect = (node: DomNode): void => {
    if (node.name === 'tr') rows.push(node);
    else if (node.name === 'thead' || node.name === 'tbody' || node.name === 'tfoot') node.children.forEach(collect);
  };
  table.children.forEach(collect);
  const cellsOf = (row: DomNode): DomNode[] => row.children.filter((cell) => cell.name === 'td' || cell.name === 'th');
  const firstCells = rows.length > 0 ? cellsOf(rows[0]) : [];
  const hasHeader = firstCells.length > 0 && firstCells.every((cell) => cell.name === 'th');
  builder.openTable();
  for (const row of rows) {
    builder.openTableRow();
    for (const cell of cellsOf(row)) {
      builder.openTableCell();
      walk(cell.children, builder);
      builder.closeTableCell();
    }
    builder.closeTableRow();
  }
  builder.closeTable({
    tableToString: (printed) => {
      const texts = printed.map((cells) => cells.map((cell) => oneLine(cell.text)));
      const header = hasHeader ? texts.shift() : undefined;
      return texts
        .map((cells) => rowText(cells, header))
        .filter(Boolean)
        .join('\n');
    },
  });
};

function rowText(cells: string[], header: string[] | undefined): string {
  if (!header) return cells.filter(Boolean).join(' | ');
  return cells
    .map((cell, at) => (cell && header[at] ? `${header[at]}: ${cell}` : cell))
    .filter(Boolean)
    .join('; ');
}

const FORMATTERS = { rowsTable };

/** Elements nested deeper than real pages ever are (the walk is recursive) are left out, not followed. */
const LIMITS = { maxDepth: 256, ellipsis: '' };

const toText = compile({ wordwrap: false, limits: LIMITS, formatters: FORMATTERS, selectors: READABLE });

/** An HTML fragment (a product's `body_html`, a block in Markdown) as plain text: paragraphs, lists, no tags. */
export function htmlToPlainText(html: string): string {
  return tidy(toText(html));
}

/** Whether a string holds HTML markup rather than text that mentions a `<`. */
export function looksLikeHtml(text: string): boolean {
  return /<(?:[a-z][a-z0-9]*)(?:\s[^<>]*)?\/?>|<\/[a-z][a-z0-9]*>/i.test(text);
}

/** Marks a heading's line as `\0h2\0Heading text`: NUL never occurs in decoded text, which refuses it. */
export const HEADING_MARK = /^\0h([1-6])\0([\s\S]*)$/;

const markHeading: FormatCallback = (elem, walk, builder, formatOptions) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addInline(`\0h${String(formatOptions.level)}\0`, { noWordTransform: true });
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

const HEADINGS: SelectorDefinition[] = [1, 2, 3, 4, 5, 6].map((level) => ({
  selector: `h${level}`,
  format: 'markHeading',
  options: { level },
}));

const toMarkedText = compile({
  wordwrap: false,
  limits: LIMITS,
  formatters: { ...FORMATTERS, markHeading },
  selectors: [...READABLE, ...HEADINGS],
});

/** A page as plain text whose headings are lines matching HEADING_MARK, to be split into sections. */
export function htmlToMarkedText(html: string): string {
  return tidy(toMarkedText(html));
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
