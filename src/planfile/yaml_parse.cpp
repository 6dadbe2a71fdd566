// Parses with yaml-cpp's event interface rather than YAML::Load: events carry positions
// for every node, expose aliases and duplicate keys, and let nesting be cut off at
// kMaxDepth before yaml-cpp's recursive parser can exhaust the stack, and the tree at
// kMaxNodes before it holds them. Nesting and flow collections are also measured before
// yaml-cpp sees the text (yaml_depth_scan.h): its scanner holds a whole flow collection in
// tokens before the first event.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <stdexcept>

#include "core/text/plan_number.h"
#include "core/text/utf8.h"
#include "planfile/text_checks.h"
#include "planfile/yaml_depth_scan.h"
#include "planfile/yaml_tree.h"

namespace planscore::planfile {
namespace {

struct Refusal : std::runtime_error {
  Refusal(const std::string& message, const YAML::Mark& at)
      : std::runtime_error(message), mark(at) {}
  YAML::Mark mark;
};

std::string too_deep() {
  return "nested deeper than " + std::to_string(kMaxDepth) + " levels";
}

std::string grouped(int number) {
  return core::format_plan_number(number);
}

std::string shape_fault_message(YamlShapeFault::Kind kind) {
  switch (kind) {
    case YamlShapeFault::Kind::too_deep:
      return too_deep();
    case YamlShapeFault::Kind::long_flow_collection:
      return "a flow collection ([…] or {…}) holds more than " + grouped(kMaxYamlTokens) +
             " YAML tokens (values, commas, colons); write long lists and maps in block "
             "style, one item per line";
    case YamlShapeFault::Kind::long_unread_run:
      return "more than " + grouped(kMaxYamlTokens) +
             " YAML tokens in a row without a `key:`; write one `key: value` or `- item` per "
             "line";
  }
  return {};
}

// Builds the tree from parser events. A map's children alternate key, value.
class TreeBuilder : public YAML::EventHandler {
 public:
  std::optional<TreeNode> root;
  int documents = 0;

