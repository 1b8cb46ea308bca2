#include "src/cli/annotate_command.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include <map>
#include <ostream>

#include "export/atomic_file.hpp"
#include "src/cli/corpus.hpp"

namespace newsgraph {
namespace {

struct PendingMention {
    std::string document;
    MentionRecord mention;
    std::vector<std::string> entity_ids;  // within the article, before cross-article folds
};

const char* kind_name(MentionKind kind) {
    switch (kind) {
        case MentionKind::Name:
            return "name";
        case MentionKind::Pronoun:
            return "pronoun";
        case MentionKind::Description:
            return "description";
    }
    return "name";
}

}  // namespace

int run_annotate(const BuildOptions& options, std::istream& in, std::ostream& out,
                 std::ostream& err) {
    // The entity ids written are those of the final graph, so mentions are held until
    // cross-article resolution has folded "Putin" into "Vladimir Putin".
    std::vector<PendingMention> pending;
    auto sink = [&](const Document& doc, const ExtractedDocument& extracted) {
        for (const MentionRecord& m : extracted.mentions) {
            std::vector<std::string> ids;
            for (std::size_t i = 0; i <= m.others.size(); ++i) {
                const EntityRecord& e =
                    extracted.graph.entities[i == 0 ? m.entity : m.others[i - 1]];
                ids.push_back(entity_id(e.type, e.label));
            }
            pending.push_back({doc.info.id, m, std::move(ids)});
        }
    };
    Progress progress(err, options.progress);
    std::optional<Corpus> corpus = build_corpus(options, in, err, progress, sink);
    progress.clear();
    if (!corpus) return 2;
    std::map<std::string, std::string> folded;
    for (const Fold& f : corpus->folds) folded[f.from] = f.into;

    auto write = [&](std::ostream& stream) {
        rapidjson::OStreamWrapper wrapper(stream);
        for (const PendingMention& p : pending) {
            rapidjson::Writer<rapidjson::OStreamWrapper> w(wrapper);
            auto final_id = [&](const std::string& id) -> const std::string& {
                auto it = folded.find(id);
                return it == folded.end() ? id : it->second;
            };
            const std::string& id = final_id(p.entity_ids[0]);
            w.StartObject();
            w.Key("document");
            w.String(p.document.c_str(), static_cast<rapidjson::SizeType>(p.document.size()));
            w.Key("start");
            w.Uint64(p.mention.start);
            w.Key("end");
            w.Uint64(p.mention.end);
            w.Key("text");
            w.String(p.mention.text.c_str(),
                     static_cast<rapidjson::SizeType>(p.mention.text.size()));
            w.Key("type");
            // A name folded into another type's entity across articles ("Lib Dems", taken
            // for a person, into the Liberal Democrats) takes that entity's type.
            EntityType mention_type = p.mention.type;
            if (id != p.entity_ids[0])
                if (const auto v = corpus->graph.find(id))
                    mention_type = corpus->graph.graph()[*v].type;
            const std::string_view type = to_string(mention_type);
            w.String(type.data(), static_cast<rapidjson::SizeType>(type.size()));
            w.Key("entity");
            w.String(id.c_str(), static_cast<rapidjson::SizeType>(id.size()));
            w.Key("kind");
            w.String(kind_name(p.mention.kind));
            // "they", "the two leaders": every entity of the list, the first as `entity`.
            if (p.entity_ids.size() > 1) {
                w.Key("entities");
                w.StartArray();
                for (const std::string& each : p.entity_ids) {
                    const std::string& folded_id = final_id(each);
                    w.String(folded_id.c_str(), static_cast<rapidjson::SizeType>(folded_id.size()));
                }
                w.EndArray();
            }
            w.EndObject();
            wrapper.Put('\n');
        }
        wrapper.Flush();
    };
    if (options.output_dir.empty()) {
        write(out);
    } else {
        try {
            AtomicFile file(options.output_dir);
            write(file.stream());
            file.commit();
        } catch (const std::exception& e) {
            err << "newsgraph: " << e.what() << '\n';
            return 2;
        }
    }
    return corpus->problems == 0 ? 0 : 1;
}

}  // namespace newsgraph
