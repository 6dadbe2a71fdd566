// The only translation unit that includes RESTinio (its headers take long to compile).
#include "http/server.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <future>
#include <iostream>
#include <mutex>
#include <optional>
#include <restinio/all.hpp>
#include <restinio/tls.hpp>
#include <set>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <variant>
#include <vector>

#include "core/access/client_address.h"
#include "http/ascii.h"
#include "http/connections_per_address.h"
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

// Refuses a connection from an address that already holds its share, and hears when
// connections close, so that work still queued or streaming for one stops.
class ConnectionWatch {
 public:
  // IPv6 clients by their /64 (client_address.h).
  static std::string client_of(const restinio::endpoint_t& endpoint) {
    return core::client_of_address(endpoint.address().to_string());
  }

  explicit ConnectionWatch(std::size_t per_address_limit) : per_address_(per_address_limit) {}

  restinio::ip_blocker::inspection_result_t inspect(
      const restinio::ip_blocker::incoming_info_t& incoming) noexcept {
    try {
      // RESTinio logs each one it denies.
      return per_address_.may_accept(client_of(incoming.remote_endpoint()))
                 ? restinio::ip_blocker::allow()
                 : restinio::ip_blocker::deny();
    } catch (...) {
      return restinio::ip_blocker::allow();
    }
  }

  void state_changed(const restinio::connection_state::notice_t& notice) noexcept {
    try {
      const auto cause = notice.cause();
      if (restinio::holds_alternative<restinio::connection_state::accepted_t>(cause)) {
        per_address_.opened(notice.connection_id(), client_of(notice.remote_endpoint()));
      } else if (restinio::holds_alternative<restinio::connection_state::closed_t>(cause)) {
        per_address_.closed(notice.connection_id());
        std::lock_guard lock(mutex_);
        if (auto found = watched_.find(notice.connection_id()); found != watched_.end())
          *found->second.closed = true;
      }
    } catch (...) {
      // A notice lost under memory pressure costs one connection's count, not the server.
    }
  }

  // A flag that turns true when the connection closes, until every watch() is forgotten.
  std::shared_ptr<std::atomic<bool>> watch(std::uint64_t connection) {
    std::lock_guard lock(mutex_);
    auto& entry = watched_[connection];
    if (!entry.closed) entry.closed = std::make_shared<std::atomic<bool>>(false);
    ++entry.watchers;
    return entry.closed;
  }
  void forget(std::uint64_t connection) {
    std::lock_guard lock(mutex_);
    if (auto found = watched_.find(connection);
        found != watched_.end() && --found->second.watchers == 0)
      watched_.erase(found);
  }

 private:
  struct Watched {
    std::shared_ptr<std::atomic<bool>> closed;
    int watchers = 0;
  };
  ConnectionsPerAddress per_address_;
  std::mutex mutex_;
  std::unordered_map<std::uint64_t, Watched> watched_;
};

struct Traits : restinio::traits_t<restinio::asio_timer_manager_t, RestinioLog> {
  static constexpr bool use_connection_count_limiter = true;
  using ip_blocker_t = ConnectionWatch;
  using connection_state_listener_t = ConnectionWatch;
};

struct TlsTraits : restinio::tls_traits_t<restinio::asio_timer_manager_t, RestinioLog> {
  static constexpr bool use_connection_count_limiter = true;
  using ip_blocker_t = ConnectionWatch;
  using connection_state_listener_t = ConnectionWatch;
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

// Requests read ahead on one connection while earlier ones are answered (see make_server).
constexpr std::size_t kPipelinedRequests = 4;

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

// One request on its way through the server.
struct Pending {
  restinio::request_handle_t handle;
  Request request;
  std::chrono::steady_clock::time_point started_at = std::chrono::steady_clock::now();
};

using ChunkedBuilder = restinio::response_builder_t<restinio::chunked_output_t>;

// A streamed body's pieces as chunks, each waited for before the next is taken, so a slow
// reader slows the producer down instead of piling its pieces up in memory.
class ChunkedBody final : public BodyWriter {
 public:
  ChunkedBody(ChunkedBuilder& builder, const std::atomic<bool>& client_gone,
              const std::atomic<bool>& draining)
      : builder_(builder), client_gone_(client_gone), draining_(draining) {}

  bool write(std::string_view piece) override {
    if (broken_ || client_gone_ || draining_) return give_up();
    if (piece.empty()) return true;
    auto written = std::make_shared<std::promise<bool>>();
    auto future = written->get_future();
    builder_.append_chunk(std::string(piece));
    builder_.flush([written](const asio::error_code& error) {
      try {
        written->set_value(!error);
      } catch (const std::future_error&) {
        // Told twice; the first answer stands.
      }
    });
    // Waits in steps, so that a reader that stopped reading cannot hold a stopping
    // server for the whole write timeout.
    while (future.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready)
      if (client_gone_ || draining_) return give_up();
    if (!future.get()) return give_up();
    bytes_ += piece.size();
    return true;
  }

  std::size_t bytes() const { return bytes_; }
  bool broken() const { return broken_; }

