/** Tokenizing and parsing of the small POSIX-like shell language kube-sim's shell runs. */

export type WordPart = { text: string; quote: 'none' | 'single' | 'double' };
export type Word = WordPart[];
/** File redirects take a target; `>&2` and `2>&1` duplicate one output into the other. */
export type Redirect = { op: FileRedirect; target: Word } | { op: '>&2' | '2>&1' };
type FileRedirect = '>' | '>>' | '<' | '2>' | '2>>' | '&>';

const fileRedirects = new Set<string>(['>', '>>', '<', '2>', '2>>', '&>', '1>']);
const duplications = new Set<string>(['>&2', '1>&2', '2>&1']);
export interface SimpleCommand { words: Word[]; redirects: Redirect[] }
export type Pipeline = SimpleCommand[];
/** Pipelines joined by `;`, `&&` and `||` (the operator before each pipeline). */
export type CommandList = Array<{ op: ';' | '&&' | '||'; pipeline: Pipeline }>;

type Token = { kind: 'word'; word: Word } | { kind: 'op'; op: string };

export class ShellSyntaxError extends Error {}

function readOperator(line: string, i: number, inWord: boolean): string | undefined {
  const candidates = inWord ? ['&&', '||', '>&2', '&>', '>>'] : ['1>&2', '2>&1', '2>>', '&&', '||', '>&2', '&>', '>>', '2>', '1>'];
  const multi = candidates.find(op => line.startsWith(op, i));
  if (multi) return multi;
  return ';|<>'.includes(line[i]) ? line[i] : undefined;
}

/** Splits a line into words (with their quoting kept for expansion) and operators. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let word: Word | undefined;
  const push = (text: string, quote: WordPart['quote']) => {
    word ??= [];
    word.push({ text, quote });
  };
  const endWord = () => {
    if (word) tokens.push({ kind: 'word', word });
    word = undefined;
  };
  for (let i = 0; i < line.length; ) {
    const c = line[i];
    if (c === '#' && !word) break;
    if (c === ' ' || c === '\t' || c === '\n') {
      endWord();
      i++;
    } else if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) throw new ShellSyntaxError(`Syntax error: Unterminated quoted string`);
      push(c === '"' ? line.slice(i + 1, end).replace(/\\(["\\$`])/g, '$1') : line.slice(i + 1, end), c === '"' ? 'double' : 'single');
      i = end + 1;
    } else if (c === '\\' && i + 1 < line.length) {
      push(line[i + 1], 'single');
      i += 2;
    } else {
      const op = readOperator(line, i, word !== undefined);
      if (op) {
        endWord();
        tokens.push({ kind: 'op', op });
        i += op.length;
      } else {
        let j = i;
        while (j < line.length && !` \t\n'"\\;|&<>`.includes(line[j])) j++;
        if (j === i) j++;
        push(line.slice(i, j), 'none');
        i = j;
      }
    }
  }
  endWord();
  return tokens;
}

/** Parses a line into a command list. */
export function parse(line: string): CommandList {
  const tokens = tokenize(line);
  const list: CommandList = [];
  let op: ';' | '&&' | '||' = ';';
  let pipeline: Pipeline = [];
  let command: SimpleCommand = { words: [], redirects: [] };
  const endCommand = (next: string) => {
    if (command.words.length === 0) throw new ShellSyntaxError(`Syntax error: "${next}" unexpected`);
    pipeline.push(command);
    command = { words: [], redirects: [] };
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'word') {
      command.words.push(token.word);
    } else if (duplications.has(token.op)) {
      command.redirects.push({ op: token.op === '2>&1' ? '2>&1' : '>&2' });
    } else if (fileRedirects.has(token.op)) {
      const target = tokens[++i];
      if (!target || target.kind !== 'word') throw new ShellSyntaxError('Syntax error: newline unexpected');
      command.redirects.push({ op: (token.op === '1>' ? '>' : token.op) as FileRedirect, target: target.word });
    } else if (token.op === '|') {
      endCommand('|');
    } else {
      endCommand(token.op);
      list.push({ op, pipeline });
      pipeline = [];
      op = token.op as ';' | '&&' | '||';
    }
  }
  if (command.words.length) pipeline.push(command);
  if (pipeline.length) list.push({ op, pipeline });
  return list;
}

/** Expands $VAR, ${VAR}, $? and $$ in unquoted and double-quoted parts. */
export function expand(word: Word, vars: (name: string) => string): string {
  return word
    .map(part =>
      part.quote === 'single'
        ? part.text
        : part.text.replace(/\$(\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*)|\?|\$)/g, (_m, _all, braced, plain) =>
            vars(braced ?? plain ?? _m.slice(1)),
          ),
    )
    .join('');
}
