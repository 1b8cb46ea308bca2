// The compromise peer (npm `compromise`, a rule-based NLP library in JavaScript): the same job
// as `newsgraph build -f graphml` at its simplest, for bench/run.py to time beside it. For every
// .txt file under DIR: people, places and organisations per sentence, and a co-mention edge
// for every pair in a sentence; writes the node and edge counts as JSON to stdout.
//   node bench/peer_compromise.mjs DIR   (bench/run.py --peer installs compromise first)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const loaded = require(process.env.COMPROMISE_PATH || "compromise");
const nlp = loaded.default || loaded;

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (name.endsWith(".txt")) yield path;
  }
}

const nodes = new Map();
const edges = new Map();
for (const path of files(process.argv[2])) {
  const doc = nlp(readFileSync(path, "utf8"));
  for (const sentence of doc.sentences().json()) {
    const s = nlp(sentence.text);
    const names = [
      ...s.people().out("array").map((n) => "person/" + n),
      ...s.places().out("array").map((n) => "place/" + n),
      ...s.organizations().out("array").map((n) => "org/" + n),
    ];
    for (const n of names) nodes.set(n, (nodes.get(n) || 0) + 1);
    for (let i = 0; i < names.length; ++i)
      for (let j = i + 1; j < names.length; ++j) {
        const key = names[i] < names[j] ? names[i] + "|" + names[j] : names[j] + "|" + names[i];
        edges.set(key, (edges.get(key) || 0) + 1);
      }
  }
}
console.log(JSON.stringify({ nodes: nodes.size, edges: edges.size }));