 private:
  bool give_up() {
    broken_ = true;
    return false;
  }
  ChunkedBuilder& builder_;
  const std::atomic<bool>& client_gone_;
  const std::atomic<bool>& draining_;
  std::size_t bytes_ = 0;
  bool broken_ = false;
};

}  // namespace

struct Server::Impl {
  ServerConfig config;
  const Router& router;
  std::optional<StaticFiles> static_files;
  std::shared_ptr<asio::ssl::context> tls_context;  // set when serving HTTPS
  std::shared_ptr<ConnectionWatch> connections;

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

  // Long requests (Route::runs_long): at most report_workers run at once and as many
  // again times three wait; past that they are answered 503 at once.
  std::optional<asio::thread_pool> report_workers;
  std::atomic<std::size_t> report_jobs{0};  // running or waiting
  std::size_t report_capacity = 0;

  // Responses held back by Response::send_after; stop() sends them at once.
  std::mutex held_mutex;
  std::set<std::shared_ptr<asio::steady_timer>> held;

  // Destroyed by stop(): only that closes the connections still open (idle keep-alive
  // ones), since RESTinio offers no way to close them. See retire().
  std::optional<asio::io_context> io_context{std::in_place};
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::optional<asio::signal_set> signals;  // run()'s
  std::variant<std::monostate, std::unique_ptr<PlainServer>, std::unique_ptr<TlsServer>> server;
  std::vector<std::thread> threads;

