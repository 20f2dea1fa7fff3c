// The enrollment engine's steps, one function for each state an enrollment leaves, and what they share: finding
// the token, writing the certificate, reading the token back. Enrollment.cpp holds the records, transitions and
// the run loop; EnrollmentExchange.cpp the offline batch export and import.
#include "EnrollmentContext.h"

#include "Ossl.h"
#include "TokenInventory.h"
#include "tamga/core/CertificateRequest.h"
#include "tamga/core/Database.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/SealedSecrets.h"
#include "tamga/core/TokenService.h"
#include "tamga/pkcs11/Module.h"

namespace tamga::core {

CoreStatus EnrollmentEngine::step(Context& context) const
{
    switch (context.record.state) {
    case EnrollmentState::Created:
        return prepareToken(context);
    case EnrollmentState::TokenPrepared:
        return generateKey(context);
    case EnrollmentState::KeyGenerated:
        return buildRequest(context);
    case EnrollmentState::RequestBuilt:
        return submitRequest(context);
    case EnrollmentState::Submitted:
        return collectCertificate(context);
    case EnrollmentState::CertificateReceived:
        return writeCertificate(context);
    case EnrollmentState::WrittenToToken:
        return readTokenBack(context);
    case EnrollmentState::Verified:
    case EnrollmentState::HandedOver:
    case EnrollmentState::Failed:
    case EnrollmentState::Cancelled:
        return {};
    }
    return {};
}

CoreStatus EnrollmentEngine::locateToken(Context& context) const
{
    // The token, wherever it is plugged in (the serial can change when it is initialized). A token that two
    // plugged-in tokens could be is said to be so, not "not plugged in".
    const EnrollmentRecord& r = context.record;
    for (const auto& module : modulesOf(m_modules)) {
        auto found = module->findToken(r.tokenSerial.toStdString());
        if (found) {
            context.module = module;
            return {};
        }
        if (found.error().kind == pkcs11::ErrorKind::AmbiguousToken)
            return std::unexpected(fromTokenError(found.error()));
    }
    // Kept as the token layer's "not found", so that the desk says "plug it in" rather than "the token refused".
    return std::unexpected(
        CoreError{CoreErrorKind::Token,
                  QStringLiteral("the token %1 is not plugged in; plug it in and resume enrollment #%2")
                      .arg(r.tokenSerial)
                      .arg(r.id),
                  TokenErrorKind::TokenNotFound});
}

CoreResult<pkcs11::Token*> EnrollmentEngine::workToken(Context& context) const
{
    // The token located and logged in once for the rest of the run.
    if (auto located = locateToken(context); !located)
        return std::unexpected(located.error());
    return context.held();
}

// created -> token_prepared: the token found (or the blank one), checked that it can make the profile's key,
// initialized when asked, and entered in the token inventory.
CoreStatus EnrollmentEngine::prepareToken(Context& context) const
{
    EnrollmentRecord& r = context.record;
    const TokenPreparation* preparation = context.preparation;
    // A random SO PIN sealed under the desk key: sealed for this enrollment before the token is touched (the
    // pending seal, SealedSecrets.h), moved to the token when it is recorded prepared.
    const bool sealsSoPin = preparation && preparation->sealWith;
    std::optional<Pin> pendingSoPin;
    std::optional<pkcs11::TokenInfo> found;
    if (r.tokenSerial.isEmpty()) {
        // The new token plugged in, to be initialized now.
        if (!preparation) {
            return coreError(CoreErrorKind::Token, QStringLiteral("enrollment #%1 is for a new token: it must be "
                                                                  "initialized (give a label and SO PIN)")
                                                       .arg(r.id));
        }
        if (sealsSoPin) {
            auto pending = SealedSecrets(m_database).openPending(context.by, *preparation->sealWith, r.id);
            if (!pending)
                return std::unexpected(pending.error());
            pendingSoPin = std::move(*pending);
        }
        if (pendingSoPin) {
            // This enrollment initialized a token before the desk stopped: that token, never a second one.
            auto adopted = takeUpInitializedToken(context, *pendingSoPin);
            if (!adopted)
                return std::unexpected(adopted.error());
            found = *adopted;
        } else {
            for (const auto& module : modulesOf(m_modules)) {
                if (auto blank = module->findUninitializedToken()) {
                    context.module = module;
                    found = *blank;
                    break;
                }
            }
        }
        if (!found)
            return std::unexpected(CoreError{CoreErrorKind::Token, QStringLiteral("no new token is plugged in"),
                                             TokenErrorKind::TokenNotFound});
    } else {
        if (auto located = locateToken(context); !located)
            return located;
        auto info = context.module->findToken(r.tokenSerial.toStdString());
        if (!info)
            return std::unexpected(fromTokenError(info.error()));
        found = *info;
    }
    auto info = std::optional<TokenSnapshot>(snapshotOf(*found));
    QString serial = r.tokenSerial;
    bool initialized = false;
    // A token that cannot make the profile's key is refused before anything on it is erased or changed.
    if (auto able = pkcs11::Token::checkCanGenerate(context.module, *found, toTokenLayer(context.profile.keyType));
        !able)
        return std::unexpected(fromTokenError(able.error()));
    if (pendingSoPin) {
        serial = QString::fromStdString(found->serial);
        initialized = true;
    } else if (preparation) {
        if (sealsSoPin) {
            if (auto kept =
                    SealedSecrets(m_database).sealPending(context.by, *preparation->sealWith, r.id, preparation->soPin);
                !kept)
                return kept;
        }
        context.report(QStringLiteral("initializing the token"));
        // Through the token service: erasing a token that was set up before is a supervisor's action, and
        // either way the initialization is audited with the token's serial.
        auto done = TokenService(m_database, tokenModulesOf({context.module}))
                        .initialize(context.by, r.tokenSerial, preparation->label, preparation->soPin, context.pin);
        if (!done) {
            // Refused before the token changed: the pending SO PIN is no one's. A token pulled (or an error the
            // desk cannot place) may have been initialized with it: kept, so that the token is taken up again.
            const TokenErrorKind kind = done.error().tokenErrorKind;
            if (sealsSoPin && kind != TokenErrorKind::TokenRemoved && kind != TokenErrorKind::TokenNotFound &&
                kind != TokenErrorKind::Other && kind != TokenErrorKind::ModuleFailed)
                static_cast<void>(SealedSecrets(m_database).clearPending(r.id));
            // Said in the clerk's words: the token layer names the module and the serial it looked for.
            if (kind == TokenErrorKind::TokenRemoved || kind == TokenErrorKind::TokenNotFound) {
                CoreError pulled = done.error();
                pulled.message = QStringLiteral("the token was pulled out while it was being prepared: plug the same "
                                                "token in again and enrollment #%1 goes on with it")
                                     .arg(r.id);
                return std::unexpected(pulled);
            }
            return std::unexpected(done.error());
        }
        info = *done;
        serial = QString::fromStdString(done->serial);
        initialized = true;
    } else if (!info->flags.tokenInitialized || !info->flags.userPinInitialized) {
        return coreError(CoreErrorKind::Token, QStringLiteral("the token %1 is not initialized; enroll with --init "
                                                              "--label L --so-pin-file F")
                                                   .arg(r.tokenSerial));
    }
    r.tokenSerial = serial;
    const Pin& soPin = pendingSoPin ? *pendingSoPin : (preparation ? preparation->soPin : context.pin);
    // The token inventory learns what this token is, in the same transaction as the state: an enrollment is never
    // "token prepared" with a token the inventory does not know.
    return transition(context, EnrollmentState::TokenPrepared, {},
                      {{QStringLiteral("token"), serial},
                       {QStringLiteral("model"), QString::fromStdString(info->model)},
                       {QStringLiteral("initialized"), initialized}},
                      [&](AuditTrail& trail) -> CoreStatus {
                          auto tokenRow = enterTokenInInventory(m_database, context.by.name, serial, *info, r.id);
                          if (!tokenRow)
                              return std::unexpected(tokenRow.error());
                          auto linked = m_database.exec(
                              QStringLiteral("UPDATE enrollments SET token_id = ? WHERE id = ?"), {*tokenRow, r.id});
                          if (!linked)
                              return std::unexpected(linked.error());
                          if (!initialized)
                              return {};
                          if (auto sealed = sealPreparedSecrets(context, trail, serial, soPin); !sealed)
                              return sealed;
                          return sealsSoPin ? SealedSecrets(m_database).clearPending(r.id) : CoreStatus{};
                      });
}

// A token this enrollment initialized before the desk stopped: labelled for the officer, recorded by no
// enrollment, and opened by the pending SO PIN (only that token has it). Its user PIN is set again (the run's).
CoreResult<pkcs11::TokenInfo> EnrollmentEngine::takeUpInitializedToken(Context& context, const Pin& soPin) const
{
    const std::string label = context.preparation->label.trimmed().toStdString();
    EnrollmentRecords records(m_database);
    for (const auto& module : modulesOf(m_modules)) {
        auto tokens = module->tokens();
        if (!tokens)
            return std::unexpected(fromTokenError(tokens.error()));
        for (const pkcs11::TokenInfo& candidate : *tokens) {
            if (!candidate.flags.tokenInitialized || candidate.label != label)
                continue;
            auto owners = records.onToken(QString::fromStdString(candidate.serial));
            if (!owners)
                return std::unexpected(owners.error());
            if (!owners->empty())
                continue;
            context.report(QStringLiteral("taking up the token initialized before the desk stopped"));
            pkcs11::Token token(module, candidate.serial);
            if (!token.setUserPinWithSoPin(soPin, context.pin))
                continue; // not the one: its SO PIN is another
            context.module = module;
            auto fresh = module->findToken(candidate.serial);
            if (!fresh)
                return std::unexpected(fromTokenError(fresh.error()));
            return *fresh;
        }
    }
    return std::unexpected(CoreError{
        CoreErrorKind::Token,
        QStringLiteral("the token initialized for enrollment #%1 (label \"%2\") is not plugged in: plug it in again "
                       "(the desk keeps its SO PIN); if it is lost, cancel enrollment #%1")
            .arg(context.record.id)
            .arg(context.preparation->label),
        TokenErrorKind::TokenNotFound});
}

// The secrets of a token the desk initialized, sealed under the desk key when the preparation asks for it: the SO
// PIN always, the user PIN when it is the initial PIN of a token prepared before its officer comes.
CoreStatus EnrollmentEngine::sealPreparedSecrets(Context& context, AuditTrail& trail, const QString& serial,
                                                 const Pin& soPin) const
{
    const TokenPreparation* preparation = context.preparation;
    if (!preparation || !preparation->sealWith)
        return {};
    SealedSecrets secrets(m_database);
    if (auto sealed = secrets.seal(trail, context.by, *preparation->sealWith, serial, SecretKind::SoPin, soPin);
        !sealed)
        return sealed;
    if (preparation->sealUserPin)
        return secrets.seal(trail, context.by, *preparation->sealWith, serial, SecretKind::InitialPin, context.pin);
    return {};
}

// token_prepared -> key_generated: the key pair made on the token, or the one an interrupted run left taken.
CoreStatus EnrollmentEngine::generateKey(Context& context) const
{
    auto held = workToken(context);
    if (!held)
        return std::unexpected(held.error());
    pkcs11::Token& token = **held;
    // A key left by an interrupted run (same label, made before the crash) is taken, never a second one.
    const std::string label = context.keyLabel().toStdString();
    auto existing = token.findKeyPair(context.pin, label);
    if (!existing)
        return std::unexpected(fromTokenError(existing.error()));
    std::optional<std::vector<std::uint8_t>> keyId;
    if (*existing) {
        keyId = (*existing)->id;
        context.publicKeyDer = toBytes((*existing)->publicKeyDer);
    }
    const bool reused = keyId.has_value();
    if (!keyId) {
        context.report(QStringLiteral("generating the key pair on the token"));
        auto generated = token.generateKeyPair(context.pin, toTokenLayer(context.profile.keyType), label);
        if (!generated)
            return std::unexpected(fromTokenError(generated.error()));
        keyId = generated->id;
        context.publicKeyDer = toBytes(generated->publicKeyDer);
    }
    const QString idHex = QString::fromStdString(pkcs11::toHex(*keyId));
    return transition(context, EnrollmentState::KeyGenerated, {{QStringLiteral("key_id"), idHex}},
                      {{QStringLiteral("key_id"), idHex},
                       {QStringLiteral("key_type"), QString::fromStdString(keyTypeName(context.profile.keyType))},
                       {QStringLiteral("reused_after_interruption"), reused}});
}

// key_generated -> request_built: the PKCS#10 request built and signed on the token.
CoreStatus EnrollmentEngine::buildRequest(Context& context) const
{
    EnrollmentRecord& r = context.record;
    auto held = workToken(context);
    if (!held)
        return std::unexpected(held.error());
    pkcs11::Token& token = **held;
    const auto keyId = pkcs11::fromHex(r.keyIdHex.toStdString());
    if (!keyId)
        return coreError(CoreErrorKind::Database, QStringLiteral("enrollment #%1 has no key ID").arg(r.id));
    if (context.publicKeyDer.isEmpty()) {
        auto publicKey = token.publicKey(context.pin, *keyId);
        if (!publicKey)
            return std::unexpected(fromTokenError(publicKey.error()));
        context.publicKeyDer = toBytes(*publicKey);
    }
    auto subject = buildSubject(context.profile, context.officer);
    if (!subject)
        return std::unexpected(subject.error());
    auto signer = token.signingKey(context.pin, *keyId);
    if (!signer)
        return std::unexpected(fromTokenError(signer.error()));
    context.report(QStringLiteral("signing the request on the token"));
    auto request = buildCertificateRequest(*subject, context.profile, context.publicKeyDer, signer->get());
    if (!request)
        return std::unexpected(request.error());
    return transition(context, EnrollmentState::RequestBuilt,
                      {{QStringLiteral("csr_pem"), QString::fromLatin1(request->pem)}},
                      {{QStringLiteral("subject"),
                        ossl::nameText(X509_REQ_get_subject_name(ossl::requestFromDer(request->der).get()))}});
}

// request_built -> submitted (-> certificate_received when the CA answers at once).
CoreStatus EnrollmentEngine::submitRequest(Context& context) const
{
    EnrollmentRecord& r = context.record;
    auto connector = m_connectors.open(context.ca);
    if (!connector)
        return std::unexpected(connector.error());
    auto request = ossl::requestFromPem(r.requestPem);
    if (!request)
        return coreError(CoreErrorKind::Database, QStringLiteral("enrollment #%1 has no readable request").arg(r.id));
    context.report(QStringLiteral("sending the request to %1").arg(context.ca.name));
    auto response = (*connector)->submit(ossl::derOf(request.get()), context.profile, r.id);
    if (!response)
        return std::unexpected(response.error());
    if (response->status == CaResponse::Status::Pending) {
        if (auto moved =
                transition(context, EnrollmentState::Submitted, {{QStringLiteral("ca_reference"), response->reference}},
                           {{QStringLiteral("ca"), context.ca.name},
                            {QStringLiteral("pending"), true},
                            {QStringLiteral("reference"), response->reference}});
            !moved)
            return moved;
        return coreError(
            CoreErrorKind::Pending,
            QStringLiteral("the request waits for the CA %1 (%2)").arg(context.ca.name, response->reference));
    }
    auto accepted = acceptCertificate(context.by, r, *response);
    if (!accepted)
        return std::unexpected(accepted.error());
    if (auto moved = transition(context, EnrollmentState::Submitted, {},
                                {{QStringLiteral("ca"), context.ca.name}, {QStringLiteral("pending"), false}});
        !moved)
        return moved;
    return storeReceived(context, *accepted);
}

// submitted -> certificate_received: the CA asked again or its pending answer collected.
CoreStatus EnrollmentEngine::collectCertificate(Context& context) const
{
    EnrollmentRecord& r = context.record;
    auto connector = m_connectors.open(context.ca);
    if (!connector)
        return std::unexpected(connector.error());
    auto request = ossl::requestFromPem(r.requestPem);
    if (!request)
        return coreError(CoreErrorKind::Database, QStringLiteral("enrollment #%1 has no readable request").arg(r.id));
    // A CA that answers at once and has no reference for us was interrupted before its answer was stored:
    // ask it again (the CA may then hold two certificates for this key; only the one accepted here is used).
    auto response = r.caReference.isEmpty() ? (*connector)->submit(ossl::derOf(request.get()), context.profile, r.id)
                                            : (*connector)->collect(r.caReference, ossl::derOf(request.get()));
    if (!response)
        return std::unexpected(response.error());
    if (response->status == CaResponse::Status::Pending) {
        return coreError(CoreErrorKind::Pending, QStringLiteral("the request still waits for the CA %1; import its "
                                                                "answer with batch import")
                                                     .arg(context.ca.name));
    }
    auto accepted = acceptCertificate(context.by, r, *response);
    if (!accepted)
        return std::unexpected(accepted.error());
    return storeReceived(context, *accepted);
}

// certificate_received -> written_to_token: the certificate and its chain stored beside the key.
CoreStatus EnrollmentEngine::writeCertificate(Context& context) const
{
    EnrollmentRecord& r = context.record;
    if (auto located = locateToken(context); !located)
        return located;
    if (!r.certificate)
        return coreError(CoreErrorKind::Database, QStringLiteral("enrollment #%1 has no stored certificate").arg(r.id));
    auto held = context.held();
    if (!held)
        return std::unexpected(held.error());
    pkcs11::Token& token = **held;
    const auto keyId = pkcs11::fromHex(r.keyIdHex.toStdString());
    auto certificate = ossl::certificateFromPem(r.certificate->pem);
    if (!keyId || !certificate)
        return coreError(CoreErrorKind::Database, QStringLiteral("enrollment #%1 is damaged").arg(r.id));
    context.report(QStringLiteral("writing the certificate onto the token"));
    if (auto stored = token.storeCertificate(context.pin, fromBytes(ossl::derOf(certificate.get())), *keyId,
                                             context.keyLabel().toStdString());
        !stored)
        return std::unexpected(fromTokenError(stored.error()));
    for (const QByteArray& link : r.certificate->chainDer) {
        auto linkCertificate = ossl::certificateFromDer(link);
        const std::string label = linkCertificate ? ossl::nameText(X509_get_subject_name(linkCertificate.get()))
                                                        .section(QStringLiteral("CN="), 1)
                                                        .section(QLatin1Char(','), 0, 0)
                                                        .toStdString()
                                                  : std::string("CA");
        if (auto stored = token.storeCaCertificate(context.pin, fromBytes(link), label.empty() ? "CA" : label); !stored)
            return std::unexpected(fromTokenError(stored.error()));
    }
    return transition(context, EnrollmentState::WrittenToToken, {},
                      {{QStringLiteral("certificate_serial"), r.certificate->serialHex},
                       {QStringLiteral("chain_certificates"), static_cast<int>(r.certificate->chainDer.size())}});
}

// written_to_token -> verified: the token read back and compared with what was issued.
CoreStatus EnrollmentEngine::readTokenBack(Context& context) const
{
    EnrollmentRecord& r = context.record;
    auto held = workToken(context);
    if (!held)
        return std::unexpected(held.error());
    context.report(QStringLiteral("reading the token back"));
    auto verified = verifyToken(context, **held);
    if (!verified)
        return verified;
    return transition(context, EnrollmentState::Verified, {},
                      {{QStringLiteral("certificate_serial"), r.certificate->serialHex},
                       {QStringLiteral("fingerprint_sha256"), r.certificate->fingerprintSha256}});
}

CoreStatus EnrollmentEngine::storeReceived(Context& context, const CertificateSummary& certificate) const
{
    const EnrollmentRecord& r = context.record;
    auto stored = transition(
        context, EnrollmentState::CertificateReceived, {},
        {{QStringLiteral("certificate_serial"), certificate.serialHex},
         {QStringLiteral("subject"), certificate.subject},
         {QStringLiteral("issuer"), certificate.issuer},
         {QStringLiteral("fingerprint_sha256"), certificate.fingerprintSha256}},
        [&](AuditTrail&) -> CoreStatus {
            auto inserted = m_database.exec(
                QStringLiteral("INSERT INTO certificates (enrollment_id, officer_id, serial_hex, subject, issuer, "
                               "not_before, not_after, fingerprint_sha256, certificate_pem, chain_pem, created_at) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint_sha256) DO NOTHING"),
                {r.id, r.officerId, certificate.serialHex, certificate.subject, certificate.issuer,
                 certificate.notBefore, certificate.notAfter, certificate.fingerprintSha256,
                 QString::fromLatin1(certificate.pem), QString::fromLatin1(certificate.chainPem), storedNow()});
            if (!inserted)
                return std::unexpected(inserted.error());
            return {};
        });
    if (!stored)
        return stored;
    context.record.certificate = certificate;
    return {};
}

CoreStatus EnrollmentEngine::verifyToken(Context& context, const pkcs11::Token& token) const
{
    const EnrollmentRecord& r = context.record;
    auto problem = [&](const QString& what) {
        return coreError(CoreErrorKind::Token,
                         QStringLiteral("the token %1 does not hold what was written: %2").arg(r.tokenSerial, what));
    };
    const auto keyId = pkcs11::fromHex(r.keyIdHex.toStdString());
    auto expected = ossl::certificateFromPem(r.certificate ? r.certificate->pem : QByteArray());
    if (!keyId || !expected)
        return problem(QStringLiteral("the enrollment has no key or certificate to compare"));
    const std::string label = context.keyLabel().toStdString();

    auto objects = token.objects(&context.pin);
    if (!objects)
        return std::unexpected(fromTokenError(objects.error()));
    int privateKeys = 0;
    int publicKeys = 0;
    int labelledPrivateKeys = 0;
    for (const auto& object : *objects) {
        if (object.objectClass == pkcs11::ObjectClass::PrivateKey && object.label == label)
            ++labelledPrivateKeys;
        if (object.id != *keyId)
            continue;
        if (object.label != label)
            return problem(QStringLiteral("an object with the key's ID has the label \"%1\"")
                               .arg(QString::fromStdString(object.label)));
        privateKeys += object.objectClass == pkcs11::ObjectClass::PrivateKey;
        publicKeys += object.objectClass == pkcs11::ObjectClass::PublicKey;
        if (object.objectClass == pkcs11::ObjectClass::PrivateKey && (!object.sensitive || object.extractable))
            return problem(QStringLiteral("the private key is not sensitive and non-extractable"));
    }
    if (privateKeys != 1 || publicKeys != 1 || labelledPrivateKeys != 1)
        return problem(QStringLiteral("%1 private and %2 public keys carry the key's ID, %3 private keys its label; "
                                      "one of each was expected")
                           .arg(privateKeys)
                           .arg(publicKeys)
                           .arg(labelledPrivateKeys));

    auto certificates = token.certificates();
    if (!certificates)
        return std::unexpected(fromTokenError(certificates.error()));
    const QByteArray expectedDer = ossl::derOf(expected.get());
    int withKeyId = 0;
    bool matches = false;
    for (const auto& stored : *certificates) {
        if (stored.id != *keyId)
            continue;
        ++withKeyId;
        matches = toBytes(stored.der) == expectedDer && stored.label == label;
    }
    if (withKeyId != 1 || !matches)
        return problem(
            QStringLiteral("%1 certificates carry the key's ID; exactly the certificate from the CA, with the "
                           "key's label, was expected")
                .arg(withKeyId));
    for (const QByteArray& link : r.certificate->chainDer) {
        const bool present = std::any_of(certificates->begin(), certificates->end(),
                                         [&](const auto& stored) { return toBytes(stored.der) == link; });
        if (!present)
            return problem(QStringLiteral("a CA certificate of the chain is missing"));
    }
    auto publicKey = token.publicKey(context.pin, *keyId);
    if (!publicKey)
        return std::unexpected(fromTokenError(publicKey.error()));
    if (toBytes(*publicKey) != ossl::publicKeyDer(X509_get0_pubkey(expected.get())))
        return problem(QStringLiteral("the certificate's public key is not the key on the token"));
    auto request = ossl::requestFromPem(r.requestPem);
    if (!request || ossl::nameText(X509_get_subject_name(expected.get())) !=
                        ossl::nameText(X509_REQ_get_subject_name(request.get())))
        return problem(QStringLiteral("the certificate's subject is not the subject requested"));
    return {};
}

} // namespace tamga::core
