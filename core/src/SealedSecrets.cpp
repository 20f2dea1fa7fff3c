#include "tamga/core/SealedSecrets.h"

#include "tamga/core/AuditLog.h"
#include "tamga/core/Database.h"

#include <QSqlQuery>
#include <QVariant>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <memory>

namespace tamga::core {

namespace {

constexpr int kKeyBytes = 32;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;
constexpr int kSaltBytes = 16;
// The same cost as the password hashes (about 0.1 s), with a salt of its own.
constexpr std::uint64_t kScryptN = 1u << 15;
constexpr std::uint64_t kScryptR = 8;
constexpr std::uint64_t kScryptP = 1;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), count) != 1)
        return {};
    return bytes;
}

CoreError cryptoError(const QString& what)
{
    return CoreError{CoreErrorKind::Database, QStringLiteral("%1 failed in OpenSSL").arg(what)};
}

// AES-256-GCM of `plain` under `key`, bound to `context` (authenticated, not encrypted): nonce || ciphertext || tag.
CoreResult<QByteArray> encrypt(const SecretBuffer& key, std::string_view plain, const QByteArray& context)
{
    const QByteArray nonce = randomBytes(kNonceBytes);
    CipherContext cipher(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    QByteArray out(static_cast<int>(plain.size()) + kTagBytes, '\0');
    int length = 0;
    int finalLength = 0;
    auto* outBytes = reinterpret_cast<unsigned char*>(out.data());
    if (nonce.isEmpty() || !cipher ||
        EVP_EncryptInit_ex(cipher.get(), EVP_aes_256_gcm(), nullptr, key.bytes(),
                           reinterpret_cast<const unsigned char*>(nonce.constData())) != 1 ||
        EVP_EncryptUpdate(cipher.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(context.constData()),
                          static_cast<int>(context.size())) != 1 ||
        EVP_EncryptUpdate(cipher.get(), outBytes, &length, reinterpret_cast<const unsigned char*>(plain.data()),
                          static_cast<int>(plain.size())) != 1 ||
        EVP_EncryptFinal_ex(cipher.get(), outBytes + length, &finalLength) != 1 ||
        EVP_CIPHER_CTX_ctrl(cipher.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, outBytes + length + finalLength) != 1)
        return std::unexpected(cryptoError(QStringLiteral("sealing a secret")));
    return nonce + out;
}

// The inverse; nullopt when the key, the context or the bytes are not the ones it was sealed with.
std::optional<SecretBuffer> decrypt(const SecretBuffer& key, const QByteArray& sealed, const QByteArray& context)
{
    if (sealed.size() < kNonceBytes + kTagBytes || key.size() != kKeyBytes)
        return std::nullopt;
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.constData());
    const auto* body = nonce + kNonceBytes;
    const int bodyLength = static_cast<int>(sealed.size()) - kNonceBytes - kTagBytes;
    QByteArray tag = sealed.right(kTagBytes);
    CipherContext cipher(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    std::vector<unsigned char> plain(static_cast<std::size_t>(bodyLength) + 1);
    int length = 0;
    int finalLength = 0;
    const bool ok =
        cipher && EVP_DecryptInit_ex(cipher.get(), EVP_aes_256_gcm(), nullptr, key.bytes(), nonce) == 1 &&
        EVP_DecryptUpdate(cipher.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(context.constData()),
                          static_cast<int>(context.size())) == 1 &&
        EVP_DecryptUpdate(cipher.get(), plain.data(), &length, body, bodyLength) == 1 &&
        EVP_CIPHER_CTX_ctrl(cipher.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) == 1 &&
        EVP_DecryptFinal_ex(cipher.get(), plain.data() + length, &finalLength) == 1;
    SecretBuffer result;
    if (ok) {
        for (int i = 0; i < length + finalLength; ++i)
            result.append(static_cast<char>(plain[static_cast<std::size_t>(i)]));
    }
    OPENSSL_cleanse(plain.data(), plain.size());
    if (!ok)
        return std::nullopt;
    return result;
}

CoreResult<SecretBuffer> keyFromPassword(const Password& password, const QByteArray& salt)
{
    SecretBuffer key;
    std::vector<unsigned char> derived(kKeyBytes);
    if (EVP_PBE_scrypt(password.c_str(), password.size(), reinterpret_cast<const unsigned char*>(salt.constData()),
                       static_cast<std::size_t>(salt.size()), kScryptN, kScryptR, kScryptP, 64 * 1024 * 1024,
                       derived.data(), derived.size()) != 1)
        return std::unexpected(cryptoError(QStringLiteral("deriving the key from the password")));
    for (unsigned char byte : derived)
        key.append(static_cast<char>(byte));
    OPENSSL_cleanse(derived.data(), derived.size());
    return key;
}

// The desk's sealing key pair and the sealing to it (SealedSecrets.h).
constexpr int kX25519Bytes = 32;
using Pkey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using PkeyContext = std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)>;
const QByteArray kSealingKeyContext("tamga-desk-sealing-key-v1");
// How each sealed secret is kept: under the desk key itself (before the pair existed), or sealed to its public half.
const QString kSchemeDeskKey = QStringLiteral("desk_key");
const QString kSchemePublicKey = QStringLiteral("desk_public_key");

