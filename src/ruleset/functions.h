// The functions rule expressions may call beyond CEL's standard library: the domain
// families (dates, personnummer, catalogues, intervals), registered into each pack's own
// registry because the catalogue functions read that pack's vocabularies.
#pragma once

#include <memory>

#include "domain/catalogues.h"
#include "ruleset/loader.h"

namespace aktkoll::ruleset {

// The pack's vocabularies as the domain's catalogue functions read them: each code's
// attributes are its catalogue entry (code, label, attributes...).
std::shared_ptr<const domain::Catalogues> BuildCatalogues(const Pack& pack);

// Standard library aside, the functions every pack gets: all domain families.
RegisterFunctions DefaultFunctions();

}  // namespace aktkoll::ruleset
