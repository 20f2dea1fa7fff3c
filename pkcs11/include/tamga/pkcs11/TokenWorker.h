// The one thread that owns token calls. Work is posted to it and runs in order; callers get a future (or a
// callback from whoever posts) and never wait on a token themselves. Between jobs the worker watches for tokens
// being plugged in or pulled: with the module's slot events where it reports them reliably (checked without
// blocking), by polling the slot list elsewhere, so a change is seen within one poll interval when it is idle.
#pragma once

#include "tamga/pkcs11/Error.h"
#include "tamga/pkcs11/Types.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace tamga::pkcs11 {

class Module;

struct PresenceChange {
    std::vector<TokenInfo> present;  // every token present now, across the watched modules
    std::vector<TokenInfo> inserted; // new since the last report (or changed: initialized, relabelled)
    std::vector<TokenInfo> removed;  // gone since the last report
};

class TokenWorker {
public:
    // Called on the worker thread; keep it short (hand the snapshot over to your own thread).
    using PresenceListener = std::function<void(const PresenceChange&)>;

    TokenWorker(std::vector<std::shared_ptr<Module>> modules, PresenceListener listener,
                std::chrono::milliseconds pollInterval = std::chrono::milliseconds(250));
    // Loads the modules on the worker thread itself (C_Initialize of a smart-card stack can take its time);
    // a module that cannot be loaded is reported to `onLoadError` and left out.
    using LoadErrorListener = std::function<void(const TokenError&)>;
    TokenWorker(std::vector<std::string> modulePaths, PresenceListener listener, LoadErrorListener onLoadError,
                std::chrono::milliseconds pollInterval = std::chrono::milliseconds(250));
    ~TokenWorker(); // finishes the job in hand, drops the queued ones, joins
    TokenWorker(const TokenWorker&) = delete;
    TokenWorker& operator=(const TokenWorker&) = delete;

    void post(std::function<void()> job);

    template <typename Function> auto run(Function function) -> std::future<decltype(function())>
    {
        using Value = decltype(function());
        auto task = std::make_shared<std::packaged_task<Value()>>(std::move(function));
        auto future = task->get_future();
        post([task] { (*task)(); });
        return future;
    }

    // The last snapshot of present tokens.
    std::vector<TokenInfo> present() const;

    // The loaded modules. Call it from a job (on the worker thread).
    const std::vector<std::shared_ptr<Module>>& modules() const { return m_modules; }

private:
    void loop();
    void scan(bool force);

    std::vector<std::shared_ptr<Module>> m_modules;
    std::vector<std::string> m_modulePaths; // loaded on the worker thread when given
    LoadErrorListener m_onLoadError;
    PresenceListener m_listener;
    std::chrono::milliseconds m_pollInterval;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    std::vector<TokenInfo> m_present;
    bool m_stopping = false;
    bool m_scannedOnce = false;
    std::chrono::steady_clock::time_point m_lastFullScan{};
    std::thread m_thread; // last: starts after everything above is ready
};

} // namespace tamga::pkcs11
