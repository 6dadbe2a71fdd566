// The only translation unit that includes RESTinio (its headers take long to compile).
#include "http/server.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <future>
#include <iostream>
#include <mutex>
#include <optional>
#include <restinio/all.hpp>
#include <restinio/tls.hpp>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <variant>
#include <vector>

#include "http/ascii.h"
#include "http/logging.h"
#include "http/problem.h"
#include "http/security_headers.h"
#include "http/static_files.h"
#include "http/url.h"

namespace planscore::http {
namespace {

// RESTinio's own messages: warnings and errors are about connections (a client that
// vanished, a request over a limit), worth a line; its traces and infos are not.
class RestinioLog {
 public:
  template <typename Builder>
  void trace(Builder&&) const noexcept {}
  template <typename Builder>
  void info(Builder&&) const noexcept {}
  template <typename Builder>
  void warn(Builder&& builder) const noexcept {
    write(std::forward<Builder>(builder));
  }
  template <typename Builder>
  void error(Builder&& builder) const noexcept {
    write(std::forward<Builder>(builder));
  }

 private:
  template <typename Builder>
  static void write(Builder&& builder) noexcept {
    try {
      spdlog::warn("connection {}", builder());
    } catch (...) {
      // Logging must never take a connection down.
    }
  }
};

struct Traits : restinio::traits_t<restinio::asio_timer_manager_t, RestinioLog> {
  static constexpr bool use_connection_count_limiter = true;
};

struct TlsTraits : restinio::tls_traits_t<restinio::asio_timer_manager_t, RestinioLog> {
  static constexpr bool use_connection_count_limiter = true;
};

using PlainServer = restinio::http_server_t<Traits>;
using TlsServer = restinio::http_server_t<TlsTraits>;

// RESTinio 0.6.16 starts a connection's timers only after the TLS handshake, so a client
// that connects and never finishes one would hold its connection, and one of
// max_connections, forever. This overload replaces RESTinio's own for TlsTraits (found by
// argument-dependent lookup through the traits, and more specialized) and bounds the
// handshake by the read timeout, which the TLS context carries (see make_tls_context).
template <typename StartRead, typename Failed>
void prepare_connection_and_start_read(restinio::tls_socket_t& socket,
                                       restinio::impl::connection_t<TlsTraits>& connection,
                                       StartRead start_read, Failed failed) {
  const auto* limit = static_cast<const std::chrono::seconds*>(
      SSL_CTX_get_app_data(SSL_get_SSL_CTX(socket.asio_ssl_stream().native_handle())));
  struct Handshake {
    asio::steady_timer timer;
    bool done = false;  // the timer may have fired just as the handshake finished
  };
  auto self = connection.shared_from_this();
  auto handshake =
      std::make_shared<Handshake>(Handshake{asio::steady_timer(socket.get_executor(), *limit)});
  // Both handlers run on the connection's strand, so closing cannot race the handshake.
  handshake->timer.async_wait(asio::bind_executor(
      connection.get_executor(), [self, handshake, &socket](const asio::error_code& error) {
        asio::error_code ignored;
        if (!error && !handshake->done) socket.lowest_layer().close(ignored);
      }));
  socket.async_handshake(
      asio::ssl::stream_base::server,
      asio::bind_executor(connection.get_executor(),
                          [handshake, self, start_read = std::move(start_read),
                           failed = std::move(failed)](const asio::error_code& error) mutable {
                            handshake->done = true;
                            handshake->timer.cancel();
                            if (error)
                              failed(error);
                            else
                              start_read();
                          }));
}

// A server context for config's certificate and key; a file that does not hold one is a
// ConfigError naming it, as a wrong path is.
std::shared_ptr<asio::ssl::context> make_tls_context(const ServerConfig& config) {
  auto context = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_server);
  context->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                       asio::ssl::context::no_sslv3 | asio::ssl::context::single_dh_use);
  SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
  // An encrypted key would make OpenSSL ask for its passphrase on the terminal.
  context->set_password_callback(
      [](std::size_t, asio::ssl::context::password_purpose) { return std::string(); });
  const auto refuse = [](const char* key, const std::string& file, const char* expected,
                         const std::exception& e) {
    throw ConfigError(std::string(key) + ": '" + file + "' " + expected + " (" + e.what() + ")");
  };
  try {
    context->use_certificate_chain_file(config.tls_certificate);
  } catch (const std::exception& e) {
    refuse("tls_certificate", config.tls_certificate, "is not a PEM certificate", e);
  }
  try {
    context->use_private_key_file(config.tls_private_key, asio::ssl::context::pem);
  } catch (const std::exception& e) {
    refuse("tls_private_key", config.tls_private_key,
           "is not an unencrypted PEM private key for the certificate", e);
  }
  if (SSL_CTX_check_private_key(context->native_handle()) != 1)
    throw ConfigError("tls_private_key: '" + config.tls_private_key +
                      "' does not belong to the certificate in '" + config.tls_certificate + "'");
  // Read by prepare_connection_and_start_read; config outlives every connection.
  SSL_CTX_set_app_data(context->native_handle(),
                       const_cast<std::chrono::seconds*>(&config.read_timeout));
  return context;
}

