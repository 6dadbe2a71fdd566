#include "core/metric/describe.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/metric/overloaded.h"
#include "core/metric/parse.h"

namespace planscore::core::metric {
namespace {

// Binding strength: sums 1, products 2, everything else 3.
int precedence(const Expr& expr) {
  if (const auto* binary = std::get_if<Binary>(&expr.node))
    return binary->op == '+' || binary->op == '-' ? 1 : 2;
  return 3;
}

class Describer {
 public:
  Describer(const Plan& plan, Language language)
      : plan_(plan), english_(language == Language::english) {}

  std::string expression(const Expr& expr) const {
    return std::visit(
        Overloaded{
            [&](const Number&) { return to_string(expr); },
            [&](const NameRef& ref) { return name(ref.name); },
            [&](const Aggregate& aggregate) { return this->aggregate(aggregate); },
            [&](const Negate& negate) {
              const std::string operand = expression(*negate.operand);
              return std::string(english_ ? "−" : "－") +
                     (precedence(*negate.operand) < 3 ? "(" + operand + ")" : operand);
            },
            [&](const Previous& previous) {
              const std::string operand = expression(*previous.operand);
              const std::string years = std::to_string(previous.periods);
              if (english_)
                return previous.periods == 1 ? "the previous year's " + operand
                                             : operand + " " + years + " years earlier";
              return (previous.periods == 1 ? "前一年度的 " : "前 " + years + " 年度的 ") + operand;
            },
            [&](const Binary& binary) {
              const int own = precedence(expr);
              const std::string left = precedence(*binary.left) < own
                                           ? "(" + expression(*binary.left) + ")"
                                           : expression(*binary.left);
              // a − (b − c) and a ÷ (b × c) keep their parentheses; a + (b + c) need not.
              const bool tight = binary.op == '-' || binary.op == '/'
                                     ? precedence(*binary.right) <= own
                                     : precedence(*binary.right) < own;
              const std::string right =
                  tight ? "(" + expression(*binary.right) + ")" : expression(*binary.right);
              return left + " " + operator_word(binary.op) + " " + right;
            },
        },
        expr.node);
  }

 private:
  std::string quote(const std::string& text) const {
    return english_ ? "\"" + text + "\"" : "「" + text + "」";
  }

  std::string name(const std::string& id) const {
    for (const auto& metric : plan_.metrics)
      if (metric.id == id) return quote(metric.name);
    for (const auto& constant : plan_.constants)
      if (constant.id == id)
        return quote(constant.description.empty() ? constant.id : constant.description) + "(" +
               to_string(Literal{constant.value}) + ")";
    return id;
  }

  const RegisterDef* register_of(const std::string& id) const {
    const auto found = std::find_if(plan_.registers.begin(), plan_.registers.end(),
                                    [&](const RegisterDef& reg) { return reg.id == id; });
    return found == plan_.registers.end() ? nullptr : &*found;
  }

  std::string register_name(const std::string& id) const {
    const RegisterDef* reg = register_of(id);
    return quote(reg ? reg->name : id);
  }

  std::string field_name(const std::string& register_id, const std::string& field_id) const {
    const RegisterDef* reg = register_of(register_id);
    const FieldDef* field = reg ? reg->find_field(field_id) : nullptr;
    return quote(field ? field->name : field_id);
  }

  std::string operator_word(char op) const {
    switch (op) {
      case '+':
        return english_ ? "+" : "＋";
      case '-':
        return english_ ? "−" : "－";
      case '*':
        return "×";
      default:
        return "÷";
    }
  }

  std::string literal(const Literal& value) const {
    if (const auto* text = std::get_if<std::string>(&value)) return quote(*text);
    if (const auto* yes = std::get_if<bool>(&value))
      return english_ ? (*yes ? "yes" : "no") : (*yes ? "「是」" : "「否」");
    return to_string(value);
  }

