// Escaping for the text-based report formats. Each function makes any string safe to
// embed in its format; none of them drops characters.
#pragma once

#include <string>
#include <string_view>

namespace aktkoll::report {

// &, <, >, " and ' as entities; control characters other than \t \n \r are dropped (not
// allowed in XML 1.0) — replaced with U+FFFD so nothing disappears silently.
std::string XmlEscape(std::string_view s);
// A CSV field for Excel: quoted when it holds ';', '"', CR or LF, with '"' doubled. A field
// that begins with = + - @ tab or CR gets a leading ' (and quotes), so that no spreadsheet
// evaluates it as a formula (OWASP, "CSV Injection").
std::string CsvField(std::string_view s);
// GitHub Actions workflow commands: data escapes % CR LF; properties also ':' and ','.
std::string GithubData(std::string_view s);
std::string GithubProperty(std::string_view s);
// A relative path as a URI reference (RFC 3986): unreserved characters and '/' kept,
// everything else (spaces, åäö as UTF-8 bytes) percent-encoded.
std::string UriPath(std::string_view path);
// Markdown table cell (GitHub Flavored Markdown): nothing in it is markup. < > & become
// entities, so raw HTML from a record (<img ...>) is shown as text; | \ ` * _ [ ] ~ ! #
// are backslash-escaped; newlines become spaces.
std::string MdCell(std::string_view s);
// The text of a code span in a table cell (`...`): inside one, HTML and emphasis are
// already literal, so only '|' is escaped; a backtick becomes ' and newlines spaces.
std::string MdCode(std::string_view s);

// Appends `s` as a JSON string, exactly as nlohmann_json's dump() writes it with UTF-8 kept
// and invalid UTF-8 replaced by U+FFFD. A string that needs neither escaping nor
// replacement (nearly all) is copied as it is, without building a json value.
void AppendJsonString(std::string* out, std::string_view s);

}  // namespace aktkoll::report