// Bodies this much over max_body_bytes are still read, to be answered with 413 instead of
// a dropped connection (see server.h).
std::size_t body_grace_bytes(std::size_t max_body_bytes) {
  return std::min<std::size_t>(max_body_bytes, 1024 * 1024);
}

bool is_api_path(std::string_view path) {
  return path == "/api" || path.substr(0, 5) == "/api/";
}

std::optional<std::string> header_value(const Response& response, std::string_view name) {
  for (const auto& [header, value] : response.headers)
    if (ascii_iequals(header, name)) return value;
  return std::nullopt;
}

std::string url_host(const std::string& address) {
  return address.find(':') == std::string::npos ? address : "[" + address + "]";
}

asio::ip::address listen_address(const std::string& address) {
  asio::error_code error;
  auto parsed = asio::ip::make_address(address == "localhost" ? "127.0.0.1" : address, error);
  if (error) throw std::runtime_error("address '" + address + "' is not an IP address");
  return parsed;
}

// RESTinio 0.6.16 keeps the connection count limiter in the acceptor, and a connection
// decrements it when destroyed. Connections still open at shutdown (idle keep-alive ones)
// are destroyed only with the io_context, so the acceptor must outlive the io_context; yet
// the acceptor's socket must not, as its destructor calls into the io_context. So a
// stopped server is kept, closed, for the life of the process: a few kilobytes each.
template <typename RestinioServer>
void retire(std::unique_ptr<RestinioServer> server) {
  static std::mutex mutex;
  static auto* retired = new std::vector<std::unique_ptr<RestinioServer>>;
  std::lock_guard lock(mutex);
  retired->push_back(std::move(server));
}

}  // namespace

struct Server::Impl {
  ServerConfig config;
  const Router& router;
  std::optional<StaticFiles> static_files;
  std::shared_ptr<asio::ssl::context> tls_context;  // set when serving HTTPS

  // Declared before the io_context: write callbacks still pending when it is destroyed
  // are called then and use these.
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t in_flight = 0;
  bool stop_requested = false;
  std::atomic<bool> draining{false};
  std::atomic<std::uint16_t> bound_port{0};

  std::mutex stop_mutex;  // one stop() at a time
  bool started = false, stopped = false;

  // Destroyed by stop(): only that closes the connections still open (idle keep-alive
  // ones), since RESTinio offers no way to close them. See retire().
  std::optional<asio::io_context> io_context{std::in_place};
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::optional<asio::signal_set> signals;  // run()'s
  std::variant<std::monostate, std::unique_ptr<PlainServer>, std::unique_ptr<TlsServer>> server;
  std::vector<std::thread> threads;

  Impl(ServerConfig server_config, const Router& server_router)
      : config(std::move(server_config)), router(server_router) {
    if (!config.web_root.empty()) static_files.emplace(config.web_root);
    if (config.tls()) tls_context = make_tls_context(config);
  }

  template <typename ServerTraits>
  std::unique_ptr<restinio::http_server_t<ServerTraits>> make_server(
      const asio::ip::address& address);

  std::uint16_t start();
  void stop();
  void request_stop() {
    std::lock_guard lock(mutex);
    stop_requested = true;
    changed.notify_all();
  }
  void close_acceptor();

  restinio::request_handling_status_t handle(const restinio::request_handle_t& handle);
  Response respond(const restinio::request_t& incoming, Request& request) const;
  void finished() {
    std::lock_guard lock(mutex);
    --in_flight;
    changed.notify_all();
  }
};

