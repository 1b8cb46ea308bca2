// Reads a Cypher script with Neo4j's own parser and semantic checker (the npm package
// @neo4j-cypher/language-support, behind Neo4j's editors), as cypher-shell would split it.
//   node lint_cypher.cjs FILE.cypher
// Prints the number of statements; exits 1 listing every error or warning, with its line.
'use strict';
const fs = require('fs');
const { lintCypherQuery, parseStatementsStrs } = require('@neo4j-cypher/language-support');

const text = fs.readFileSync(process.argv[2], 'utf8');
const { diagnostics } = lintCypherQuery(text, {});
const statements = parseStatementsStrs(text).filter((s) => s.trim().replace(/^\/\/.*$/gm, '').trim());
if (diagnostics.length) {
  for (const d of diagnostics)
    console.error(`line ${d.range.start.line + 1}: ${d.severity === 1 ? 'error' : 'warning'}: ${d.message}`);
  process.exit(1);
}
console.log(statements.length);
