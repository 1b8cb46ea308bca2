// Within-article resolution: which mentions name the same entity ("Xi", "Mr. Xi" and
// "Chinese President Xi Jinping"; "ICC" and "International Criminal Court").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "graph/facts.hpp"
#include "src/extract/lexicon.hpp"
#include "src/extract/mentions.hpp"

namespace newsgraph {

struct ResolvedMentions {
    std::vector<EntityRecord> entities;
    // For each mention, the entity it names; nullopt for a mention that was dropped
    // (a lone capitalised word that named no one the article introduced).
    std::vector<std::optional<std::size_t>> entity_of;
};

class EntityResolver {
  public:
    EntityResolver() = default;
    // With the lexicon, an organisation's first word written in capitals that is an English
    // word ("VICE", not "BBC") names it alone: "VICE" is the article's "VICE World News".
    explicit EntityResolver(const Lexicon& lexicon) : lexicon_(&lexicon) {}

    ResolvedMentions resolve(const std::vector<Mention>& mentions) const;

  private:
    const Lexicon* lexicon_ = nullptr;
};

// The form of a name used to compare mentions: straight quotes and apostrophes, single
// spaces, no leading "the".
std::string name_key(const std::string& surface);

}  // namespace newsgraph