struct SealingPair {
    QByteArray publicKey;
    SecretBuffer privateKey;
};

std::optional<SealingPair> makeSealingPair()
{
    Pkey pair(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"), &EVP_PKEY_free);
    if (!pair)
        return std::nullopt;
    std::size_t publicLength = kX25519Bytes;
    std::size_t privateLength = kX25519Bytes;
    QByteArray publicKey(kX25519Bytes, '\0');
    std::vector<unsigned char> privateKey(kX25519Bytes);
    const bool ok = EVP_PKEY_get_raw_public_key(pair.get(), reinterpret_cast<unsigned char*>(publicKey.data()),
                                                &publicLength) == 1 &&
                    EVP_PKEY_get_raw_private_key(pair.get(), privateKey.data(), &privateLength) == 1 &&
                    publicLength == kX25519Bytes && privateLength == kX25519Bytes;
    SealingPair made{
        publicKey, SecretBuffer(std::string_view(reinterpret_cast<const char*>(privateKey.data()), privateKey.size()))};
    OPENSSL_cleanse(privateKey.data(), privateKey.size());
    if (!ok)
        return std::nullopt;
    return made;
}

// The AES key of one sealing: X25519 between `privateKey` and `peerPublic`, through HKDF-SHA256 with both public
// halves as its salt.
std::optional<SecretBuffer> agreedKey(const SecretBuffer& privateKey, const QByteArray& peerPublic,
                                      const QByteArray& ephemeralPublic, const QByteArray& deskPublic)
{
    if (privateKey.size() != kX25519Bytes || peerPublic.size() != kX25519Bytes)
        return std::nullopt;
    Pkey mine(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, privateKey.bytes(), privateKey.size()),
              &EVP_PKEY_free);
    Pkey theirs(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr,
                                            reinterpret_cast<const unsigned char*>(peerPublic.constData()),
                                            static_cast<std::size_t>(peerPublic.size())),
                &EVP_PKEY_free);
    if (!mine || !theirs)
        return std::nullopt;
    PkeyContext derive(EVP_PKEY_CTX_new(mine.get(), nullptr), &EVP_PKEY_CTX_free);
    std::vector<unsigned char> shared(kX25519Bytes);
    std::size_t sharedLength = shared.size();
    if (!derive || EVP_PKEY_derive_init(derive.get()) != 1 ||
        EVP_PKEY_derive_set_peer(derive.get(), theirs.get()) != 1 ||
        EVP_PKEY_derive(derive.get(), shared.data(), &sharedLength) != 1 || sharedLength != shared.size()) {
        OPENSSL_cleanse(shared.data(), shared.size());
        return std::nullopt;
    }
    std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr), &EVP_KDF_free);
    std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> context(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr,
                                                                      &EVP_KDF_CTX_free);
    QByteArray salt = ephemeralPublic + deskPublic;
    static const char kInfo[] = "tamga-sealed-to-desk-v1";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, const_cast<char*>("SHA256"), 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, shared.data(), shared.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt.data(), static_cast<std::size_t>(salt.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char*>(kInfo), sizeof kInfo - 1),
        OSSL_PARAM_construct_end()};
    std::vector<unsigned char> key(kKeyBytes);
    const bool ok = context && EVP_KDF_derive(context.get(), key.data(), key.size(), params) == 1;
    OPENSSL_cleanse(shared.data(), shared.size());
    SecretBuffer result(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
    OPENSSL_cleanse(key.data(), key.size());
    if (!ok)
        return std::nullopt;
    return result;
}

