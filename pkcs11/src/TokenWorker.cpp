#include "tamga/pkcs11/TokenWorker.h"

#include "ModuleImpl.h"

#include <algorithm>

namespace tamga::pkcs11 {

namespace {

// Even modules with slot events get a full look this often, in case an event was missed.
constexpr std::chrono::seconds kFullScanInterval{5};

bool sameToken(const TokenInfo& a, const TokenInfo& b)
{
    return a.modulePath == b.modulePath && a.slotId == b.slotId && a.serial == b.serial;
}

// True when the module has a pending slot event. Never blocks.
bool slotEventPending(const Module& module)
{
    CK_SLOT_ID slot = 0;
    return module.impl().functions->C_WaitForSlotEvent(CKF_DONT_BLOCK, &slot, nullptr) == CKR_OK;
}

} // namespace

TokenWorker::TokenWorker(std::vector<std::shared_ptr<Module>> modules, PresenceListener listener,
                         std::chrono::milliseconds pollInterval)
    : m_modules(std::move(modules)), m_listener(std::move(listener)), m_pollInterval(pollInterval),
      m_thread([this] { loop(); })
{
}

TokenWorker::TokenWorker(std::vector<std::string> modulePaths, PresenceListener listener, LoadErrorListener onLoadError,
                         std::chrono::milliseconds pollInterval)
    : m_modulePaths(std::move(modulePaths)), m_onLoadError(std::move(onLoadError)), m_listener(std::move(listener)),
      m_pollInterval(pollInterval), m_thread([this] { loop(); })
{
}

TokenWorker::~TokenWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_jobs.clear();
    }
    m_wake.notify_all();
    m_thread.join();
}

void TokenWorker::post(std::function<void()> job)
{
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

std::vector<TokenInfo> TokenWorker::present() const
{
    std::lock_guard lock(m_mutex);
    return m_present;
}

void TokenWorker::loop()
{
    for (const std::string& path : m_modulePaths) {
        auto module = Module::load(path);
        if (module)
            m_modules.push_back(*module);
        else if (m_onLoadError)
            m_onLoadError(module.error());
    }
    scan(true);
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_jobs.empty())
            m_wake.wait_for(lock, m_pollInterval, [this] { return m_stopping || !m_jobs.empty(); });
        if (m_stopping)
            break;
        if (!m_jobs.empty()) {
            auto job = std::move(m_jobs.front());
            m_jobs.pop_front();
            lock.unlock();
            job();
            // A job may have changed tokens (initialized one, say): look again right away.
            scan(true);
            lock.lock();
        } else {
            lock.unlock();
            scan(false);
            lock.lock();
        }
    }
}

void TokenWorker::scan(bool force)
{
    const auto now = std::chrono::steady_clock::now();
    const bool fullScanDue = force || now - m_lastFullScan >= kFullScanInterval;
    if (fullScanDue)
        m_lastFullScan = now;

    std::vector<TokenInfo> present;
    {
        std::lock_guard lock(m_mutex);
        for (const TokenInfo& token : m_present)
            present.push_back(token);
    }
    bool looked = false;
    for (const auto& module : m_modules) {
        // Modules with trustworthy slot events are only re-read when they report one.
        if (!fullScanDue && module->reportsSlotEvents() && !slotEventPending(*module))
            continue;
        looked = true;
        // A module that learns of tokens only when initialized (or that kept a token that went) is initialized
        // again on a full scan, when nothing of it is open (this thread owns its calls).
        if (fullScanDue) {
            if (auto refreshed = module->refreshIfNeeded(); !refreshed && m_onLoadError)
                m_onLoadError(refreshed.error());
        }
        // The module's earlier list stays when its slot list cannot be read now (a single failing slot is left out
        // by Module::slots itself): one bad read must not empty the desk.
        auto tokens = module->tokens();
        if (!tokens)
            continue;
        std::erase_if(present, [&](const TokenInfo& t) { return t.modulePath == module->path(); });
        present.insert(present.end(), tokens->begin(), tokens->end());
    }
    if (!looked)
        return;

    PresenceChange change;
    {
        std::lock_guard lock(m_mutex);
        for (const TokenInfo& now : present) {
            auto before = std::ranges::find_if(m_present, [&](const TokenInfo& t) { return sameToken(t, now); });
            if (before == m_present.end() || !(*before == now))
                change.inserted.push_back(now);
        }
        for (const TokenInfo& before : m_present) {
            if (std::ranges::none_of(present, [&](const TokenInfo& t) { return sameToken(t, before); }))
                change.removed.push_back(before);
        }
        const bool first = !m_scannedOnce;
        m_scannedOnce = true;
        if (!first && change.inserted.empty() && change.removed.empty())
            return;
        m_present = present;
    }
    change.present = std::move(present);
    if (m_listener)
        m_listener(change);
}

} // namespace tamga::pkcs11