template <typename ServerTraits>
std::unique_ptr<restinio::http_server_t<ServerTraits>> Server::Impl::make_server(
    const asio::ip::address& address) {
  const auto hard_body_limit =
      static_cast<std::uint64_t>(config.max_body_bytes + body_grace_bytes(config.max_body_bytes));
  restinio::server_settings_t<ServerTraits> settings;
  settings.address(address)
      .protocol(address.is_v6() ? asio::ip::tcp::v6() : asio::ip::tcp::v4())
      .port(config.port)
      .request_handler([this](restinio::request_handle_t request) { return handle(request); })
      .read_next_http_message_timelimit(config.read_timeout)
      .write_http_response_timelimit(config.read_timeout)
      .handle_request_timeout(config.request_timeout)
      .max_parallel_connections(config.max_connections)
      .concurrent_accepts_count(std::min<std::size_t>(config.threads, 4))
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                    .max_url_size(config.max_header_bytes)
                                    .max_field_name_size(256)
                                    .max_field_value_size(config.max_header_bytes)
                                    .max_field_count(100)
                                    .max_body_size(hard_body_limit))
      .acceptor_post_bind_hook([this](asio::ip::tcp::acceptor& acceptor) {
        bound_port = acceptor.local_endpoint().port();
      });
  if constexpr (std::is_same_v<ServerTraits, TlsTraits>) settings.tls_context(tls_context);
  return std::make_unique<restinio::http_server_t<ServerTraits>>(
      restinio::external_io_context(*io_context), std::move(settings));
}

std::uint16_t Server::Impl::start() {
  if (!std::holds_alternative<std::monostate>(server))
    throw std::logic_error("Server::start called twice");
  const auto address = listen_address(config.address);
  if (tls_context)
    server = make_server<TlsTraits>(address);
  else
    server = make_server<Traits>(address);
  // No thread runs the io_context yet, so opening here cannot race with the acceptor.
  try {
    std::visit(
        [](auto& opened) {
          if constexpr (!std::is_same_v<std::decay_t<decltype(opened)>, std::monostate>)
            opened->open_sync();
        },
        server);
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot listen on " + url_host(config.address) + ":" +
                             std::to_string(config.port) + ": " + e.what());
  }
  started = true;
  work.emplace(io_context->get_executor());
  for (unsigned i = 0; i < config.threads; ++i)
    threads.emplace_back([this] {
      while (true) {
        try {
          io_context->run();
          return;
        } catch (const std::exception& e) {
          // Handlers catch their own exceptions; this is a bug in the plumbing. Keep serving.
          spdlog::error("server thread error={}", log_quote(e.what()));
        }
      }
    });
  return bound_port;
}

void Server::Impl::close_acceptor() {
  std::promise<void> closed;
  std::visit(
      [&closed](auto& open) {
        if constexpr (!std::is_same_v<std::decay_t<decltype(open)>, std::monostate>)
          open->close_async(
              [&closed]() noexcept { closed.set_value(); },
              [&closed](std::exception_ptr error) noexcept { closed.set_exception(error); });
      },
      server);
  try {
    closed.get_future().get();
  } catch (const std::exception& e) {
    spdlog::error("closing the listening socket failed error={}", log_quote(e.what()));
  }
}

void Server::Impl::stop() {
  std::lock_guard stop_lock(stop_mutex);
  request_stop();
  if (!started || stopped) return;
  stopped = true;
  draining = true;
  close_acceptor();
  {
    std::unique_lock lock(mutex);
    if (!changed.wait_for(lock, config.request_timeout, [this] { return in_flight == 0; }))
      spdlog::warn("shutdown: {} request(s) still running after {}s; closing them", in_flight,
                   config.request_timeout.count());
  }
  work.reset();
  io_context->stop();
  for (auto& thread : threads) thread.join();
  threads.clear();
  signals.reset();
  std::visit(
      [](auto& closed) {
        if constexpr (!std::is_same_v<std::decay_t<decltype(closed)>, std::monostate>)
          retire(std::move(closed));
      },
      server);
  io_context.reset();
}

