/** Where in a document something is wrong, as a person would look for it: a line and column, a page, a record. */
export interface DocumentPlace {
  line?: number;
  column?: number;
  page?: number;
  record?: number;
}

/**
 * The document cannot be read as its format says: a JSON syntax error, a CSV row of the wrong width, a PDF that is
 * damaged or holds no text. The message is for the business that uploaded it: it names the format and the place and
 * says what to fix, e.g. `CSV: line 40 has 4 fields where the header has 6`.
 */
export class DocumentFormatError extends Error {
  override readonly name = 'DocumentFormatError';

  constructor(
    message: string,
    readonly where: DocumentPlace = {},
  ) {
    super(message);
  }
}

/** The document yields more chunks than it may; reading stops at the first one too many. */
export class DocumentLimitError extends Error {
  override readonly name = 'DocumentLimitError';

  constructor(readonly limit: number) {
    super(
      `the document holds more than ${limit} records or sections: split it into smaller documents, or leave out what the agent does not need`,
    );
  }
}
