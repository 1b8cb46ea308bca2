// CoNLL-U (https://universaldependencies.org/format.html), the text form of ParsedSentence:
// what the trainer reads, and what `newsgraph annotate` can write for a human or another tool
// to check. Reading then writing a well-formed file gives the same bytes back, so a file can
// be checked by diffing it.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "src/ingest/document.hpp"
#include "src/nlp/sentence.hpp"

namespace newsgraph::nlp {

// Every sentence of the stream. Words get begin = end = kNoOffset (a treebank has no article
// text) and space_after from MISC's SpaceAfter=No (for the words of a multiword token, from the
// token's line: no space inside it). Throws std::runtime_error "ORIGIN:LINE: what is wrong" on
// malformed input: a column count other than 10, an id out of sequence, a head that is not a
// number or points past the sentence, a multiword range past its words, an empty column.
std::vector<ParsedSentence> read_conllu(std::istream& in, const std::string& origin);

// One sentence and the blank line that ends it. Comments go out as "newdoc" ones, sent_id,
// the others, then text (the order UD treebanks use). Unset fields print "_" (head -1, empty
// deprel or lemma). MISC keeps what it had, with SpaceAfter=No made to agree with space_after
// (on the multiword token's line for its words). With `offsets` (an index of the text the
// words' byte offsets point into), every word and multiword token that has offsets also gets
// TokenRange=START:END in code points, END exclusive, as UDPipe writes it.
void write_conllu(std::ostream& out, const ParsedSentence& sentence,
                  const newsgraph::CodePointIndex* offsets = nullptr);

}  // namespace newsgraph::nlp
