#include "store/sql_value.h"

namespace planscore::store {
void bind_all(soci::statement& statement, std::vector<SqlValue>& values,
              std::vector<soci::indicator>& indicators) {
  indicators.assign(values.size(), soci::i_ok);
  for (std::size_t i = 0; i < values.size(); ++i) {
    SqlValue& value = values[i];
    if (std::holds_alternative<std::monostate>(value)) {
      // SOCI cannot bind "no type"; a text slot with a null indicator binds NULL.
      value = std::string();
      indicators[i] = soci::i_null;
    }
    std::visit(
        [&](auto& held) {
          using Held = std::decay_t<decltype(held)>;
          if constexpr (!std::is_same_v<Held, std::monostate>) {
            statement.exchange(soci::use(held, indicators[i]));
          }
        },
        value);
  }
}

}  // namespace planscore::store
