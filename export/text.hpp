// Making arbitrary strings safe for the export formats. Names and sentences arrive with
// whatever bytes the articles had; every writer passes them through here so that each
// format stays valid UTF-8 and parseable by strict consumers.
#pragma once

#include <string>
#include <string_view>

namespace newsgraph {

// `text` as valid UTF-8 holding only characters XML 1.0 allows: invalid byte sequences,
// control characters other than tab, newline and carriage return, and U+FFFE/U+FFFF each
// become U+FFFD. XML is the strictest of our formats, so one rule serves them all.
std::string clean_text(std::string_view text);

// clean_text() escaped for XML element content and attribute values alike: &, <, >, " and '
// as entities, and tab, newline and carriage return as character references so that
// attribute-value normalisation and line-end handling cannot change them.
std::string xml_escape(std::string_view text);

// The YYYY-MM-DD part of an ISO 8601 date, empty when `date` does not start with one: the
// only form GEXF's timeformat="date" and a Neo4j date property accept.
std::string calendar_date(const std::string& date);

}  // namespace newsgraph
