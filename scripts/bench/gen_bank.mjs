// Writes a big question bank for the load benchmark: every file of assets/questions/ copied COPIES
// times (the original plus COPIES-1 copies): 123 questions become 1,230 with COPIES=10.
// A copy's id is `<id>-copy<k>`, its wordings (question and also_asked_as) start with `Set <k>: `
// (the validator refuses a wording used twice), and its `related` ids point at the same copy
// `<related>-copy<k>`, which exists. Everything else (checks, answers, topics) is unchanged, so the
// bank-wide quality figures keep their proportions and the files pass `make bankcheck`:
//   cargo run -q --example bankcheck -- DIR
// usage: node scripts/bench/gen_bank.mjs DIR [COPIES=10]      (prints the number of questions written)
// Also importable: `generate(dir, copies)` returns the ids written, in file order.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../../assets/questions/', import.meta.url));

/** The strings of a one-line TOML array of strings, `key = ["a", "b"]`, each mapped by `f`. */
function mapArrayLine(line, f) {
  return line.replace(/"((?:[^"\\]|\\.)*)"/g, (_, s) => `"${f(s)}"`);
}

/** One copy (k >= 2) of a bank file's text; the front matter's single-line fields are rewritten. */
export function copyText(text, k) {
  const end = text.indexOf('\n+++', 3);
  if (!text.startsWith('+++') || end < 0) throw new Error('no front matter');
  const front = text.slice(0, end).split('\n').map((line) => {
    if (line.startsWith('question = ')) return line.replace('question = "', `question = "Set ${k}: `);
    if (line.startsWith('also_asked_as = ')) return mapArrayLine(line, (s) => `Set ${k}: ${s}`);
    if (line.startsWith('related = ')) return mapArrayLine(line, (s) => `${s}-copy${k}`);
    return line;
  });
  return front.join('\n') + text.slice(end);
}

export function generate(dir, copies = 10) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(source, 'topics.toml'), join(dir, 'topics.toml'));
  const files = readdirSync(source).filter((f) => f.endsWith('.md')).sort();
  const ids = [];
  for (const f of files) {
    const id = f.replace(/\.md$/, '');
    const text = readFileSync(join(source, f), 'utf8');
    writeFileSync(join(dir, f), text);
    ids.push(id);
    for (let k = 2; k <= copies; k++) {
      writeFileSync(join(dir, `${id}-copy${k}.md`), copyText(text, k));
      ids.push(`${id}-copy${k}`);
    }
  }
  return ids;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/bench/gen_bank.mjs DIR [COPIES=10]');
    process.exit(2);
  }
  const ids = generate(dir, Number(process.argv[3] || 10));
  console.log(`gen_bank: ${ids.length} questions written to ${dir}`);
}
