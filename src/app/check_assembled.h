// `check --mapping`: applying a mapping inside the check pipeline.
//
// MapDocument maps one loaded export document in place (streaming mappings use it in the
// normal chunked pipeline, document by document). CheckAssembled is the pipeline for
// mappings that assemble cases from several documents: it reads every input, keeps the
// mapped canonical documents (never the export trees) until all are read, joins them by
// case id, checks each case and emits one FileResult per input file, in input order.
// Each finding is filed under the input its node came from.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/check_pipeline.h"
#include "document/node.h"
#include "mapping/mapping.h"
#include "report/model.h"

namespace aktkoll::app {

// Loads --mapping NAME|FILE: a path on disk when it names an existing file (or contains
// '/' or ends in .yaml/.yml), else the built-in rules/mappings/NAME.yaml. Prints the
// diagnostics to stderr and returns nullptr on failure.
std::shared_ptr<const mapping::Mapping> LoadChosenMapping(const std::string& name_or_file);

// Replaces `root` by its canonical mapping; every mapping problem becomes an input-error
// finding at its place in the export. Returns false when the document was not recognised
// (nothing left to check). `type` receives the document type.
bool MapDocument(const mapping::Mapping& m, const std::string& path, int document, document::Node* root,
                 std::vector<core::Finding>* findings, std::string* type = nullptr);

bool CheckAssembled(const std::vector<std::string>& files, const CheckContext& ctx,
                    const std::function<bool(report::FileResult&&)>& emit);

}  // namespace aktkoll::app
