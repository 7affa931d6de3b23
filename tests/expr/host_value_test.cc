// Host values: an embedder's own tree exposed through MapValue/ListValue without copying.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "test_util.h"

namespace aktkoll::expr::testing {
namespace {

// A stand-in for an embedder's document: nodes that know nothing about expr.
struct HostNode {
  std::string text;                                    // leaf
  std::vector<std::pair<std::string, HostNode>> fields;  // object
  std::vector<HostNode> items;                         // array
  enum { kText, kObject, kArray } kind = kText;
};

// Adapters are created once per node and borrowed by Values; they count lookups so the
// test can see that nothing was converted up front.
struct Adapters;
Value Expose(const HostNode& n, Adapters& a);

class HostMap final : public MapValue {
 public:
  HostMap(const HostNode& n, Adapters& a) : node_(n), adapters_(a) {}
  size_t size() const override { return node_.fields.size(); }
  std::optional<Value> Find(const Value& key) const override {
    if (!key.is(Kind::kString)) return std::nullopt;
    return FindField(key.string_value());
  }
  std::optional<Value> FindField(std::string_view key) const override;
  Value KeyAt(size_t i) const override { return Value::StringView(node_.fields[i].first); }
  Value ValueAt(size_t i) const override;

  mutable int lookups = 0;

 private:
  const HostNode& node_;
  Adapters& adapters_;
};

class HostList final : public ListValue {
 public:
  HostList(const HostNode& n, Adapters& a) : node_(n), adapters_(a) {}
  size_t size() const override { return node_.items.size(); }
  Value Get(size_t i) const override;

 private:
  const HostNode& node_;
  Adapters& adapters_;
};

struct Adapters {
  std::map<const HostNode*, std::unique_ptr<HostMap>> maps;
  std::map<const HostNode*, std::unique_ptr<HostList>> lists;
};

Value Expose(const HostNode& n, Adapters& a) {
  switch (n.kind) {
    case HostNode::kText: return Value::StringView(n.text);
    case HostNode::kObject: {
      auto& slot = a.maps[&n];
      if (!slot) slot = std::make_unique<HostMap>(n, a);
      return Value::Map(slot.get());
    }
    case HostNode::kArray: {
      auto& slot = a.lists[&n];
      if (!slot) slot = std::make_unique<HostList>(n, a);
      return Value::List(slot.get());
    }
  }
  return Value();
}

std::optional<Value> HostMap::FindField(std::string_view key) const {
  ++lookups;
  for (const auto& [k, v] : node_.fields)
    if (k == key) return Expose(v, adapters_);
  return std::nullopt;
}
Value HostMap::ValueAt(size_t i) const { return Expose(node_.fields[i].second, adapters_); }
Value HostList::Get(size_t i) const { return Expose(node_.items[i], adapters_); }

HostNode Text(std::string s) { HostNode n; n.text = std::move(s); return n; }

TEST_CASE("a host tree is read in place through the interfaces") {
  HostNode goal1;
  goal1.kind = HostNode::kObject;
  goal1.fields = {{"area", Text("barnets_utveckling")}, {"description", Text("Går i skolan")}};
  HostNode goal2 = goal1;
  goal2.fields[0].second = Text("familj_och_miljo");
  HostNode goals;
  goals.kind = HostNode::kArray;
  goals.items = {goal1, goal2};
  HostNode plan;
  plan.kind = HostNode::kObject;
  plan.fields = {{"goals", goals}};
  HostNode root;
  root.kind = HostNode::kObject;
  root.fields = {{"id", Text("A-1")}, {"plan", plan}};

  Adapters adapters;
  Env env(StandardRegistry());
  REQUIRE(env.Declare("c", Type::Dyn()).ok());
  CompileResult r = Compile(
      "has(c.plan) && c.plan.goals.all(g, size(g.description) > 0 && "
      "g.area in ['barnets_utveckling', 'foraldrarnas_formaga', 'familj_och_miljo'])",
      env);
  REQUIRE(r.ok());
  Activation act(*r.program);
  act.Bind("c", Expose(root, adapters));
  Result<Value> v = r.program->Evaluate(act);
  REQUIRE(v.ok());
  CHECK(v->bool_value());
  CHECK(adapters.maps[&root]->lookups == 2);  // has(c.plan) and c.plan

  // Keys iterate in the host's order; strings are borrowed views of the host's bytes.
  CompileResult keys = Compile("c.map(k, k)", env);
  REQUIRE(keys.ok());
  Result<Value> kv = keys.program->Evaluate(act);
  REQUIRE(kv.ok());
  CHECK(DebugString(*kv) == "[\"id\", \"plan\"]");
  CompileResult id = Compile("c.id", env);
  Result<Value> idv = id.program->Evaluate(act);
  REQUIRE(idv.ok());
  CHECK(idv->string_value().data() == root.fields[0].second.text.data());
}

TEST_CASE("values are two words and copies share owned payloads") {
  Value a = Value::String("ett värde som delas");
  Value b = a;
  CHECK(a.string_value().data() == b.string_value().data());
  Value l = MakeList({a, b});
  Value l2 = l;
  CHECK(&l.list_value() == &l2.list_value());
  CHECK(sizeof(Value) == 16);
}

}  // namespace
}  // namespace aktkoll::expr::testing