  Impl(ServerConfig server_config, const Router& server_router)
      : config(std::move(server_config)),
        router(server_router),
        connections(std::make_shared<ConnectionWatch>(config.max_connections_per_address)) {
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
  void release_held_responses();

  restinio::request_handling_status_t handle(const restinio::request_handle_t& handle);
  std::optional<Response> read_request(const restinio::request_t& incoming, Request& request) const;
  Response answer(Request& request) const;
  void run_long(const std::shared_ptr<Pending>& pending);
  void send(const std::shared_ptr<Pending>& pending, Response response);
  void write_whole(Pending& pending, Response response);
  void write_stream(Pending& pending, Response response, const std::atomic<bool>& client_gone);
  void log(const Pending& pending, int status, std::size_t bytes) const;
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
      // More than one, so that the connection is still read while a long request runs
      // and a client that goes away is noticed; responses still leave in request order.
      .max_pipelined_requests(kPipelinedRequests)
      .ip_blocker(connections)
      .connection_state_listener(connections)
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
  report_workers.emplace(config.report_workers);
  report_capacity = std::size_t{config.report_workers} * 4;
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

void Server::Impl::release_held_responses() {
  std::lock_guard lock(held_mutex);
  for (const auto& timer : held) timer->cancel();
}

void Server::Impl::stop() {
  std::lock_guard stop_lock(stop_mutex);
  request_stop();
  if (!started || stopped) return;
  stopped = true;
  draining = true;
  close_acceptor();
  release_held_responses();
  {
    std::unique_lock lock(mutex);
    if (!changed.wait_for(lock, config.request_timeout, [this] { return in_flight == 0; }))
      spdlog::warn("shutdown: {} request(s) still running after {}s; closing them", in_flight,
                   config.request_timeout.count());
  }
  // Streams see `draining` and stop; a report still being laid out is waited for.
  report_workers->join();
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
  {
    std::lock_guard lock(mutex);
    ++in_flight;
  }
  auto pending = std::make_shared<Pending>(Pending{handle, {}});
  std::optional<Response> refusal;
  try {
    refusal = read_request(*handle, pending->request);
  } catch (const std::exception& e) {
    spdlog::error("reading a request failed error={}", log_quote(e.what()));
    refusal = internal_error();
  }
  if (refusal) {
    send(pending, std::move(*refusal));
  } else if (router.runs_long(pending->request)) {
    run_long(pending);
  } else {
    auto response = answer(pending->request);
    if (response.stream) {
      spdlog::error("a route that does not run long streamed its response path={}",
                    log_quote(pending->request.path));
      response = internal_error();
    }
    send(pending, std::move(response));
  }
  return restinio::request_accepted();
}

std::optional<Response> Server::Impl::read_request(const restinio::request_t& incoming,
                                                   Request& request) const {
  const auto& header = incoming.header();
  request.method = header.method().c_str();
  request.remote_address = incoming.remote_endpoint().address().to_string();
  std::optional<std::string> bad_name;
  header.for_each_field([&](const restinio::http_header_field_t& field) {
    if (!is_http_token(field.name()) && !bad_name) bad_name = field.name();
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
  if (bad_name) {
    // The body may have been framed by a header this server read one way and a proxy in
    // front of it another: the connection cannot be trusted past this request.
    auto response = bad_request("The header name " + log_quote(*bad_name) +
                                " is not valid: a name is a token, without spaces.");
    response.set_header("Connection", "close");
    return response;
  }
  const auto query =
      restinio::try_parse_query<restinio::parse_query_traits::relaxed>(header.query());
  if (!query) return bad_request("The query string is malformed: " + query.error().description());
  for (const auto& [name, value] : *query) request.query.emplace(name, value);
  if (const auto tag = query->tag()) request.query.emplace(*tag, "");

  if (request.body.size() > config.max_body_bytes)
    return payload_too_large("The request body is larger than " +
                             std::to_string(config.max_body_bytes) + " bytes.");
  // HEAD is GET without the body, which the writers leave out.
  if (request.method == "HEAD") request.method = "GET";
  return std::nullopt;
}

Response Server::Impl::answer(Request& request) const {
  try {
    if (static_files && request.method == "GET" && !is_api_path(request.path))
      return static_files->serve(request.path);
    return router.dispatch(request);
  } catch (const std::exception& e) {
    spdlog::error("request failed method={} path={} error={}", request.method,
                  log_quote(request.path), log_quote(e.what()));
    return internal_error();
  }
}

void Server::Impl::run_long(const std::shared_ptr<Pending>& pending) {
  if (report_jobs.fetch_add(1) >= report_capacity) {
    --report_jobs;
    send(pending, service_busy(std::chrono::seconds(10),
                               "The server is busy with other reports and imports; try again "
                               "in a few seconds."));
    return;
  }
  const auto connection = pending->handle->connection_id();
  auto client_gone = connections->watch(connection);
  asio::post(*report_workers, [this, pending, client_gone, connection] {
    if (*client_gone) {
      // Nobody is waiting for the answer: skip the work (logged as nginx does, 499).
      log(*pending, 499, 0);
      finished();
    } else if (draining) {
      send(pending, service_busy(std::chrono::seconds(10), "The server is stopping."));
    } else {
      auto response = answer(pending->request);
      if (response.stream)
        write_stream(*pending, std::move(response), *client_gone);
      else
        send(pending, std::move(response));
    }
    connections->forget(connection);
    --report_jobs;
  });
}

void Server::Impl::send(const std::shared_ptr<Pending>& pending, Response response) {
  add_security_headers(response, pending->request.path, config.https());
  // Held at most half the request timeout, after which RESTinio would drop the request.
  const auto hold = std::min<std::chrono::milliseconds>(
      response.send_after,
      std::chrono::duration_cast<std::chrono::milliseconds>(config.request_timeout) / 2);
  if (hold.count() > 0 && !draining) {
    auto timer = std::make_shared<asio::steady_timer>(*io_context, hold);
    {
      std::lock_guard lock(held_mutex);
      held.insert(timer);
    }
    timer->async_wait(
        [this, timer, pending, response = std::move(response)](const asio::error_code&) mutable {
          {
            std::lock_guard lock(held_mutex);
            held.erase(timer);
          }
          write_whole(*pending, std::move(response));
        });
    return;
  }
  // Written from the io_context after the handler has returned, never inside it: RESTinio
  // 0.6.16 mixes up pipelined requests when a response is completed within its handler.
  asio::post(*io_context, [this, pending, response = std::move(response)]() mutable {
    write_whole(*pending, std::move(response));
  });
}

void Server::Impl::write_whole(Pending& pending, Response response) {
  const auto& handle = pending.handle;
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
  log(pending, response.status, body_bytes);
  try {
    builder.done([this](const asio::error_code&) { finished(); });
  } catch (const std::exception& e) {
    spdlog::error("writing the response failed error={}", log_quote(e.what()));
    finished();
  }
}

void Server::Impl::write_stream(Pending& pending, Response response,
                                const std::atomic<bool>& client_gone) {
  add_security_headers(response, pending.request.path, config.https());
  if (pending.handle->header().method() == restinio::http_method_head()) {
    write_whole(pending, std::move(response));
    return;
  }
  auto builder =
      pending.handle->create_response<restinio::chunked_output_t>(restinio::http_status_line_t{
          restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
          reason_phrase(response.status)});
  for (auto& [name, value] : response.headers)
    if (!ascii_iequals(name, "Connection") && !ascii_iequals(name, "Content-Length"))
      builder.append_header(name, std::move(value));
  builder.append_header_date_field();
  ChunkedBody body(builder, client_gone, draining);
  try {
    response.stream(body);
  } catch (const std::exception& e) {
    spdlog::error("streaming a response failed path={} error={}", log_quote(pending.request.path),
                  log_quote(e.what()));
    log(pending, response.status, body.bytes());
    finished();
    return;
  }
  log(pending, response.status, body.bytes());
  if (body.broken()) {
    // Left unfinished: RESTinio closes the connection, and the client sees an incomplete
    // transfer rather than a short file that looks whole.
    finished();
    return;
  }
  try {
    builder.done([this](const asio::error_code&) { finished(); });
  } catch (const std::exception& e) {
    spdlog::error("writing the response failed error={}", log_quote(e.what()));
    finished();
  }
}

void Server::Impl::log(const Pending& pending, int status, std::size_t bytes) const {
  AccessRecord record;
  record.method = pending.handle->header().method().c_str();
  record.path = pending.request.path;
  record.status = status;
  record.bytes = bytes;
  record.duration = std::chrono::steady_clock::now() - pending.started_at;
  record.remote_address = pending.request.remote_address;
  log_access(record);
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