  std::string comparison_word(CompareOp op) const {
    static constexpr std::array<std::pair<const char*, const char*>, 6> kWords{{
        {"is", "為"},
        {"is not", "不為"},
        {"<", "小於"},
        {"≤", "小於或等於"},
        {">", "大於"},
        {"≥", "大於或等於"},
    }};
    const auto& [english, chinese] = kWords[static_cast<std::size_t>(op)];
    return english_ ? english : chinese;
  }

  // An "or" inside an "and" keeps its parentheses: a and (b or c).
  std::string condition(const std::string& register_id, const Condition& condition,
                        bool inside_and = false) const {
    return std::visit(
        Overloaded{
            [&](const Comparison& comparison) {
              const std::string field = field_name(register_id, comparison.field);
              const std::string word = comparison_word(comparison.op);
              return english_ ? field + " " + word + " " + literal(comparison.value)
                              : field + word + literal(comparison.value);
            },
            [&](const InList& in) {
              std::string values;
              for (const auto& value : in.values)
                values += (values.empty() ? "" : (english_ ? ", " : "、")) + literal(value);
              const std::string field = field_name(register_id, in.field);
              return english_ ? field + " is one of " + values : field + "為" + values + "之一";
            },
            [&](const Conjunction& both) {
              return this->condition(register_id, *both.left, true) +
                     (english_ ? " and " : " 且 ") +
                     this->condition(register_id, *both.right, true);
            },
            [&](const Disjunction& either) {
              const std::string text = this->condition(register_id, *either.left) +
                                       (english_ ? " or " : " 或 ") +
                                       this->condition(register_id, *either.right);
              return inside_and ? "(" + text + ")" : text;
            },
            [&](const Negation& negation) {
              return std::string(english_ ? "not" : "非") + "(" +
                     this->condition(register_id, *negation.operand) + ")";
            },
        },
        condition.node);
  }

  std::string aggregate(const Aggregate& aggregate) const {
    std::string source = register_name(aggregate.register_id);
    if (aggregate.condition) {
      const std::string where = condition(aggregate.register_id, *aggregate.condition);
      source = english_ ? source + " where " + where : source + "中" + where + "者";
    }
    const std::string field =
        aggregate.field.empty() ? "" : field_name(aggregate.register_id, aggregate.field);
    std::string text;
    switch (aggregate.function) {
      case AggregateFunction::count:
        if (field.empty())
          text = english_ ? "number of records in " + source : source + "的筆數";
        else
          text = english_ ? "number of records with " + field + " in " + source
                          : source + field + "有填寫的筆數";
        break;
      case AggregateFunction::count_distinct:
        text = english_ ? "number of distinct " + field + " in " + source
                        : source + "的" + field + "不同值的個數";
        break;
      case AggregateFunction::active:
        text = english_ ? "entries active at year end in " + source : source + "的年底在冊人數";
        break;
      case AggregateFunction::sum:
      case AggregateFunction::avg:
      case AggregateFunction::min:
      case AggregateFunction::max:
        text = english_ ? summary_word(aggregate.function) + " of " + field + " in " + source
                        : source + "的" + field + summary_word(aggregate.function);
        break;
    }
    if (aggregate.to_date)
      text += english_ ? " (up to the end of the year)" : "（累計至該年度年底）";
    return text;
  }

  std::string summary_word(AggregateFunction function) const {
    switch (function) {
      case AggregateFunction::sum:
        return english_ ? "total" : "合計";
      case AggregateFunction::avg:
        return english_ ? "average" : "平均";
      case AggregateFunction::min:
        return english_ ? "smallest" : "最小值";
      default:
        return english_ ? "largest" : "最大值";
    }
  }

  const Plan& plan_;
  bool english_;
};

}  // namespace

std::optional<std::string> describe_formula(const Plan& plan, const std::string& formula,
                                            Language language) {
  const ParseResult parsed = parse(formula);
  if (!parsed.expr) return std::nullopt;
  return Describer(plan, language).expression(*parsed.expr);
}

}  // namespace planscore::core::metric