  void OnDocumentStart(const YAML::Mark&) override { ++documents; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    count_node(mark);
    refuse_anchor(anchor, mark);
    TreeNode node;
    place(std::move(node), mark, "");
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw Refusal("anchors and aliases (*name) are not supported in plan files", mark);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    count_node(mark);
    refuse_anchor(anchor, mark);
    refuse_tag(tag, mark);
    // yaml-cpp decodes some escapes, such as \N (U+0085), to a single raw byte instead of
    // UTF-8; such text could not be stored or written back as it was read.
    if (core::first_invalid_utf8(value))
      throw Refusal(
          "the text decodes to bytes that are not UTF-8 (escapes such as \\N do); write the "
          "character itself",
          mark);
    TreeNode node;
    node.kind = TreeNode::Kind::scalar;
    node.text = value;
    // yaml-cpp tags plain scalars "?" and quoted or block scalars "!".
    node.is_string = tag != "?";
    place(std::move(node), mark, value);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(TreeNode::Kind::list, mark, tag, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(TreeNode::Kind::map, mark, tag, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    TreeNode node;
    bool awaiting_value = false;  // maps: a key has been read
    std::string pending_key;
    YAML::Mark key_mark;
  };
  std::vector<Open> stack_;
  int nodes_ = 0;

  void count_node(const YAML::Mark& mark) {
    if (++nodes_ > kMaxNodes)
      throw Refusal(
          "more than " + grouped(kMaxNodes) + " keys and values; a plan file holds a few thousand",
          mark);
  }

  static void refuse_anchor(YAML::anchor_t anchor, const YAML::Mark& mark) {
    if (anchor != YAML::NullAnchor)
      throw Refusal("anchors and aliases (&name) are not supported in plan files", mark);
  }
  static void refuse_tag(const std::string& tag, const YAML::Mark& mark) {
    if (tag != "?" && tag != "!" && tag != "tag:yaml.org,2002:str")
      throw Refusal("tags (!" + tag + ") are not supported in plan files", mark);
  }

  void open(TreeNode::Kind kind, const YAML::Mark& mark, const std::string& tag,
            YAML::anchor_t anchor) {
    count_node(mark);
    if (static_cast<int>(stack_.size()) >= kMaxDepth) throw Refusal(too_deep(), mark);
    refuse_anchor(anchor, mark);
    if (tag != "?" && tag != "!")
      throw Refusal("tags (!" + tag + ") are not supported in plan files", mark);
    if (!stack_.empty() && stack_.back().node.kind == TreeNode::Kind::map &&
        !stack_.back().awaiting_value)
      throw Refusal("a key must be a plain word, not a list or map", mark);
    Open frame;
    frame.node.kind = kind;
    frame.node.line = mark.line + 1;
    frame.node.column = mark.column + 1;
    stack_.push_back(std::move(frame));
  }

  void close() {
    TreeNode node = std::move(stack_.back().node);
    stack_.pop_back();
    attach(std::move(node));
  }

  void place(TreeNode node, const YAML::Mark& mark, const std::string& key_text) {
    node.line = mark.line + 1;
    node.column = mark.column + 1;
    if (!stack_.empty() && stack_.back().node.kind == TreeNode::Kind::map &&
        !stack_.back().awaiting_value) {
      auto& frame = stack_.back();
      frame.pending_key = key_text;
      frame.key_mark = mark;
      frame.awaiting_value = true;
      return;
    }
    attach(std::move(node));
  }

  void attach(TreeNode node) {
    if (stack_.empty()) {
      root = std::move(node);
      return;
    }
    auto& frame = stack_.back();
    if (frame.node.kind == TreeNode::Kind::list) {
      frame.node.items.push_back(std::move(node));
      return;
    }
    frame.node.entries.push_back(TreeEntry{std::move(frame.pending_key), std::move(node),
                                           frame.key_mark.line + 1, frame.key_mark.column + 1});
    frame.pending_key.clear();
    frame.awaiting_value = false;
  }
};

std::string at(int line, int column) {
  return " (line " + std::to_string(line) + ", column " + std::to_string(column) + ")";
}
std::string at(const YAML::Mark& mark) {
  return at(mark.line + 1, mark.column + 1);
}

// YAML reserves %, @ and ` at the start of a value, and yaml-cpp then says only "unknown
// token": `unit: %` is the plan file's commonest case.
std::string quoting_hint(std::string_view text, const YAML::Mark& mark) {
  if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text.size()) return "";
  const char c = text[static_cast<std::size_t>(mark.pos)];
  if (c != '%' && c != '@' && c != '`') return "";
  return std::string("; a value starting with ") + c + " must be quoted, e.g. unit: \"" + c + "\"";
}

}  // namespace

std::optional<TreeNode> parse_yaml_tree(std::string_view text, core::Problems& problems) {
  if (!check_input_text(text, problems)) return std::nullopt;
  if (const auto fault =
          find_yaml_shape_fault(text, {.max_depth = kMaxDepth, .max_tokens = kMaxYamlTokens})) {
    problems.push_back({"", shape_fault_message(fault->kind) + at(fault->line, fault->column)});
    return std::nullopt;
  }
  std::istringstream stream{std::string(text)};
  TreeBuilder builder;
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
      if (builder.documents > 1)
        throw Refusal("a plan file holds one document; remove the second `---`",
                      YAML::Mark::null_mark());
    }
  } catch (const Refusal& refusal) {
    std::string where = refusal.mark.line >= 0 ? at(refusal.mark) : "";
    problems.push_back({"", refusal.what() + where});
    return std::nullopt;
  } catch (const YAML::Exception& error) {
    problems.push_back({"", "YAML syntax error" + at(error.mark) + ": " + error.msg +
                                quoting_hint(text, error.mark)});
    return std::nullopt;
  }
  if (!builder.root || builder.root->kind == TreeNode::Kind::null) {
    problems.push_back({"", "the file is empty"});
    return std::nullopt;
  }
  return builder.root;
}

}  // namespace planscore::planfile