restinio::request_handling_status_t Server::Impl::handle(const restinio::request_handle_t& handle) {
  const auto started_at = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex);
    ++in_flight;
  }
  Request request;
  Response response;
  try {
    response = respond(*handle, request);
  } catch (const std::exception& e) {
    spdlog::error("request failed method={} path={} error={}", request.method,
                  log_quote(request.path), log_quote(e.what()));
    response = internal_error();
  }
  add_security_headers(response, request.path, config.https());

  const auto close =
      draining || ascii_iequals(header_value(response, "Connection").value_or(""), "close");
  auto builder =
      handle->create_response<restinio::user_controlled_output_t>(restinio::http_status_line_t{
          restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
          reason_phrase(response.status)});
  for (auto& [name, value] : response.headers)
    if (!ascii_iequals(name, "Connection") && !ascii_iequals(name, "Content-Length"))
      builder.append_header(name, std::move(value));
  builder.append_header_date_field();
  if (close) builder.connection_close();
  builder.set_content_length(response.body.size());
  const auto body_bytes = response.body.size();
  if (handle->header().method() != restinio::http_method_head())
    builder.set_body(std::move(response.body));

  AccessRecord record;
  record.method = handle->header().method().c_str();
  record.path = request.path;
  record.status = response.status;
  record.bytes = body_bytes;
  record.duration = std::chrono::steady_clock::now() - started_at;
  record.remote_address = request.remote_address;
  log_access(record);
  try {
    return builder.done([this](const asio::error_code&) { finished(); });
  } catch (const std::exception& e) {
    spdlog::error("writing the response failed error={}", log_quote(e.what()));
    finished();
    return restinio::request_accepted();
  }
}

Response Server::Impl::respond(const restinio::request_t& incoming, Request& request) const {
  const auto& header = incoming.header();
  request.method = header.method().c_str();
  request.remote_address = incoming.remote_endpoint().address().to_string();
  header.for_each_field([&request](const restinio::http_header_field_t& field) {
    auto [entry, inserted] = request.headers.emplace(ascii_lowered(field.name()), field.value());
    if (!inserted) entry->second += (entry->first == "cookie" ? "; " : ", ") + field.value();
  });
  request.body = incoming.body();

  auto path = decode_path(header.path());
  if (!path) {
    request.path = std::string(header.path());
    return bad_request("The request path is not valid percent-encoded UTF-8.");
  }
  request.path = std::move(*path);
  const auto query =
      restinio::try_parse_query<restinio::parse_query_traits::relaxed>(header.query());
  if (!query) return bad_request("The query string is malformed: " + query.error().description());
  for (const auto& [name, value] : *query) request.query.emplace(name, value);
  if (const auto tag = query->tag()) request.query.emplace(*tag, "");

  if (request.body.size() > config.max_body_bytes)
    return payload_too_large("The request body is larger than " +
                             std::to_string(config.max_body_bytes) + " bytes.");

  // HEAD is GET without the body, which handle() leaves out.
  if (request.method == "HEAD") request.method = "GET";
  if (static_files && request.method == "GET" && !is_api_path(request.path))
    return static_files->serve(request.path);
  return router.dispatch(request);
}

Server::Server(ServerConfig config, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(config), router)) {}

Server::~Server() {
  stop();
}

std::uint16_t Server::start() {
  return impl_->start();
}

void Server::stop() {
  impl_->stop();
}

std::uint16_t Server::port() const {
  return impl_->bound_port;
}

int Server::run() {
  // Before start(), so a signal never meets the default action once the line is printed.
  auto& signals = impl_->signals.emplace(*impl_->io_context, SIGINT, SIGTERM);
  signals.async_wait([this](const asio::error_code& error, int signal) {
    if (error) return;
    spdlog::info("shutdown signal={}", signal == SIGTERM ? "SIGTERM" : "SIGINT");
    impl_->request_stop();
  });
  const auto port = start();
  std::cout << "planscore: listening on " << (impl_->tls_context ? "https" : "http") << "://"
            << url_host(impl_->config.address) << ":" << port << std::endl;
  spdlog::info("listening address={} port={} threads={}", impl_->config.address, port,
               impl_->config.threads);
  {
    std::unique_lock lock(impl_->mutex);
    impl_->changed.wait(lock, [this] { return impl_->stop_requested; });
  }
  stop();
  spdlog::info("stopped");
  return 0;
}

}  // namespace planscore::http
