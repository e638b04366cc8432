// Facts about the question bank read from the source files, so tests compare the app against the
// bank itself rather than against numbers copied into the test.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../assets/questions/', import.meta.url));
export const questionFiles = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
export const ids = questionFiles.map((f) => f.replace(/\.md$/, ''));

/** The `question = "..."` wording of a bank file. */
export function wording(id) {
  const text = readFileSync(dir + id + '.md', 'utf8');
  const m = text.match(/^question = "((?:[^"\\]|\\.)*)"/m);
  return JSON.parse(`"${m[1]}"`);
}
