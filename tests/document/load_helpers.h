// Test helpers: load a string and summarise the documents as "doc N: ok" /
// "doc N: error L:C: message" lines (the format of tests/hostile/*.expected).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/loader.h"

namespace aktkoll::document::testing {

inline std::vector<LoadedDocument> Load(std::string_view content, Format format,
                                        const Limits& limits = Limits{}) {
  std::vector<LoadedDocument> docs;
  LoadBuffer("test", content, format, limits, [&](LoadedDocument&& d) { docs.push_back(std::move(d)); });
  return docs;
}

inline std::string Summary(const std::vector<LoadedDocument>& docs) {
  std::string out;
  for (const LoadedDocument& d : docs) {
    out += "doc " + std::to_string(d.index) + ": ";
    if (d.has_error)
      out += "error " + std::to_string(d.error.pos.line) + ":" + std::to_string(d.error.pos.column) +
             ": " + d.error.message;
    else
      out += "ok";
    out += "\n";
  }
  return out;
}

inline std::string Summary(std::string_view content, Format format, const Limits& limits = Limits{}) {
  return Summary(Load(content, format, limits));
}

// The single error line expected for a one-document input.
inline std::string Error(int line, int column, const std::string& message) {
  return "doc 0: error " + std::to_string(line) + ":" + std::to_string(column) + ": " + message + "\n";
}

inline std::string Pos(const Node& n) {
  return std::to_string(n.pos.line) + ":" + std::to_string(n.pos.column);
}

}  // namespace aktkoll::document::testing
