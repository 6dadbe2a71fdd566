#pragma once
// The languages the product speaks to people: Traditional Chinese first, English second.

namespace planscore::core {

enum class Language { traditional_chinese, english };

}  // namespace planscore::core
