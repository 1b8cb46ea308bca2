// What extraction hands to the graph: the entities and relations found in one document
// (a PartialGraph), each fact carrying its evidence. Plain data, no behaviour.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "graph/schema.hpp"
#include "graph/shared_string.hpp"

namespace newsgraph {

// Where a fact was read: a sentence of a document. Offsets count Unicode code points
// into the document's text (after UTF-8 repair), so text[start:end] in Python is the sentence.
// The strings are shared (graph/shared_string.hpp): the evidence of every fact read in one
// sentence holds that sentence, its document id and date once between them.
struct Evidence {
    SharedString document;  // document id
    int sentence = 0;       // 0-based sentence number within the document
    std::size_t start = 0, end = 0;
    SharedString text;  // the sentence
    SharedString date;  // the document's date, when it has one (ISO 8601)
    // Read through coreference: the sentence that names who a pronoun or a description of
    // `text` stands for ("Xi and Putin met. They signed ..."), when it is another one.
    SharedString antecedent;

    friend bool operator<(const Evidence& a, const Evidence& b) {
        return a.document != b.document ? a.document < b.document : a.sentence < b.sentence;
    }
    friend bool operator==(const Evidence& a, const Evidence& b) {
        return a.document == b.document && a.sentence == b.sentence;
    }
};

// Metadata of one article; only `id` is always set.
struct DocumentInfo {
    std::string id, title, url, date, source;
    // SHA-256 (hex) of the article's text: how build --update knows an article it already
    // has under another id. Set by the commands that read articles; no export writes it.
    // (Initialised, so that {id, title, url, date, source} need not name it.)
    std::string content_hash = {};
};

// One entity as seen in one document, already resolved within the document.
struct EntityRecord {
    std::string label;  // canonical name ("Xi Jinping")
    EntityType type = EntityType::Person;
    std::map<std::string, int> aliases;  // surface form -> mentions
    int mentions = 0;
    std::map<std::string, std::string> attributes;  // e.g. iso_alpha2, titles
};

// A typed fact between two entities of the same PartialGraph (indices into `entities`).
struct RelationRecord {
    std::size_t source = 0, target = 0;
    Relation relation = Relation::co_mentioned;
    Evidence evidence;
    std::string cameo;        // CAMEO root code of the trigger, when one stated it
    double confidence = 0.0;  // the measured precision of `rule` (0 for co_mentioned)
    std::string rule;         // the construction that found it (data/rule_precision.tsv)
    // Read in page furniture (a byline or credit line: "CNN's Nectar Gan contributed
    // reporting"): provenance of the article, not part of its story.
    bool credit = false;
};

struct PartialGraph {
    DocumentInfo document;
    std::vector<EntityRecord> entities;
    std::vector<RelationRecord> relations;
};

// The stable id of an entity: "person/xi-jinping". Lower-case ASCII slug of the label,
// accents folded, prefixed by the type so that "Georgia" the person and the country differ.
std::string entity_id(EntityType type, const std::string& label);

}  // namespace newsgraph
