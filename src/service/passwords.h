#pragma once
// Password hashing (argon2id through libsodium's crypto_pwhash_str) and the secrets a
// session is made of. No password is ever stored or logged in the clear.
#include <optional>
#include <string>
#include <string_view>

namespace planscore::service {

std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);
// Why `password` is not acceptable for `username`, or nullopt when it is.
std::optional<std::string> password_weakness(std::string_view username, std::string_view password);
// A random password people can type: 20 characters from an unambiguous alphabet.
std::string generate_password();
// 256 random bits as 64 hex digits (session tokens, CSRF tokens).
std::string random_token();
std::string sha256_hex(std::string_view data);
// Compares secrets in constant time.
bool same_secret(std::string_view left, std::string_view right);

}  // namespace planscore::service
