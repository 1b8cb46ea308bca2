#include "export/manifest.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include "export/sha256.hpp"

namespace newsgraph {

std::string manifest_run_id(const std::vector<ManifestEntry>& files) {
    Sha256 hash;
    for (const ManifestEntry& file : files) hash.update(file.sha256 + "  " + file.path + "\n");
    return hash.hex_digest();
}

void write_manifest(std::ostream& out, const std::vector<ManifestEntry>& files,
                    const RunSummary& run) {
    rapidjson::OStreamWrapper stream(out);
    rapidjson::PrettyWriter<rapidjson::OStreamWrapper> json(stream);
    json.SetIndent(' ', 2);
    auto put = [&json](const std::string& text) {
        json.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    };
    json.StartObject();
    json.Key("run_id");
    put(manifest_run_id(files));
    json.Key("newsgraph_version");
    put(run.version);
    json.Key("inputs");
    json.Uint64(run.inputs);
    json.Key("articles");
    json.Uint64(run.articles);
    json.Key("files");
    json.StartArray();
    for (const ManifestEntry& file : files) {
        json.StartObject();
        json.Key("path");
        put(file.path);
        json.Key("bytes");
        json.Uint64(file.bytes);
        json.Key("sha256");
        put(file.sha256);
        json.EndObject();
    }
    json.EndArray();
    json.EndObject();
    out << '\n';
}

}  // namespace newsgraph
