#include "core/metric/check.h"

#include <algorithm>

#include "core/metric/lexer.h"
#include "core/metric/overloaded.h"

namespace planscore::core::metric {
namespace {

// Lists longer than this are left out of messages: a wall of names helps nobody.
constexpr std::size_t kMaxListedOptions = 20;

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) text += (i ? ", " : "") + items[i];
  return text;
}

// "; its fields are: a, b" when the list is short enough to help, else nothing.
std::string options_hint(const std::string& intro, const std::vector<std::string>& options) {
  if (options.empty() || options.size() > kMaxListedOptions) return "";
  return "; " + intro + ": " + join(options);
}

std::string type_words(FieldType type) {
  switch (type) {
    case FieldType::text:
      return "a text field";
    case FieldType::integer:
      return "an integer field";
    case FieldType::decimal:
      return "a decimal field";
    case FieldType::date:
      return "a date field";
    case FieldType::yes_no:
      return "a yes/no field";
    case FieldType::choice:
      return "a choice field";
    case FieldType::section:
      return "a section field";
    case FieldType::stage:
      return "a stage field";
  }
  return "a field";
}

std::string function_name(const Aggregate& aggregate) {
  return std::string(to_string(aggregate.function)) + (aggregate.to_date ? "_to_date" : "");
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Dates in conditions are compared with the stored ISO text, so only that exact form fits.
bool is_iso_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return false;
  const int year = std::stoi(text.substr(0, 4));
  const int month = std::stoi(text.substr(5, 2));
  const int day = std::stoi(text.substr(8, 2));
  constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const int last_day = kDaysInMonth[month - 1] + (month == 2 && is_leap_year(year) ? 1 : 0);
  return day <= last_day;
}

class Checker {
 public:
  explicit Checker(const Scope& scope) : scope_(scope) {}

  Problems run(const Expr& expr) {
    check(expr);
    return std::move(problems_);
  }

 private:
  void problem(SourcePosition position, std::string message) {
    problems_.push_back({position_path(position), std::move(message)});
  }

  void check(const Expr& expr) {
    std::visit(Overloaded{
                   [&](const Number&) {},
                   [&](const NameRef& name) { check_name(name, expr.position); },
                   [&](const Aggregate& aggregate) { check_aggregate(aggregate); },
                   [&](const Binary& binary) {
                     check(*binary.left);
                     check(*binary.right);
                   },
                   [&](const Negate& negate) { check(*negate.operand); },
                   [&](const Previous& previous) { check(*previous.operand); },
               },
               expr.node);
  }

  const RegisterDef* find_register(const std::string& id) const {
    for (const auto* register_def : scope_.registers)
      if (register_def && register_def->id == id) return register_def;
    return nullptr;
  }

  std::vector<std::string> register_ids() const {
    std::vector<std::string> ids;
    for (const auto* register_def : scope_.registers)
      if (register_def) ids.push_back(register_def->id);
    return ids;
  }

  void check_name(const NameRef& name, SourcePosition position) {
    const auto known = [&](const std::vector<std::string>& names) {
      return std::find(names.begin(), names.end(), name.name) != names.end();
    };
    if (known(scope_.constants) || known(scope_.metrics)) return;
    if (find_register(name.name)) {
      problem(position, quoted(name.name) + " is a register, not a number; use a function such " +
                            "as count(" + name.name + ")");
      return;
    }
    std::vector<std::string> names = scope_.constants;
    names.insert(names.end(), scope_.metrics.begin(), scope_.metrics.end());
    problem(position, "unknown name " + quoted(name.name) +
                          (names.empty() ? "; the plan defines no constants or metrics"
                                         : options_hint("the constants and metrics are", names)));
  }

  std::vector<std::string> field_ids(const RegisterDef& register_def,
                                     bool (*fits)(FieldType)) const {
    std::vector<std::string> ids;
    for (const auto& field : register_def.fields)
      if (fits(field.type)) ids.push_back(field.id);
    return ids;
  }

  // The field named in a term or condition, reporting it when the register has none such.
  const FieldDef* find_field(const RegisterDef& register_def, const std::string& field_id,
                             SourcePosition position) {
    if (const FieldDef* field = register_def.find_field(field_id)) return field;
    problem(position, "unknown field " + quoted(field_id) + " in register " +
                          quoted(register_def.id) +
                          options_hint("its fields are",
                                       field_ids(register_def, [](FieldType) { return true; })));
    return nullptr;
  }

  static bool summable(FieldType type) { return holds_number(type); }

  void check_aggregate(const Aggregate& aggregate) {
    const std::string function = function_name(aggregate);
    const RegisterDef* register_def = find_register(aggregate.register_id);
    if (!register_def) {
      problem(aggregate.position, "unknown register " + quoted(aggregate.register_id) +
                                      options_hint("the registers are", register_ids()));
      return;
    }
    const FieldDef* field = aggregate.field.empty()
                                ? nullptr
                                : find_field(*register_def, aggregate.field, aggregate.position);
    switch (aggregate.function) {
      case AggregateFunction::count:
        break;
      case AggregateFunction::sum:
      case AggregateFunction::avg:
      case AggregateFunction::min:
      case AggregateFunction::max:
        check_numeric_field(aggregate, *register_def, field);
        break;
      case AggregateFunction::count_distinct:
        if (aggregate.field.empty())
          problem(aggregate.position,
                  quoted(function) + " needs a field to count the distinct values of, e.g. " +
                      function + "(" + register_def->id + "." +
                      (register_def->fields.empty() ? "field" : register_def->fields[0].id) + ")");
        break;
      case AggregateFunction::active:
        check_active(aggregate, *register_def);
        break;
    }
    if (aggregate.condition) check_condition(*aggregate.condition, *register_def);
  }