// Sealed to the desk's public half: ephemeral public key || nonce || AES-256-GCM(plain, bound to `context`) || tag.
CoreResult<QByteArray> sealToDesk(const QByteArray& deskPublic, std::string_view plain, const QByteArray& context)
{
    auto ephemeral = makeSealingPair();
    if (!ephemeral)
        return std::unexpected(cryptoError(QStringLiteral("making a one-time sealing key")));
    auto key = agreedKey(ephemeral->privateKey, deskPublic, ephemeral->publicKey, deskPublic);
    if (!key)
        return std::unexpected(cryptoError(QStringLiteral("agreeing on a sealing key")));
    auto sealed = encrypt(*key, plain, context + ephemeral->publicKey);
    if (!sealed)
        return std::unexpected(sealed.error());
    return ephemeral->publicKey + *sealed;
}

std::optional<SecretBuffer> openFromDesk(const DeskKey& deskKey, const QByteArray& sealed, const QByteArray& context)
{
    if (sealed.size() < kX25519Bytes)
        return std::nullopt;
    const QByteArray ephemeralPublic = sealed.left(kX25519Bytes);
    auto key = agreedKey(deskKey.sealingPrivate(), ephemeralPublic, ephemeralPublic, deskKey.sealingPublic());
    if (!key)
        return std::nullopt;
    return decrypt(*key, sealed.mid(kX25519Bytes), context + ephemeralPublic);
}

// Seals `plain` with what `key` can seal with: its public sealing key when it has one. Returns {scheme, sealed}.
CoreResult<std::pair<QString, QByteArray>> sealWith(const DeskKey& key, std::string_view plain,
                                                    const QByteArray& context)
{
    if (!key.sealingPublic().isEmpty()) {
        auto sealed = sealToDesk(key.sealingPublic(), plain, context);
        if (!sealed)
            return std::unexpected(sealed.error());
        return std::pair{kSchemePublicKey, *sealed};
    }
    auto sealed = encrypt(key.bytes(), plain, context);
    if (!sealed)
        return std::unexpected(sealed.error());
    return std::pair{kSchemeDeskKey, *sealed};
}

std::optional<SecretBuffer> openWith(const DeskKey& key, const QString& scheme, const QByteArray& sealed,
                                     const QByteArray& context)
{
    if (scheme == kSchemePublicKey)
        return openFromDesk(key, sealed, context);
    return decrypt(key.bytes(), sealed, context);
}

QByteArray wrapContext(qint64 operatorId)
{
    return QByteArray("tamga-desk-key-v1:") + QByteArray::number(operatorId);
}

// One event about a secret: who, what was done, to which token or enrollment, of which kind (never the secret).
CoreStatus logSecretEvent(AuditTrail& trail, const Operator& by, const QString& action, const QString& objectType,
                          const QString& objectId, const QString& kind)
{
    auto logged = trail.add({by.name, action, objectType, objectId, audit::Ok, {{QStringLiteral("kind"), kind}}});
    if (!logged)
        return std::unexpected(logged.error());
    return {};
}

QByteArray secretContext(const QString& serial, SecretKind kind)
{
    return QByteArray("tamga-token-secret-v1:") + secretKindName(kind).toUtf8() + ':' + serial.toUtf8();
}

