// SqlStore: aggregates, answered from the totals of maintained terms (term_totals_sql.h)
// when there are some, else by a scan of the register.
#include <algorithm>

#include "core/metric/parse.h"
#include "store/index_plan.h"
#include "store/sql_store.h"
#include "store/sql_store_support.h"

namespace planscore::store {
namespace {

// min/max of a date field: "2015-03-15" → 20150315, a number that orders like the date.
std::optional<double> date_as_number(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  try {
    return std::stod(iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// Every maintained term with its buckets of totals (none for a term kept as values).
constexpr std::string_view kTotalsSql =
    "SELECT t.term_key, b.y_from, b.y_to, b.records, b.filled, b.total "
    "FROM maintained_terms t LEFT JOIN term_totals b ON b.term_id = t.id";
const std::vector<ColumnType> kTotalsColumns{ColumnType::text,    ColumnType::integer,
                                             ColumnType::integer, ColumnType::integer,
                                             ColumnType::integer, ColumnType::real};

// Rows of kTotalsSql, a term's rows together, into `totals`.
void read_totals(PreparedQuery& query, const std::vector<std::string>& parameters,
                 MaintainedTotals& totals) {
  std::string key;
  std::vector<TermBucket> buckets;
  query.run(parameters, [&](const ResultRow& row) {
    if (row.text(0) != key) {
      if (!key.empty()) totals.add_term(key, std::move(buckets));
      key = row.text(0);
      buckets.clear();
    }
    if (!row.is_null(1)) {
      buckets.push_back(
          {row.integer(1), row.integer(2), row.integer(3), row.integer(4), row.real(5)});
    }
  });
  if (!key.empty()) totals.add_term(key, std::move(buckets));
}

void drop_term(soci::session& session, std::int64_t term_id) {
  execute(session, "DELETE FROM term_totals WHERE term_id = :p1", {term_id});
  execute(session, "DELETE FROM term_values WHERE term_id = :p1", {term_id});
  execute(session, "DELETE FROM maintained_terms WHERE id = :p1", {term_id});
}

}  // namespace

// --- aggregates ----------------------------------------------------------------------

std::optional<double> SqlStore::aggregate(const core::RegisterDef& register_def,
                                          const core::metric::Aggregate& term,
                                          core::YearRange years) {
  return guarded(description_, "computing an aggregate over '" + register_def.id + "'",
                 [&]() -> std::optional<double> {
                   if (auto maintained = maintained_aggregate(register_def, term, years)) {
                     return *maintained;
                   }
                   return scanned_aggregate(register_def, term, years);
                 });
}

std::vector<std::optional<double>> SqlStore::scanned_aggregates(
    const core::RegisterDef& register_def, const std::vector<const core::metric::Aggregate*>& terms,
    core::YearRange years) {
  return guarded(description_, "computing aggregates over '" + register_def.id + "'", [&] {
    std::vector<std::optional<double>> values(terms.size());
    std::map<YearScope, std::vector<std::size_t>> by_scope;
    for (std::size_t i = 0; i < terms.size(); ++i) by_scope[scope_of(*terms[i])].push_back(i);
    for (const auto& [scope, positions] : by_scope) {
      const bool one_pass =
          positions.size() > 1 && std::any_of(positions.begin(), positions.end(), [&](auto i) {
            return reads_whole_years(register_def, *terms[i]);
          });
      // Alone, a term narrowed by `=` reads only its own records through its own index.
      std::vector<std::vector<std::size_t>> passes;
      if (one_pass) {
        passes.push_back(positions);
      } else {
        for (const std::size_t i : positions) passes.push_back({i});
      }
      for (const std::vector<std::size_t>& pass : passes) {
        std::vector<const core::metric::Aggregate*> pass_terms;
        for (const std::size_t i : pass) pass_terms.push_back(terms[i]);
        CompiledPass query = compile(register_def, pass_terms, years);
        std::vector<ColumnType> columns;
        for (const bool text : query.text_columns) {
          columns.push_back(text ? ColumnType::text : ColumnType::real);
        }
        for_each_row(session_, query.sql, std::move(query.parameters), columns,
                     [&](const ResultRow& row) {
                       for (std::size_t column = 0; column < pass.size(); ++column) {
                         std::optional<double>& value = values[pass[column]];
                         if (row.is_null(column)) {
                           value.reset();
                         } else if (query.text_columns[column]) {
                           value = date_as_number(row.text(column));
                         } else {
                           value = row.real(column);
                         }
                       }
                     });
      }
    }
    return values;
  });
}

bool SqlStore::has_records_in(const core::RegisterDef& register_def, core::YearRange years) {
  return guarded(description_, "looking for records of '" + register_def.id + "'", [&] {
    CompiledQuery query = compile_has_records(register_def, years);
    std::vector<soci::indicator> indicators;
    int found = 0;
    soci::statement select(session_);
    select.alloc();
    select.prepare(query.sql);
    bind_all(select, query.parameters, indicators);
    select.exchange(soci::into(found));
    select.define_and_bind();
    select.execute(true);
    return found > 0;
  });
}

void SqlStore::maintain_terms(const core::RegisterDef& register_def,
                              const std::vector<const core::metric::Aggregate*>& aggregates) {
  guarded(description_, "maintaining the totals of register '" + register_def.id + "'", [&] {
    std::map<std::string, const core::metric::Aggregate*> wanted;
    for (const core::metric::Aggregate* term : aggregates) {
      if (term != nullptr && term->register_id == register_def.id) {
        wanted.emplace(term->key(), term);
      }
    }
    const std::string shape = register_shape(register_def);
    WriteScope scope(*this);
    for (const StoredTerm& stored : stored_terms(register_def.id)) {
      // A term built over another definition of the register (a field's type, the time
      // basis) is built again from the records.
      const bool current = stored.register_shape == shape;
      if (current && wanted.erase(stored.key) == 1) continue;
      drop_term(session_, stored.id);
    }
    std::vector<MaintainedTerm> added;
    for (const auto& [key, term] : wanted) {
      long long term_id = 0;
      session_ << "INSERT INTO maintained_terms (term_key, register_id, register_shape) "
                  "VALUES (:key, :register_id, :shape) RETURNING id",
          soci::use(key), soci::use(register_def.id), soci::use(shape), soci::into(term_id);
      added.push_back({term, term_id});
    }
    run_deltas(register_def, added, +1, RecordSelection::all());
    scope.commit();
  });
}

std::vector<SqlStore::StoredTerm> SqlStore::stored_terms(const std::string& register_id) {
  std::vector<StoredTerm> terms;
  prepared(maintained_terms_query_,
           "SELECT id, term_key, register_shape FROM maintained_terms "
           "WHERE register_id = :p1 ORDER BY id",
           1, {ColumnType::integer, ColumnType::text, ColumnType::text})
      .run({register_id}, [&](const ResultRow& row) {
        terms.push_back({row.integer(0), row.text(1), row.text(2)});
      });
  return terms;
}

void SqlStore::run_deltas(const core::RegisterDef& register_def,
                          const std::vector<MaintainedTerm>& terms, int sign,
                          const RecordSelection& records) {
  if (terms.empty()) return;
  for (CompiledQuery& delta : compile_term_deltas(register_def, terms, sign, records)) {
    run_prepared(delta.sql, std::move(delta.parameters));
  }
  if (sign < 0) {
    for (const std::string& cleanup : emptied_buckets_cleanup()) run_prepared(cleanup, {});
  }
}

void SqlStore::run_prepared(const std::string& sql, std::vector<SqlValue> parameters) {
  // Each plan edit that changes a register's terms brings new statements; a server that
  // lives through many edits starts afresh now and then rather than keeping them all.
  constexpr std::size_t kMaxPreparedDeltas = 256;
  if (delta_statements_.size() >= kMaxPreparedDeltas && !delta_statements_.count(sql)) {
    delta_statements_.clear();
  }
  auto& statement = delta_statements_[sql];
  if (statement && statement->run(parameters)) return;
  statement.reset();  // a failed preparation leaves no entry half made
  statement = std::make_unique<PreparedStatement>(session_, sql, parameters);
  statement->run(std::move(parameters));
}

void SqlStore::rebuild_maintained_terms() {
  execute(session_, "DELETE FROM term_totals", {});
  execute(session_, "DELETE FROM term_values", {});
  for (const auto& [register_id, register_def] : stored_registers()) {
    run_deltas(register_def, maintained_terms_of(register_def), +1, RecordSelection::all());
  }
}

std::vector<MaintainedTerm> SqlStore::maintained_terms_of(const core::RegisterDef& register_def) {
  std::vector<MaintainedTerm> terms;
  const std::vector<StoredTerm> stored_list = stored_terms(register_def.id);
  // Totals built over one definition of the register and written over another would be
  // wrong for good: a writer holding a plan older than the terms' must start again.
  if (!stored_list.empty() && stored_list.front().register_shape != register_shape(register_def)) {
    throw StoreError("register '" + register_def.id +
                         "' was changed by a plan edit while this change was being made; "
                         "nothing was written, try again",
                     StoreErrorKind::changed_meanwhile);
  }
  for (const StoredTerm& stored : stored_list) {
    auto parsed = parsed_terms_.find(stored.key);
    if (parsed == parsed_terms_.end()) {
      core::metric::ParseResult result = core::metric::parse(stored.key);
      if (!result.expr || !std::holds_alternative<core::metric::Aggregate>(result.expr->node)) {
        throw StoreError("maintained term '" + stored.key + "' is not an aggregate term");
      }
      parsed = parsed_terms_.emplace(stored.key, result.expr).first;
    }
    terms.push_back({&std::get<core::metric::Aggregate>(parsed->second->node), stored.id});
  }
  return terms;
}

MaintainedTotals SqlStore::maintained_totals() {
  return guarded(description_, "reading the maintained totals", [&] {
    MaintainedTotals totals;
    read_totals(prepared(maintained_totals_query_, std::string(kTotalsSql) + " ORDER BY t.term_key",
                         0, kTotalsColumns),
                {}, totals);
    return totals;
  });
}

std::optional<std::optional<double>> SqlStore::maintained_aggregate(
    const core::RegisterDef& register_def, const core::metric::Aggregate& term,
    core::YearRange years) {
  if (!uses_values_table(term)) {
    MaintainedTotals totals;
    read_totals(prepared(term_totals_query_, std::string(kTotalsSql) + " WHERE t.term_key = :p1", 1,
                         kTotalsColumns),
                {term.key()}, totals);
    return totals.value(register_def, term, years);
  }
  CompiledQuery query = compile_values_read(register_def, term, years);
  std::optional<std::optional<double>> found;
  for_each_row(session_, query.sql, std::move(query.parameters),
               {query.result_is_text ? ColumnType::text : ColumnType::real},
               [&](const ResultRow& row) {
                 if (row.is_null(0)) {
                   found.emplace(std::nullopt);
                 } else if (query.result_is_text) {
                   found.emplace(date_as_number(row.text(0)));
                 } else {
                   found.emplace(row.real(0));
                 }
               });
  return found;
}

}  // namespace planscore::store
