// A desk for in-process tests of the enrollment engine: a fresh database with an organization, an officer and the
// practice CA, and a real SoftHSM2 token (optionally behind the test module, which can pull it), with the engine
// built on them exactly as the CLI and the desk's worker build it. No mocks: the token, the CA and the checks are
// the ones a clerk's desk runs.
#pragma once

#include "CoreFixture.h"
#include "TestSupport.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Tokens.h"

#include <memory>
#include <optional>

namespace tamga::test {

class EngineFixture : public CoreFixture {
public:
    static constexpr const char* kUserPin = "258147";
    static constexpr const char* kSoPin = "86420975";

    explicit EngineFixture(std::optional<TestModuleOptions> moduleOptions = std::nullopt)
        : m_hsm(moduleOptions ? std::make_unique<SoftHsmSandbox>(*moduleOptions) : std::make_unique<SoftHsmSandbox>()),
          m_connectors(db(), QString::fromStdString(dir().path().string()))
    {
        m_serial = QString::fromStdString(m_hsm->initTokenWithSoftHsmUtil("Officer token", kSoPin, kUserPin));
        core::Registry registry(db());
        auto organization = registry.addOrganization(clerk(), QStringLiteral("Нийслэлийн Засаг даргын Тамгын газар"),
                                                     QStringLiteral("9000001"), std::nullopt);
        REQUIRE(organization);
        m_organizationId = *organization;
        m_officerId = addOfficer(QStringLiteral("Батбаяр"), QStringLiteral("УБ90010112"));
        REQUIRE(m_connectors.add(supervisor(), {0, QStringLiteral("practice"), QStringLiteral("practice"), {}}));
        auto modules = core::TokenModules::load({m_hsm->modulePath()});
        REQUIRE(modules);
        m_modules = *modules;
        m_engine.emplace(db(), m_connectors, m_modules);
    }

    qint64 addOfficer(const QString& givenName, const QString& civilId) const
    {
        auto id = core::Registry(db()).addOfficer(clerk(), {m_organizationId,
                                                            QStringLiteral("Дорж"),
                                                            givenName,
                                                            civilId,
                                                            QStringLiteral("Дарга"),
                                                            {},
                                                            QStringLiteral("officer@ub.gov.mn")});
        REQUIRE(id);
        return *id;
    }

    const core::EnrollmentEngine& engine() const { return *m_engine; }
    const core::TokenModules& modules() const { return m_modules; }
    const SoftHsmSandbox& hsm() const { return *m_hsm; }
    const QString& serial() const { return m_serial; }
    qint64 officerId() const { return m_officerId; }

    // The fixture officer's certificate on the fixture's token, verified through the practice CA (or `ca`).
    qint64 verifiedEnrollment(const QString& profile = QStringLiteral("signing"),
                              const QString& ca = QStringLiteral("practice")) const
    {
        auto id = engine().create(clerk(), officerId(), serial(), profile, ca);
        REQUIRE(id);
        auto done = engine().run(clerk(), *id, Pin(kUserPin), nullptr);
        INFO((done ? QString() : done.error().message).toStdString());
        REQUIRE(done);
        REQUIRE(done->state == core::EnrollmentState::Verified);
        return *id;
    }

    // The token's objects as the core lists them, with the user PIN.
    std::vector<core::TokenObject> objectsOnToken() const
    {
        const Pin pin(kUserPin);
        auto objects = m_modules.objects(m_serial, &pin);
        REQUIRE(objects);
        return *objects;
    }
    int countOnToken(core::ObjectClass objectClass) const
    {
        int n = 0;
        for (const auto& object : objectsOnToken())
            n += object.objectClass == objectClass ? 1 : 0;
        return n;
    }

private:
    std::unique_ptr<SoftHsmSandbox> m_hsm;
    core::CaConnectors m_connectors;
    core::TokenModules m_modules;
    std::optional<core::EnrollmentEngine> m_engine;
    QString m_serial;
    qint64 m_organizationId = 0;
    qint64 m_officerId = 0;
};

} // namespace tamga::test
