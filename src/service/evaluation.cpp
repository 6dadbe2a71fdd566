#include "service/evaluation.h"

#include <memory>
#include <set>

#include "core/metric/evaluate.h"
#include "core/metric/parse.h"
#include "core/metric/plan_terms.h"
#include "store/aggregate_sql.h"

namespace planscore::service {

struct ValueCalculator::Impl {
  store::Store& store;
  const core::Plan& plan;
  std::map<std::string, core::metric::ExprPtr> parsed;  // formula text → tree
  std::map<std::pair<std::string, core::YearRange>, std::optional<double>> term_cache;
  std::map<std::pair<std::string, core::YearRange>, bool> has_data_cache;
  std::map<std::pair<std::string, core::YearRange>, std::optional<double>> metric_cache;
  // Read at the first term: one query answers every maintained term and span.
  std::optional<store::MaintainedTotals> totals;
  // Found at the first scan: the terms a register is scanned for together.
  std::optional<core::metric::PlanTerms> plan_terms;

  Impl(store::Store& s, const core::Plan& p) : store(s), plan(p) {}

  const store::MaintainedTotals& maintained() {
    if (!totals) totals = store.maintained_totals();
    return *totals;
  }

  const core::metric::Expr* parse(const std::string& formula) {
    auto found = parsed.find(formula);
    if (found == parsed.end())
      found = parsed.emplace(formula, core::metric::parse(formula).expr).first;
    return found->second.get();
  }

  bool has_data(const core::RegisterDef& reg, core::YearRange years) {
    auto key = std::make_pair(reg.id, years);
    auto found = has_data_cache.find(key);
    if (found == has_data_cache.end()) {
      const auto maintained_answer = maintained().has_records(reg, years);
      found = has_data_cache
                  .emplace(key, maintained_answer ? *maintained_answer
                                                  : store.has_records_in(reg, years))
                  .first;
    }
    return found->second;
  }

  // A year with no record at all in the register is "no data", not zero: the section
  // has not entered that year yet, and a zero would paint a red light.
  std::optional<double> term(const core::metric::Aggregate& aggregate, core::YearRange years) {
    auto key = std::make_pair(aggregate.key(), years);
    if (auto found = term_cache.find(key); found != term_cache.end()) return found->second;
    std::optional<double> value;
    const auto* reg = plan.find_register(aggregate.register_id);
    if (reg == nullptr || !(aggregate.to_date || has_data(*reg, years))) {
      term_cache.emplace(key, value);
      return value;
    }
    if (const auto maintained_value = maintained().value(*reg, aggregate, years)) {
      value = *maintained_value;
    } else if (maintained().maintains(aggregate)) {
      value = store.aggregate(*reg, aggregate, years);  // from its maintained values
    } else {
      return scan(*reg, aggregate, years);
    }
    term_cache.emplace(key, value);
    return value;
  }

  // A term not maintained is scanned for together with the register's other such terms
  // of its scope over the same years, which the store may answer in one pass: they share
  // this term's "no data" answer, and an evaluation asks for them next.
  std::optional<double> scan(const core::RegisterDef& reg, const core::metric::Aggregate& aggregate,
                             core::YearRange years) {
    if (!plan_terms) plan_terms.emplace(plan);
    std::vector<const core::metric::Aggregate*> batch{&aggregate};
    std::set<std::string> keys{aggregate.key()};
    for (const core::metric::Aggregate* other : plan_terms->of_register(reg.id)) {
      if (store::scope_of(*other) != store::scope_of(aggregate)) continue;
      if (maintained().maintains(*other)) continue;
      const std::string other_key = other->key();
      if (term_cache.count({other_key, years}) != 0) continue;
      if (keys.insert(other_key).second) batch.push_back(other);
    }
    const std::vector<std::optional<double>> values = store.scanned_aggregates(reg, batch, years);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      term_cache.emplace(std::make_pair(batch[i]->key(), years), values[i]);
    }
    return values.front();
  }

  std::optional<double> formula_value(const std::string& formula, core::YearRange years) {
    const auto* expr = parse(formula);
    if (!expr) return std::nullopt;
    core::metric::EvaluationContext context;
    context.aggregate = [this](const core::metric::Aggregate& a, core::YearRange y) {
      return term(a, y);
    };
    context.constant = [this](const std::string& name, core::YearRange y) -> std::optional<double> {
      for (const auto& constant : plan.constants)
        if (constant.id == name) return constant.value_for(y.last);
      return std::nullopt;
    };
    context.metric = [this](const std::string& name, core::YearRange y) { return metric(name, y); };
    return core::metric::evaluate(*expr, years, context);
  }

  // Plan validation rejects cycles between metrics, so this recursion ends.
  std::optional<double> metric(const std::string& metric_id, core::YearRange years) {
    auto key = std::make_pair(metric_id, years);
    if (auto found = metric_cache.find(key); found != metric_cache.end()) return found->second;
    std::optional<double> value;
    for (const auto& candidate : plan.metrics)
      if (candidate.id == metric_id) value = formula_value(candidate.formula, years);
    metric_cache.emplace(key, value);
    return value;
  }
};

ValueCalculator::ValueCalculator(store::Store& store, const core::Plan& plan)
    : impl_(std::make_shared<Impl>(store, plan)) {}

std::optional<double> ValueCalculator::metric_value(const std::string& metric_id,
                                                    core::YearRange years) {
  return impl_->metric(metric_id, years);
}

std::map<std::string, core::ActualValue> ValueCalculator::actuals(int year) {
  std::map<std::string, core::ActualValue> result;
  std::map<std::string, store::ManualValue> manual;
  for (auto& value : impl_->store.manual_values(impl_->plan.id))
    if (value.year == year) manual[value.indicator_id] = value;

  for (const auto& dimension : impl_->plan.dimensions) {
    for (const auto& goal : dimension.goals) {
      for (const auto& indicator : goal.indicators) {
        core::ActualValue actual;
        if (auto found = manual.find(indicator.id); found != manual.end()) {
          actual = {found->second.value, core::ValueSource::manual, found->second.note};
        } else if (!indicator.formula.empty()) {
          actual.value = impl_->formula_value(indicator.formula, year);
          actual.source = core::ValueSource::formula;
          if (!actual.value) actual.note = "no data for " + std::to_string(year);
        } else {
          actual.note = "no manual value entered for " + std::to_string(year);
        }
        result[indicator.id] = actual;
      }
    }
  }
  return result;
}

core::YearEvaluation evaluate_year(store::Store& store, const core::Plan& plan, int year) {
  ValueCalculator calculator(store, plan);
  return core::evaluate_year(plan, year, calculator.actuals(year));
}

std::vector<core::YearEvaluation> evaluate_all_years(store::Store& store, const core::Plan& plan) {
  ValueCalculator calculator(store, plan);
  std::vector<core::YearEvaluation> years;
  for (int year : plan.years())
    years.push_back(core::evaluate_year(plan, year, calculator.actuals(year)));
  return years;
}

}  // namespace planscore::service