// Wraps `key` for the operator under their password, inside the caller's change.
CoreStatus storeWrap(const Database& database, qint64 operatorId, const SecretBuffer& key, const Password& password)
{
    const QByteArray salt = randomBytes(kSaltBytes);
    if (salt.isEmpty())
        return std::unexpected(cryptoError(QStringLiteral("making a salt")));
    auto kek = keyFromPassword(password, salt);
    if (!kek)
        return std::unexpected(kek.error());
    auto wrapped = encrypt(*kek, key.view(), wrapContext(operatorId));
    if (!wrapped)
        return std::unexpected(wrapped.error());
    auto stored = database.exec(
        QStringLiteral("INSERT INTO desk_key_wraps (operator_id, salt, wrapped, created_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT(operator_id) DO UPDATE SET salt = excluded.salt, wrapped = excluded.wrapped, "
                       "created_at = excluded.created_at"),
        {operatorId, QString::fromLatin1(salt.toBase64()), QString::fromLatin1(wrapped->toBase64()), storedNow()});
    if (!stored)
        return std::unexpected(stored.error());
    return {};
}

CoreResult<qint64> tokenId(const Database& database, const QString& serial)
{
    auto query = database.exec(QStringLiteral("SELECT id FROM tokens WHERE serial = ?"), {serial});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return coreError(CoreErrorKind::NotFound, QStringLiteral("no token with the serial %1").arg(serial));
    const qint64 id = query->value(0).toLongLong();
    query->finish();
    return id;
}

// The desk key with its sealing pair, inside unlock's change: the pair is made (and its private half wrapped under
// the desk key) the first time a desk key is unlocked without one.
CoreResult<DeskKey> withSealingPair(const Database& database, AuditTrail& trail, const QString& who, SecretBuffer key)
{
    auto query = database.exec(QStringLiteral("SELECT public_key, wrapped_private FROM desk_sealing_key WHERE id = 1"));
    if (!query)
        return std::unexpected(query.error());
    if (query->next()) {
        const QByteArray publicKey = QByteArray::fromBase64(query->value(0).toString().toLatin1());
        const QByteArray wrapped = QByteArray::fromBase64(query->value(1).toString().toLatin1());
        query->finish();
        auto privateKey = decrypt(key, wrapped, kSealingKeyContext);
        if (!privateKey || privateKey->size() != kX25519Bytes || publicKey.size() != kX25519Bytes)
            return coreError(CoreErrorKind::Database,
                             QStringLiteral("the desk's sealing key does not open with the desk key: it was changed "
                                            "behind Tamga's back"));
        return DeskKey(std::move(key), publicKey, std::move(*privateKey));
    }
    auto pair = makeSealingPair();
    if (!pair)
        return std::unexpected(cryptoError(QStringLiteral("making the desk's sealing key")));
    auto wrapped = encrypt(key, pair->privateKey.view(), kSealingKeyContext);
    if (!wrapped)
        return std::unexpected(wrapped.error());
    auto stored = database.exec(
        QStringLiteral("INSERT INTO desk_sealing_key (id, public_key, wrapped_private, "
                       "created_at) VALUES (1, ?, ?, ?)"),
        {QString::fromLatin1(pair->publicKey.toBase64()), QString::fromLatin1(wrapped->toBase64()), storedNow()});
    if (!stored)
        return std::unexpected(stored.error());
    if (auto logged = trail.add({who, QStringLiteral("secret.sealing_key_made"), QStringLiteral("operator"), who});
        !logged)
        return std::unexpected(logged.error());
    return DeskKey(std::move(key), pair->publicKey, std::move(pair->privateKey));
}

} // namespace

QString secretKindName(SecretKind kind)
{
    return kind == SecretKind::SoPin ? QStringLiteral("so_pin") : QStringLiteral("initial_pin");
}

Pin SealedSecrets::randomPin(int digits)
{
    Pin pin;
    while (static_cast<int>(pin.size()) < digits) {
        unsigned char byte = 0;
        if (RAND_bytes(&byte, 1) != 1)
            continue;
        if (byte >= 250) // 250 = 25 * 10: take only bytes that map evenly onto the ten digits
            continue;
        pin.append(static_cast<char>('0' + byte % 10));
    }
    return pin;
}

