// The language's operators on values: arithmetic with overflow checks, ordering, 'in',
// indexing and field selection. Shared by the evaluator; each returns a value or an Error
// whose message is in the requested language.
#pragma once

#include <string_view>

#include "expr/ast.h"
#include "expr/result.h"
#include "expr/value.h"

namespace aktkoll::expr::internal {

Result<Value> ApplyBinary(BinOp op, const Value& a, const Value& b, Lang lang,
                          size_t max_collection_size);
Result<Value> ApplyNegate(const Value& v, Lang lang);
Result<Value> ApplyIndex(const Value& container, const Value& index, Lang lang);
// m.field, or has(m.field) when test_only.
Result<Value> ApplySelect(const Value& operand, std::string_view field, bool test_only, Lang lang);

Error NoOverload(std::string_view op, const Value& a, const Value* b, Lang lang);
Error NoSuchKey(const Value& key, Lang lang);
// Map lookup with CEL's key rules (an integral double finds an int key).
std::optional<Value> MapLookup(const MapValue& map, const Value& key);
bool IsValidMapKey(const Value& key);

}  // namespace aktkoll::expr::internal
