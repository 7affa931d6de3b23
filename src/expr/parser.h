// Parser: tokens to syntax tree, recursive descent with CEL's precedence
// (?: < || < && < relations and 'in' < + - < * / % < unary < member access).
// Macros (has, all, exists, exists_one/existsOne, map, filter, transformList,
// transformMap) are recognised here and become dedicated nodes.
//
// The nesting depth is bounded while parsing, so neither the parser nor the later tree
// walks can exhaust the stack: the first node deeper than max_depth is an error.
#pragma once

#include <string>
#include <string_view>

#include "expr/ast.h"
#include "expr/result.h"

namespace aktkoll::expr::internal {

struct ParseError {
  size_t offset = 0;
  std::string message;
};

struct ParseResult {
  NodePtr root;         // null on error
  ParseError error;
};

ParseResult Parse(std::string_view source, int max_depth, Lang lang);

}  // namespace aktkoll::expr::internal