CoreResult<DeskKey> SealedSecrets::unlock(const QString& supervisorName, const Password& password) const
{
    auto who = Operators(m_database).signIn(supervisorName, password);
    if (!who)
        return std::unexpected(who.error());
    if (auto allowed = Operators(m_database).require(*who, Role::Supervisor, QStringLiteral("secret.unlock")); !allowed)
        return std::unexpected(allowed.error());
    return AuditLog(m_database).change<DeskKey>([&](AuditTrail& trail) -> CoreResult<DeskKey> {
        auto wraps = m_database.exec(QStringLiteral("SELECT operator_id, salt, wrapped FROM desk_key_wraps"));
        if (!wraps)
            return std::unexpected(wraps.error());
        bool anyWrap = false;
        std::optional<std::pair<QByteArray, QByteArray>> mine;
        while (wraps->next()) {
            anyWrap = true;
            if (wraps->value(0).toLongLong() == who->id)
                mine = std::pair(QByteArray::fromBase64(wraps->value(1).toString().toLatin1()),
                                 QByteArray::fromBase64(wraps->value(2).toString().toLatin1()));
        }
        if (auto complete = Database::readToEnd(*wraps); !complete)
            return std::unexpected(complete.error());
        if (!anyWrap) {
            // The desk's first key: made now, held by this supervisor.
            const QByteArray fresh = randomBytes(kKeyBytes);
            if (fresh.isEmpty())
                return std::unexpected(cryptoError(QStringLiteral("making the desk key")));
            SecretBuffer key(std::string_view(fresh.constData(), static_cast<std::size_t>(fresh.size())));
            if (auto stored = storeWrap(m_database, who->id, key, password); !stored)
                return std::unexpected(stored.error());
            if (auto logged = trail.add(
                    {who->name, QStringLiteral("secret.desk_key_made"), QStringLiteral("operator"), who->name});
                !logged)
                return std::unexpected(logged.error());
            return withSealingPair(m_database, trail, who->name, std::move(key));
        }
        if (!mine) {
            return coreError(CoreErrorKind::NotPermitted,
                             QStringLiteral("%1 does not hold the desk key yet: a supervisor who holds it shares it "
                                            "(the sealed PINs of prepared tokens are opened with it)")
                                 .arg(who->name));
        }
        auto kek = keyFromPassword(password, mine->first);
        if (!kek)
            return std::unexpected(kek.error());
        auto key = decrypt(*kek, mine->second, wrapContext(who->id));
        if (!key || key->size() != kKeyBytes)
            return coreError(
                CoreErrorKind::Database,
                QStringLiteral("the desk key held for %1 does not open: it was changed behind Tamga's back")
                    .arg(who->name));
        if (auto logged =
                trail.add({who->name, QStringLiteral("secret.unlock"), QStringLiteral("operator"), who->name});
            !logged)
            return std::unexpected(logged.error());
        return withSealingPair(m_database, trail, who->name, std::move(*key));
    });
}

CoreResult<std::optional<DeskKey>> SealedSecrets::sealingKey() const
{
    auto query = m_database.exec(QStringLiteral("SELECT public_key FROM desk_sealing_key WHERE id = 1"));
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<DeskKey>();
    const QByteArray publicKey = QByteArray::fromBase64(query->value(0).toString().toLatin1());
    query->finish();
    if (publicKey.size() != kX25519Bytes)
        return coreError(
            CoreErrorKind::Database,
            QStringLiteral("the desk's public sealing key is damaged: it was changed behind Tamga's back"));
    return std::optional<DeskKey>(DeskKey::sealOnly(publicKey));
}

CoreStatus SealedSecrets::share(const Operator& by, const DeskKey& key, const QString& supervisorName,
                                const Password& theirPassword) const
{
    if (!key.canOpen())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("the desk key is not unlocked"));
    auto them = Operators(m_database).signIn(supervisorName, theirPassword);
    if (!them)
        return std::unexpected(them.error());
    if (them->role != Role::Supervisor)
        return coreError(CoreErrorKind::NotPermitted,
                         QStringLiteral("%1 is not a supervisor: only supervisors hold the desk key").arg(them->name));
    auto done = AuditLog(m_database).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        if (auto stored = storeWrap(m_database, them->id, key.bytes(), theirPassword); !stored)
            return std::unexpected(stored.error());
        if (auto logged =
                trail.add({by.name, QStringLiteral("secret.desk_key_shared"), QStringLiteral("operator"), them->name});
            !logged)
            return std::unexpected(logged.error());
        return true;
    });
    if (!done)
        return std::unexpected(done.error());
    return {};
}

