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
    std::string entity_id;  // within the article, before cross-article folds
};

}  // namespace

int run_annotate(const BuildOptions& options, std::istream& in, std::ostream& out,
                 std::ostream& err) {
    // The entity ids written are those of the final graph, so mentions are held until
    // cross-article resolution has folded "Putin" into "Vladimir Putin".
    std::vector<PendingMention> pending;
    auto sink = [&](const Document& doc, const ExtractedDocument& extracted) {
        for (const MentionRecord& m : extracted.mentions) {
            const EntityRecord& e = extracted.graph.entities[m.entity];
            pending.push_back({doc.info.id, m, entity_id(e.type, e.label)});
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
            auto it = folded.find(p.entity_id);
            const std::string& id = it == folded.end() ? p.entity_id : it->second;
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
            const std::string_view type = to_string(p.mention.type);
            w.String(type.data(), static_cast<rapidjson::SizeType>(type.size()));
            w.Key("entity");
            w.String(id.c_str(), static_cast<rapidjson::SizeType>(id.size()));
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
