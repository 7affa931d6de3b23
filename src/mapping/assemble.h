// Case assembly: joins the mapped documents of a document-per-type export (a decision, a
// commission, a plan, follow-ups...) into one canonical case per case id (/case_id), so a
// commission in one file and its follow-up in another are checked together.
//
// Only mappings with `assemble` use it, and only they buffer: every mapped (canonical)
// document is kept until all inputs are read, then joined. The export trees themselves are
// dropped as soon as they are mapped. Documents of a base type (assemble.base) start a
// case; the others join the case with their case id. Objects merge key by key, lists are
// concatenated in input order (base documents first), and a scalar given twice with
// different values keeps the first and is reported.
//
// Every node of an assembled case records in Node::source which input it came from, so a
// finding can name that file and document.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/finding.h"
#include "document/node.h"

namespace aktkoll::mapping {

struct Source {
  std::string path;
  int document = 0;  // index of the document within its file
};

struct Piece {
  document::Node root;  // canonical, as Apply made it
  std::string type;     // document type
  bool base = false;    // a base type: starts a case
  Source source;
};

struct AssembledCase {
  document::Node root;
  std::vector<Source> sources;  // Node::source indexes this; sources[0] is a base document
};

// A document that could not be placed, or a conflict while joining, at its source.
struct AssemblyProblem {
  Source source;
  core::Position pos;
  core::Text message;
};

class Assembler {
 public:
  void Add(Piece&& piece);
  // Joins everything added, in order of each case's first base document.
  void Finish(std::vector<AssembledCase>* cases, std::vector<AssemblyProblem>* problems);

 private:
  std::vector<std::string> order_;                 // case ids by first base document
  std::map<std::string, std::vector<Piece>> by_case_;
  std::vector<AssemblyProblem> problems_;
};

}  // namespace aktkoll::mapping