CoreStatus SealedSecrets::seal(AuditTrail& trail, const Operator& by, const DeskKey& key, const QString& serial,
                               SecretKind kind, const Pin& secret) const
{
    if (key.empty())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("the desk key is not unlocked"));
    auto id = tokenId(m_database, serial);
    if (!id)
        return std::unexpected(id.error());
    auto sealed = sealWith(key, secret.view(), secretContext(serial, kind));
    if (!sealed)
        return std::unexpected(sealed.error());
    auto stored = m_database.exec(
        QStringLiteral("INSERT INTO token_secrets (token_id, kind, sealed, scheme, created_at) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT(token_id, kind) DO UPDATE SET sealed = excluded.sealed, scheme = excluded.scheme, "
                       "created_at = excluded.created_at"),
        {*id, secretKindName(kind), QString::fromLatin1(sealed->second.toBase64()), sealed->first, storedNow()});
    if (!stored)
        return std::unexpected(stored.error());
    if (auto logged = logSecretEvent(trail, by, QStringLiteral("secret.sealed"), QStringLiteral("token"), serial,
                                     secretKindName(kind));
        !logged)
        return std::unexpected(logged.error());
    return {};
}

namespace {

QByteArray pendingContext(qint64 enrollmentId)
{
    return QByteArray("tamga-pending-so-pin-v1:") + QByteArray::number(enrollmentId);
}

} // namespace

// Why a pending seal: the token is initialized with the random SO PIN first, and only then is the enrollment
// recorded "token prepared" with the PIN sealed for the token's serial (which some modules give a token only
// when it is initialized). A desk stopped between the two would leave a token whose SO PIN nobody knows: a
// real token refuses to be initialized again without it.
CoreStatus SealedSecrets::sealPending(const Operator& by, const DeskKey& key, qint64 enrollmentId,
                                      const Pin& soPin) const
{
    if (key.empty())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("the desk key is not unlocked"));
    auto sealed = sealWith(key, soPin.view(), pendingContext(enrollmentId));
    if (!sealed)
        return std::unexpected(sealed.error());
    auto done = AuditLog(m_database).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        auto stored = m_database.exec(
            QStringLiteral("INSERT INTO pending_token_secrets (enrollment_id, sealed, scheme, created_at) VALUES (?, "
                           "?, ?, ?) ON CONFLICT(enrollment_id) DO UPDATE SET sealed = excluded.sealed, "
                           "scheme = excluded.scheme, created_at = excluded.created_at"),
            {enrollmentId, QString::fromLatin1(sealed->second.toBase64()), sealed->first, storedNow()});
        if (!stored)
            return std::unexpected(stored.error());
        if (auto logged = logSecretEvent(trail, by, QStringLiteral("secret.sealed"), QStringLiteral("enrollment"),
                                         QString::number(enrollmentId), QStringLiteral("pending_so_pin"));
            !logged)
            return std::unexpected(logged.error());
        return true;
    });
    if (!done)
        return std::unexpected(done.error());
    return {};
}

CoreResult<std::optional<Pin>> SealedSecrets::openPending(const Operator& by, const DeskKey& key,
                                                          qint64 enrollmentId) const
{
    return AuditLog(m_database).change<std::optional<Pin>>([&](AuditTrail& trail) -> CoreResult<std::optional<Pin>> {
        auto query = m_database.exec(
            QStringLiteral("SELECT sealed, scheme FROM pending_token_secrets WHERE enrollment_id = ?"), {enrollmentId});
        if (!query)
            return std::unexpected(query.error());
        if (!query->next()) {
            trail.unchanged();
            return std::optional<Pin>();
        }
        const QByteArray sealed = QByteArray::fromBase64(query->value(0).toString().toLatin1());
        const QString scheme = query->value(1).toString();
        query->finish();
        if (!key.canOpen())
            return coreError(CoreErrorKind::NotPermitted,
                             QStringLiteral("enrollment #%1 initialized its token before the desk stopped, and only a "
                                            "supervisor's desk key opens that token's SO PIN: a supervisor goes on "
                                            "with it")
                                 .arg(enrollmentId));
        auto secret = openWith(key, scheme, sealed, pendingContext(enrollmentId));
        if (!secret)
            return coreError(CoreErrorKind::Database,
                             QStringLiteral("the pending SO PIN of enrollment #%1 does not open with the desk key: it "
                                            "was changed or moved behind Tamga's back")
                                 .arg(enrollmentId));
        if (auto logged = logSecretEvent(trail, by, QStringLiteral("secret.used"), QStringLiteral("enrollment"),
                                         QString::number(enrollmentId), QStringLiteral("pending_so_pin"));
            !logged)
            return std::unexpected(logged.error());
        return std::optional<Pin>(std::move(*secret));
    });
}

