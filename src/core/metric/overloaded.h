#pragma once
// Builds one visitor for std::visit out of several lambdas.

namespace planscore::core::metric {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
// Needed by clang 14, which does not deduce aggregate template arguments by itself.
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace planscore::core::metric
