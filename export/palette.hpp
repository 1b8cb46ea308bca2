// The colour of each entity type, shared by every format that colours entities (the drawing,
// GEXF, the report). Okabe-Ito colours halfway to white, so that black text stays legible.
#pragma once

#include <array>
#include <string_view>

#include "graph/schema.hpp"

namespace newsgraph {

struct Colour {
    unsigned char red, green, blue;
    std::string_view hex;  // "#AAD9F4"
};

// Indexed by EntityType.
inline constexpr std::array<Colour, 5> kTypeColours = {{
    {0xAA, 0xD9, 0xF4, "#AAD9F4"},  // Person: sky blue
    {0xF2, 0xCF, 0x80, "#F2CF80"},  // Country: orange
    {0x80, 0xCE, 0xB9, "#80CEB9"},  // Organisation: bluish green
    {0xF7, 0xF1, 0xA0, "#F7F1A0"},  // Agreement: yellow
    {0xE5, 0xBC, 0xD3, "#E5BCD3"},  // Location: reddish purple
}};

inline const Colour& colour_of(EntityType type) {
    return kTypeColours[static_cast<std::size_t>(type)];
}

}  // namespace newsgraph
