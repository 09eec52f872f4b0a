import { Lexer, type Token, type Tokens } from 'marked';
import type { Reading } from './chunk-list.js';
import { DocumentFormatError } from './document-errors.js';
import { HeadingPath } from './heading-path.js';
import { htmlToPlainText } from './html-text.js';
import { type ProseBlock, sectionChunks } from './prose-chunks.js';
import { lineBreaks } from './text-position.js';

/**
 * A Markdown document, split by its headings as marked's lexer reads them: each section titled by its heading path
 * (`Shipping > International`) and holding the text under it with the markup removed (lists as `- item` lines,
 * tables as `column: cell` lines), located at the line each of its chunks starts on. Text before the first heading
 * is titled by the document's name.
 */
export function readMarkdown(text: string, { title, chunks }: Reading): void {
  const source = withoutFrontMatter(text);
  checkNesting(source);
  const path = new HeadingPath();
  let section = { title, blocks: [] as ProseBlock[] };
  let offset = 0;
  let line = 1;
  for (const token of new Lexer({ gfm: true }).lex(source)) {
    const at = source.startsWith(token.raw, offset) ? offset : source.indexOf(token.raw, offset);
    if (at >= 0) {
      line += lineBreaks(source, offset, at);
      offset = at;
    }
    const start = line;
    line += lineBreaks(token.raw);
    offset += token.raw.length;
    const heading = token.type === 'heading' ? inlineText(token.tokens ?? []) : undefined;
    if (heading) {
      chunks.addAll(sectionChunks(section.title, section.blocks));
      section = { title: path.enter((token as Tokens.Heading).depth, heading), blocks: [] };
      continue;
    }
    const block = blockText(token).trim();
    if (block) section.blocks.push({ text: block, location: `line ${start}` });
  }
  chunks.addAll(sectionChunks(section.title, section.blocks));
}

/** Indentation and quote marks past this many characters mean lists or quotes nested deeper than any document's. */
const MAX_NESTING = 256;

/** marked reads each level of a nested list or quote again (and recursively): absurd nesting would exhaust it. */
function checkNesting(source: string): void {
  let line = 1;
  for (let start = 0; start < source.length; line++) {
    const end = source.indexOf('\n', start);
    const stop = end < 0 ? source.length : end;
    let at = start;
    while (at < stop && (source[at] === ' ' || source[at] === '\t' || source[at] === '>')) at++;
    if (at - start > MAX_NESTING) {
      throw new DocumentFormatError(`Markdown: line ${line} is nested too deeply (indented or quoted) to be read`, {
        line,
      });
    }
    start = stop + 1;
  }
}

/** YAML front matter (`---` lines around metadata) is not the document's text; its lines stay, blank, for counting. */
function withoutFrontMatter(text: string): string {
  const end = /^---\n[\s\S]*?\n(?:---|\.\.\.)(?:\n|$)/.exec(text);
  return end ? end[0].replace(/[^\n]/g, '') + text.slice(end[0].length) : text;
}

function blockText(token: Token): string {
  switch (token.type) {
    case 'paragraph':
    case 'text':
    case 'heading':
      return token.tokens ? inlineText(token.tokens) : decodeEntities(token.text as string);
    case 'list':
      return listText(token as Tokens.List, '');
    case 'table':
      return tableText(token as Tokens.Table);
    case 'code':
      return token.text as string;
    case 'blockquote':
      return (token.tokens ?? []).map(blockText).filter(Boolean).join('\n\n');
    case 'html':
      return htmlToPlainText(token.text as string);
    case 'checkbox':
      return (token as Tokens.Checkbox).checked ? '[x]' : '[ ]';
    default:
      return '';
  }
}

function listText(list: Tokens.List, indent: string): string {
  const start = typeof list.start === 'number' ? list.start : 1;
  return list.items
    .map((item, at) => {
      const marker = list.ordered ? `${start + at}. ` : '- ';
      const own: string[] = [];
      const nested: string[] = [];
      for (const token of item.tokens) {
        if (token.type === 'list') nested.push(listText(token as Tokens.List, `${indent}  `));
        else own.push(blockText(token));
      }
      const line = `${indent}${marker}${own.filter(Boolean).join(' ').replace(/\n+/g, ' ')}`;
      return [line, ...nested].join('\n');
    })
    .join('\n');
}

/** Each row as `column: cell; column: cell`, so a reader never has to line cells up with a header. */
function tableText(table: Tokens.Table): string {
  const header = table.header.map((cell) => inlineText(cell.tokens));
  return table.rows
    .map((row) =>
      row
        .map((cell, at) => [header[at], inlineText(cell.tokens)])
        .filter(([, text]) => text)
        .map(([name, text]) => (name ? `${name}: ${text}` : text))
        .join('; '),
    )
    .filter(Boolean)
    .join('\n');
}

function inlineText(tokens: Token[]): string {
  return tokens
    .map(inlineToken)
    .join('')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case 'text':
      return token.tokens ? inlineText(token.tokens) : decodeEntities(token.text as string);
    case 'escape':
    case 'codespan':
      return decodeEntities(token.text as string);
    case 'strong':
    case 'em':
    case 'del':
      return inlineText(token.tokens ?? []);
    case 'link': {
      const label = inlineText(token.tokens ?? []);
      const href = (token as Tokens.Link).href;
      return /^(https?:|mailto:|tel:)/i.test(href) && href !== label && `mailto:${label}` !== href
        ? `${label} [${href.replace(/^mailto:/i, '')}]`
        : label;
    }
    case 'br':
      return '\n';
    case 'checkbox':
      return (token as Tokens.Checkbox).checked ? '[x] ' : '[ ] ';
    default:
      return '';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Markdown keeps HTML character references as written; the few a text would use are read here. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (reference, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? reference;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
  });
}