CoreStatus SealedSecrets::clearPending(qint64 enrollmentId) const
{
    auto removed =
        m_database.exec(QStringLiteral("DELETE FROM pending_token_secrets WHERE enrollment_id = ?"), {enrollmentId});
    if (!removed)
        return std::unexpected(removed.error());
    return {};
}

CoreResult<Pin> SealedSecrets::open(const Operator& by, const DeskKey& key, const QString& serial,
                                    SecretKind kind) const
{
    if (by.role != Role::Supervisor) {
        if (auto allowed = Operators(m_database).require(by, Role::Supervisor, QStringLiteral("secret.open")); !allowed)
            return std::unexpected(allowed.error());
    }
    return AuditLog(m_database).change<Pin>([&](AuditTrail& trail) -> CoreResult<Pin> {
        auto query = m_database.exec(QStringLiteral("SELECT s.sealed, s.scheme FROM token_secrets s JOIN tokens t ON "
                                                    "t.id = s.token_id WHERE t.serial = ? AND s.kind = ?"),
                                     {serial, secretKindName(kind)});
        if (!query)
            return std::unexpected(query.error());
        if (!query->next())
            return coreError(CoreErrorKind::NotFound,
                             QStringLiteral("the desk keeps no %1 for the token %2").arg(secretKindName(kind), serial));
        const QByteArray sealed = QByteArray::fromBase64(query->value(0).toString().toLatin1());
        const QString scheme = query->value(1).toString();
        query->finish();
        if (!key.canOpen())
            return coreError(CoreErrorKind::NotPermitted,
                             QStringLiteral("only a supervisor's desk key opens the sealed secrets of tokens"));
        auto secret = openWith(key, scheme, sealed, secretContext(serial, kind));
        if (!secret)
            return coreError(CoreErrorKind::Database,
                             QStringLiteral("the sealed %1 of the token %2 does not open with the desk key: it was "
                                            "changed or moved behind Tamga's back")
                                 .arg(secretKindName(kind), serial));
        if (auto logged = logSecretEvent(trail, by, QStringLiteral("secret.used"), QStringLiteral("token"), serial,
                                         secretKindName(kind));
            !logged)
            return std::unexpected(logged.error());
        return std::move(*secret);
    });
}

CoreResult<bool> SealedSecrets::has(const QString& serial, SecretKind kind) const
{
    auto query = m_database.exec(QStringLiteral("SELECT count(*) FROM token_secrets s JOIN tokens t ON t.id = "
                                                "s.token_id WHERE t.serial = ? AND s.kind = ?"),
                                 {serial, secretKindName(kind)});
    if (!query)
        return std::unexpected(query.error());
    const bool found = query->next() && query->value(0).toInt() > 0;
    query->finish();
    return found;
}

CoreStatus SealedSecrets::forget(AuditTrail& trail, const Operator& by, const QString& serial, SecretKind kind) const
{
    auto removed = m_database.exec(
        QStringLiteral(
            "DELETE FROM token_secrets WHERE kind = ? AND token_id = (SELECT id FROM tokens WHERE serial = ?)"),
        {secretKindName(kind), serial});
    if (!removed)
        return std::unexpected(removed.error());
    if (auto logged = logSecretEvent(trail, by, QStringLiteral("secret.forgotten"), QStringLiteral("token"), serial,
                                     secretKindName(kind));
        !logged)
        return std::unexpected(logged.error());
    return {};
}

} // namespace tamga::core
