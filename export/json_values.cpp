#include "export/json_values.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "export/text.hpp"

namespace newsgraph {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void put(JsonWriter& json, const std::string& text) {
    const std::string clean = clean_text(text);
    json.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

template <typename Range>
std::string array_of(const Range& values) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartArray();
    for (const std::string& value : values) put(json, value);
    json.EndArray();
    return buffer.GetString();
}

}  // namespace

std::string json_array(const std::vector<std::string>& values) {
    return array_of(values);
}
std::string json_array(const std::set<std::string>& values) {
    return array_of(values);
}

std::string json_counts(const std::map<std::string, int>& counts) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartObject();
    for (const auto& [name, count] : counts) {
        put(json, name);
        json.Int(count);
    }
    json.EndObject();
    return buffer.GetString();
}

std::string json_evidence(const std::vector<Evidence>& evidence) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartArray();
    for (const Evidence& item : evidence) {
        json.StartObject();
        json.Key("document");
        put(json, item.document);
        json.Key("sentence");
        json.Int(item.sentence);
        json.Key("start");
        json.Uint64(item.start);
        json.Key("end");
        json.Uint64(item.end);
        json.Key("text");
        put(json, item.text);
        if (!item.date.empty()) {
            json.Key("date");
            put(json, item.date);
        }
        if (!item.antecedent.empty()) {
            json.Key("antecedent");
            put(json, item.antecedent);
        }
        json.EndObject();
    }
    json.EndArray();
    return buffer.GetString();
}

}  // namespace newsgraph
