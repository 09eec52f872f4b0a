/** The answer format ElizaOS's message service parses out of a model's text. */
export function responseXml(answer: { thought: string; actions: string[]; text: string }): string {
  // The parser reads raw text between tags: angle brackets inside would cut the reply short.
  const clean = (value: string) => value.replace(/[<>]/g, '');
  return [
    '<response>',
    `<thought>${clean(answer.thought)}</thought>`,
    `<actions>${answer.actions.join(',')}</actions>`,
    '<providers></providers>',
    `<text>${clean(answer.text)}</text>`,
    '</response>',
  ].join('\n');
}
