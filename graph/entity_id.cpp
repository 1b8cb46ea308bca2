#include <cstdint>

#include "graph/facts.hpp"

namespace newsgraph {
namespace {

// Folds the Latin-1 Supplement and Latin Extended-A letters that news names use most
// ("Zelenskyy", "Erdoğan", "Müller") to ASCII; anything else non-ASCII becomes a separator.
char fold_latin(std::uint32_t cp) {
    static const char* kLatin1 =  // U+00C0..U+00FF
        "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
        "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
    if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
    static const char* kExtendedA =  // U+0100..U+017F, upper and lower case in turn
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
        "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    if (cp >= 0x100 && cp <= 0x17F) return kExtendedA[cp - 0x100];
    return '-';
}

}  // namespace

std::string entity_id(EntityType type, const std::string& label) {
    std::string slug;
    auto push = [&](char c) {
        if (c == '-') {
            if (!slug.empty() && slug.back() != '-') slug += '-';
        } else {
            slug += c;
        }
    };
    for (std::size_t i = 0; i < label.size();) {
        unsigned char c = static_cast<unsigned char>(label[i]);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z')
                push(static_cast<char>(c - 'A' + 'a'));
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                push(static_cast<char>(c));
            else if (c != '\'' && c != '.')
                push('-');  // "U.S." -> "us", "O'Brien" -> "obrien"
            ++i;
            continue;
        }
        int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        std::uint32_t cp = len == 1 ? c : c & (0x3F >> (len - 1));
        for (int k = 1; k < len && i + k < label.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(label[i + k]) & 0x3F);
        if (cp == 0x2019) {  // right single quote as apostrophe
        } else {
            push(fold_latin(cp));
        }
        i += static_cast<std::size_t>(len);
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.empty()) slug = "unnamed";
    std::string id(to_string(type));
    for (char& ch : id) ch = static_cast<char>(ch | 0x20);  // ASCII lower-case
    return id + "/" + slug;
}

}  // namespace newsgraph
