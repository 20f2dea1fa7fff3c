// Private to the enrollment engine (Enrollment.cpp, EnrollmentSteps.cpp): what one run of an enrollment carries
// from step to step.
#pragma once

#include "TokenLayer.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Registry.h"
#include "tamga/core/TokenService.h"
#include "tamga/pkcs11/Token.h"

#include <QByteArray>

#include <optional>
#include <vector>

namespace tamga::core {

inline QByteArray toBytes(const std::vector<std::uint8_t>& bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
}

inline std::vector<std::uint8_t> fromBytes(const QByteArray& bytes)
{
    return {bytes.begin(), bytes.end()};
}

struct EnrollmentEngine::Context {
    const Operator& by;
    EnrollmentRecord record;
    const Pin& pin;
    const TokenPreparation* preparation;
    const ProgressSink& progress;
    Officer officer;
    CertificateProfile profile;
    CaConfig ca;
    std::shared_ptr<pkcs11::Module> module;
    // The token for this run, logged in once (see held()).
    std::optional<pkcs11::Token> work;
    // The public key, when this run generated or found the key (saves reading it back).
    QByteArray publicKeyDer;

    void report(const QString& message) const
    {
        if (progress)
            progress(record.state, message);
    }
    QString keyLabel() const
    {
        return QStringLiteral("%1 %2 %3 #%4")
            .arg(officer.fields.surname, officer.fields.givenName, profile.name)
            .arg(record.id);
    }
    // The token, logged in once for the rest of the run.
    CoreResult<pkcs11::Token*> held()
    {
        if (work)
            return &*work;
        work.emplace(module, record.tokenSerial.toStdString());
        if (auto loggedIn = work->holdSession(pin); !loggedIn) {
            work.reset();
            return std::unexpected(fromTokenError(loggedIn.error()));
        }
        return &*work;
    }
};

} // namespace tamga::core
