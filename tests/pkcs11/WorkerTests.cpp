// The token worker: jobs run in order on its own thread, and tokens plugged in or pulled are noticed within a
// second without anyone waiting for it.
#include "TestSupport.h"
#include "tamga/pkcs11/Module.h"
#include "tamga/pkcs11/Token.h"
#include "tamga/pkcs11/TokenWorker.h"
#include "tamga/secret/SecretBuffer.h"

#include <catch2/catch.hpp>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>

using namespace tamga::pkcs11;
using namespace std::chrono_literals;
using tamga::test::SoftHsmSandbox;

namespace {

// Collects presence reports from the worker thread for the test thread.
class PresenceLog {
public:
    void add(const PresenceChange& change)
    {
        std::lock_guard lock(m_mutex);
        m_changes.push_back(change);
        m_changed.notify_all();
    }

    // Waits (at most `limit`) for a report that satisfies `test`.
    template <typename Test> bool waitFor(std::chrono::milliseconds limit, Test test)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, limit, [&] { return std::any_of(m_changes.begin(), m_changes.end(), test); });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<PresenceChange> m_changes;
};

} // namespace

TEST_CASE("jobs run on the worker thread - in the order they were posted")
{
    SoftHsmSandbox hsm;
    auto module = Module::load(hsm.modulePath());
    REQUIRE(module);
    TokenWorker worker({*module}, nullptr);
    std::vector<int> order;
    std::vector<std::future<std::thread::id>> threads;
    for (int i = 0; i < 5; ++i) {
        threads.push_back(worker.run([&order, i] {
            order.push_back(i);
            return std::this_thread::get_id();
        }));
    }
    for (auto& t : threads)
        CHECK(t.get() != std::this_thread::get_id());
    CHECK(order == std::vector<int>{0, 1, 2, 3, 4});

    // A token operation through the worker returns its Result like any other value.
    auto tokens = worker.run([m = *module] { return m->tokens(); }).get();
    REQUIRE(tokens);
    CHECK(tokens->size() == 1);
}

TEST_CASE("a token initialized - pulled and plugged back in is noticed within a second")
{
    SoftHsmSandbox hsm(tamga::test::TestModuleOptions{});
    auto module = Module::load(hsm.modulePath());
    REQUIRE(module);
    PresenceLog log;
    TokenWorker worker({*module}, [&log](const PresenceChange& change) { log.add(change); });
    REQUIRE(log.waitFor(1s, [](const PresenceChange& c) { return c.present.size() == 1; }));

    // Initialized through the worker: the new token shows up in a report.
    auto initialized = worker
                           .run([m = *module] {
                               auto blank = m->findUninitializedToken();
                               return Token::initialize(m, *blank, Pin("12345678"), "hotplug", Pin("1234"));
                           })
                           .get();
    REQUIRE(initialized);
    const std::string serial = initialized->serial;
    CHECK(log.waitFor(1s, [&](const PresenceChange& c) {
        return std::any_of(c.inserted.begin(), c.inserted.end(), [&](auto& t) { return t.serial == serial; });
    }));

    // Pulled while the worker is idle: reported as removed within one second.
    const auto pulledAt = std::chrono::steady_clock::now();
    hsm.pullToken();
    REQUIRE(log.waitFor(1s, [&](const PresenceChange& c) {
        return std::any_of(c.removed.begin(), c.removed.end(), [&](auto& t) { return t.serial == serial; });
    }));
    CHECK(std::chrono::steady_clock::now() - pulledAt < 1s);
    CHECK(worker.present().empty());

    hsm.plugTokenBackIn();
    CHECK(log.waitFor(1s, [&](const PresenceChange& c) {
        return c.removed.empty() &&
               std::any_of(c.inserted.begin(), c.inserted.end(), [&](auto& t) { return t.serial == serial; }) &&
               c.present.size() == 2;
    }));
}

TEST_CASE("one token of three going away leaves the other two listed - a token made by another process appears")
{
    SoftHsmSandbox hsm; // SoftHSM2 itself: it learns of tokens only when initialized
    for (const char* label : {"alpha", "bravo", "charlie"})
        hsm.initTokenWithSoftHsmUtil(label, "12345678", "1234");
    auto module = Module::load(hsm.modulePath());
    REQUIRE(module);
    PresenceLog log;
    TokenWorker worker({*module}, [&log](const PresenceChange& change) { log.add(change); });
    auto labels = [](const PresenceChange& c) {
        std::set<std::string> found;
        for (const auto& t : c.present)
            if (t.flags.tokenInitialized)
                found.insert(t.label);
        return found;
    };
    REQUIRE(log.waitFor(2s, [&](const PresenceChange& c) {
        return labels(c) == std::set<std::string>{"alpha", "bravo", "charlie"};
    }));

    // bravo's folder goes (SoftHSM's way of a pulled token): SoftHSM keeps its slot and answers
    // CKR_GENERAL_ERROR for it; the other two stay on the list.
    std::filesystem::path bravo;
    for (const auto& entry : std::filesystem::directory_iterator(hsm.dir().path() / "tokens")) {
        std::ifstream object(entry.path() / "token.object", std::ios::binary);
        const std::string content((std::istreambuf_iterator<char>(object)), std::istreambuf_iterator<char>());
        if (content.find("bravo") != std::string::npos)
            bravo = entry.path();
    }
    REQUIRE_FALSE(bravo.empty());
    std::filesystem::remove_all(bravo);
    CHECK(log.waitFor(7s, [&](const PresenceChange& c) {
        return labels(c) == std::set<std::string>{"alpha", "charlie"};
    }));
    // A token made now by another process shows without a restart (the module is initialized again).
    hsm.initTokenWithSoftHsmUtil("delta", "12345678", "1234");
    CHECK(log.waitFor(12s, [&](const PresenceChange& c) {
        return labels(c) == std::set<std::string>{"alpha", "charlie", "delta"};
    }));
    // And tokens are still usable after the module was initialized again.
    auto alpha = worker
                     .run([m = *module] {
                         auto tokens = m->tokens();
                         if (!tokens)
                             return false;
                         for (const auto& t : *tokens)
                             if (t.label == "alpha")
                                 return Token(m, t.serial).objects(nullptr).has_value();
                         return false;
                     })
                     .get();
    CHECK(alpha);
}