  void check_numeric_field(const Aggregate& aggregate, const RegisterDef& register_def,
                           const FieldDef* field) {
    const std::string function = function_name(aggregate);
    const auto numeric_fields = field_ids(register_def, summable);
    const std::string hint = numeric_fields.empty()
                                 ? "; register " + quoted(register_def.id) + " has no such field"
                                 : options_hint("its number fields are", numeric_fields);
    if (aggregate.field.empty()) {
      problem(aggregate.position,
              quoted(function) + " needs a number field, e.g. " + function + "(" + register_def.id +
                  "." + (numeric_fields.empty() ? "field" : numeric_fields[0]) + ")" + hint);
    } else if (field && !summable(field->type)) {
      problem(aggregate.position, "cannot take " + quoted(function) + " of " + quoted(field->id) +
                                      ": it is " + type_words(field->type) + ", and " +
                                      quoted(function) +
                                      " needs an integer, decimal or yes/no field" + hint);
    } else if (field && field->type == FieldType::stage &&
               (aggregate.function == AggregateFunction::sum ||
                aggregate.function == AggregateFunction::avg)) {
      problem(aggregate.position,
              "cannot take " + quoted(function) + " of " + quoted(field->id) +
                  ": a stage field records how far the work got, so take the furthest stage "
                  "reached with max_to_date(" +
                  register_def.id + "." + field->id + ")");
    }
  }

  void check_active(const Aggregate& aggregate, const RegisterDef& register_def) {
    if (register_def.time_basis != TimeBasis::interval) {
      problem(aggregate.position,
              "\"active\" counts the entries of a roster on 31 December, but register " +
                  quoted(register_def.id) + " is kept by " +
                  std::string(register_def.time_basis == TimeBasis::year ? "year" : "date") +
                  ", not by start and end dates; use count(" + register_def.id + ") instead");
    }
    if (!aggregate.field.empty())
      problem(aggregate.position, "\"active\" takes no field; write active(" + register_def.id +
                                      ") or add a condition with \"where\"");
    if (aggregate.to_date)
      problem(aggregate.position,
              "\"active\" has no _to_date form: it is already a count on the "
              "last day of the year");
  }

  void check_condition(const Condition& condition, const RegisterDef& register_def) {
    std::visit(
        Overloaded{
            [&](const Comparison& comparison) {
              const FieldDef* field =
                  find_field(register_def, comparison.field, condition.position);
              if (!field) return;
              check_literal(*field, comparison.value, condition.position);
              const bool ordering =
                  comparison.op != CompareOp::eq && comparison.op != CompareOp::ne;
              if (ordering && !is_numeric(field->type) && field->type != FieldType::date &&
                  field->type != FieldType::stage)
                problem(condition.position,
                        "\"<\", \"<=\", \">\" and \">=\" only compare numbers and dates, "
                        "but " +
                            quoted(field->id) + " is " + type_words(field->type) +
                            "; use \"=\" or \"!=\"");
            },
            [&](const InList& list) {
              const FieldDef* field = find_field(register_def, list.field, condition.position);
              if (!field) return;
              for (const auto& value : list.values)
                check_literal(*field, value, condition.position);
            },
            [&](const Conjunction& both) {
              check_condition(*both.left, register_def);
              check_condition(*both.right, register_def);
            },
            [&](const Disjunction& either) {
              check_condition(*either.left, register_def);
              check_condition(*either.right, register_def);
            },
            [&](const Negation& negation) { check_condition(*negation.operand, register_def); },
        },
        condition.node);
  }

  void check_literal(const FieldDef& field, const Literal& value, SourcePosition position) {
    const std::string written = to_string(value);
    const std::string name = quoted(field.id);
    switch (field.type) {
      case FieldType::integer:
      case FieldType::decimal:
        if (!std::holds_alternative<double>(value))
          problem(position, name + " holds numbers, so compare it with a number, not " + written);
        return;
      case FieldType::stage:
        if (!std::holds_alternative<double>(value))
          problem(position, name + " holds the percent of a stage, so compare it with a number (" +
                                field.id + " >= 50), not " + written);
        return;
      case FieldType::yes_no:
        if (!std::holds_alternative<bool>(value))
          problem(position,
                  name + " holds yes or no, so compare it with yes or no, not " + written);
        return;
      case FieldType::date: {
        const auto* text = std::get_if<std::string>(&value);
        if (!text || !is_iso_date(*text))
          problem(position, name + " holds dates, so compare it with a date written like " +
                                "\"2015-03-01\", not " + written);
        return;
      }
      case FieldType::text:
      case FieldType::section:
      case FieldType::choice:
        break;
    }
    const auto* text = std::get_if<std::string>(&value);
    if (!text) {
      problem(position, name + " holds text, so compare it with text in double quotes (" +
                            field.id + " = \"…\"), not " + written);
      return;
    }
    if (field.type == FieldType::choice &&
        std::find(field.choices.begin(), field.choices.end(), *text) == field.choices.end()) {
      std::vector<std::string> choices;
      for (const auto& choice : field.choices) choices.push_back(to_string(Literal{choice}));
      problem(position, written + " is not one of the choices of " + name +
                            options_hint("they are", choices));
    }
  }

  const Scope& scope_;
  Problems problems_;
};

}  // namespace

Problems check(const Expr& expr, const Scope& scope) {
  return Checker(scope).run(expr);
}

}  // namespace planscore::core::metric
