// The depth scan against yaml-cpp itself: any text the scan lets through (at small limits,
// so the fuzzer reaches them) must not nest flow collections deeper in the events
// yaml-cpp's parser hands out than one bracket allows: two, as a pair inside a flow
// sequence ([[k]: v]) is a map of its own around the bracket. Nor may an outermost flow
// collection hand out more node events than two per token the scan allows it: yaml-cpp
// makes at most two nodes of one token (`{,` is a null key and a null value). A text where
// the scan ends a quoted, plain or block scalar elsewhere than yaml-cpp does would let
// yaml-cpp read brackets and commas the scan skipped; this finds such texts. (The tokens
// yaml-cpp holds outside flow collections show in no event, so they are not compared.) Block
// nesting is the event handler's to refuse (yaml-cpp reads it line by line), so it is not compared:
// yaml-cpp even opens a map for a key it never confirms when the text ends.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "planfile/text_checks.h"
#include "planfile/yaml_depth_scan.h"

namespace {

constexpr int kLimit = 4;
constexpr int kTokenLimit = 32;
constexpr int kMaxFlowNodes = 2 * kTokenLimit;

class FlowWatch : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { node(); }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { node(); }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {
    node();
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    open(style);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    open(style);
  }
  void OnMapEnd() override { close(); }

 private:
  void open(YAML::EmitterStyle::value style) {
    const bool flow = style == YAML::EmitterStyle::Flow;
    if (flow && flow_ == 0) flow_nodes_ = 0;  // an outermost flow collection starts
    open_.push_back(flow);
    if (flow && ++flow_ > 2 * kLimit) __builtin_trap();
    node();
  }
  void node() {
    if (flow_ > 0 && ++flow_nodes_ > kMaxFlowNodes) __builtin_trap();
  }
  void close() {
    if (open_.back()) --flow_;
    open_.pop_back();
  }
  std::vector<bool> open_;
  int flow_ = 0;
  int flow_nodes_ = 0;  // in the outermost flow collection open, itself included
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  // Only what the plan loader hands on: yaml-cpp reads broken UTF-8 its own way (a byte
  // after an invalid one can vanish, line breaks too).
  planscore::core::Problems refused;
  if (!planscore::planfile::check_input_text(text, refused)) return 0;
  if (planscore::planfile::find_yaml_shape_fault(text,
                                                 {.max_depth = kLimit, .max_tokens = kTokenLimit}))
    return 0;
  std::istringstream stream(text);
  FlowWatch watch;
  try {
    // As far as the plan loader reads: it refuses a second document. (yaml-cpp hands out
    // documents without end after "[a],", one null each.)
    YAML::Parser parser(stream);
    for (int document = 0; document < 2 && parser.HandleNextDocument(watch); ++document) {
    }
  } catch (const YAML::Exception&) {
    // Events before the error still counted.
  }
  return 0;
}
