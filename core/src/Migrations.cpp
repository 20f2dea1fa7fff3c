#include "Migrations.h"

#include "SqlDialect.h"
#include "tamga/core/Database.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Registry.h"

#include <QSqlError>

#include <QJsonDocument>

namespace tamga::core {

namespace {

// Step 1: the registry, operators, settings and the audit log.
QStringList registrySchema()
{
    QStringList statements{
        // The schema version reached; exactly one row.
        QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO schema_version (version) VALUES (0)"),

        // Workstation settings: key -> value (text). Never secrets.
        QStringLiteral("CREATE TABLE settings ("
                       " key TEXT PRIMARY KEY,"
                       " value TEXT NOT NULL)"),

        // Local operator accounts.
        QStringLiteral("CREATE TABLE operators ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL UNIQUE," // sign-in name
                       " role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor')),"
                       " password_hash TEXT NOT NULL,"           // scrypt$N$r$p$salt$hash, never the password
                       " created_at TEXT NOT NULL,"              // UTC ISO 8601
                       " disabled INTEGER NOT NULL DEFAULT 0)"), // 1: may no longer sign in

        // Organizations the RA serves.
        QStringLiteral("CREATE TABLE organizations ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL,"                             // NFC
                       " register_no TEXT UNIQUE,"                        // seven-digit state registration number
                       " parent_id INTEGER REFERENCES organizations(id)," // the parent body, if any
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX organizations_name ON organizations(name)"),

        // Officers (applicants): the people who receive tokens.
        QStringLiteral("CREATE TABLE officers ("
                       " id INTEGER PRIMARY KEY,"
                       " organization_id INTEGER NOT NULL REFERENCES organizations(id),"
                       " surname TEXT NOT NULL,"         // family name or patronymic (овог), NFC
                       " given_name TEXT NOT NULL,"      // нэр, NFC
                       " civil_id TEXT NOT NULL UNIQUE," // регистрийн дугаар, e.g. УБ90010112
                       " position TEXT NOT NULL,"        // албан тушаал
                       " department TEXT NOT NULL DEFAULT '',"
                       " email TEXT NOT NULL DEFAULT '',"
                       " phone TEXT NOT NULL DEFAULT '',"
                       " search_text TEXT NOT NULL," // folded names, ID, organization + Latin
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX officers_organization ON officers(organization_id)"),

        // The audit log: append-only, each event chained to the one before by SHA-256.
        QStringLiteral("CREATE TABLE audit_log ("
                       " id INTEGER PRIMARY KEY,"    // sequence, part of the hashed content
                       " at TEXT NOT NULL,"          // UTC ISO 8601 with milliseconds
                       " operator TEXT NOT NULL,"    // who (operator name, or 'system')
                       " action TEXT NOT NULL,"      // what, e.g. 'officer.add'
                       " object_type TEXT NOT NULL," // on what kind of object
                       " object_id TEXT NOT NULL,"   // which one
                       " outcome TEXT NOT NULL,"     // 'ok', 'refused', 'failed'
                       " details TEXT NOT NULL,"     // JSON, compact, never a secret
                       " prev_hash TEXT NOT NULL,"   // hash of the event before (hex)
                       " hash TEXT NOT NULL)"),      // SHA-256 over this event's content (hex)
    };
    return statements;
}

// Step 1 too: the officer search's indexes, which are the dialect's own.
CoreStatus createOfficerSearchIndexes(const Database& database)
{
    for (const QString& statement : database.dialect().officerSearchIndexStatements()) {
        if (auto done = database.exec(statement); !done)
            return std::unexpected(done.error());
    }
    return {};
}

// Step 2: the token inventory and the PKI side: profiles, CA connectors, trust anchors, enrollments,
// certificates and revocation requests.
QStringList pkiSchema()
{
    return {
        // Every token the desk has seen.
        QStringLiteral("CREATE TABLE tokens ("
                       " id INTEGER PRIMARY KEY,"
                       " serial TEXT NOT NULL UNIQUE," // the token's serial (how it is addressed)
                       " manufacturer TEXT NOT NULL DEFAULT '',"
                       " model TEXT NOT NULL DEFAULT '',"
                       " label TEXT NOT NULL DEFAULT '',"
                       " status TEXT NOT NULL DEFAULT 'in_stock'"
                       "  CHECK (status IN ('in_stock', 'issued', 'returned', 'lost', 'retired')),"
                       " first_seen_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL)"),

        // Certificate profiles: key type, subject template, usages, validity (JSON definition).
        QStringLiteral("CREATE TABLE certificate_profiles ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL UNIQUE,"
                       " definition TEXT NOT NULL,"           // JSON
                       " builtin INTEGER NOT NULL DEFAULT 0," // 1: shipped with Tamga
                       " created_at TEXT NOT NULL)"),

        // CA connectors: how to reach a CA. Secrets are never stored here, only the path of a file holding them.
        QStringLiteral("CREATE TABLE ca_connectors ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL UNIQUE,"
                       " type TEXT NOT NULL CHECK (type IN ('practice', 'cmp', 'cfssl', 'files')),"
                       " settings TEXT NOT NULL DEFAULT '{}'," // JSON: URL, folder, file paths
                       " created_at TEXT NOT NULL)"),

        // Trust anchors: CA certificates an issued certificate must chain to.
        QStringLiteral("CREATE TABLE trust_anchors ("
                       " id INTEGER PRIMARY KEY,"
                       " subject TEXT NOT NULL,"
                       " fingerprint_sha256 TEXT NOT NULL UNIQUE," // hex
                       " certificate_pem TEXT NOT NULL,"
                       " added_at TEXT NOT NULL)"),

        // One officer, one token, one profile, one CA: the enrollment's journey through its states.
        QStringLiteral("CREATE TABLE enrollments ("
                       " id INTEGER PRIMARY KEY,"
                       " officer_id INTEGER NOT NULL REFERENCES officers(id),"
                       " token_id INTEGER REFERENCES tokens(id),"
                       " profile_id INTEGER REFERENCES certificate_profiles(id),"
                       " ca_id INTEGER REFERENCES ca_connectors(id),"
                       " state TEXT NOT NULL,"             // created ... handed_over, failed, cancelled
                       " key_id TEXT NOT NULL DEFAULT ''," // CKA_ID of the key on the token (hex)
                       " csr_pem TEXT NOT NULL DEFAULT '',"
                       " ca_reference TEXT NOT NULL DEFAULT ''," // the CA's handle for a pending request
                       " last_error TEXT NOT NULL DEFAULT '',"
                       " receipt_sha256 TEXT NOT NULL DEFAULT '',"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX enrollments_state ON enrollments(state)"),

        // Certificates received from a CA.
        QStringLiteral("CREATE TABLE certificates ("
                       " id INTEGER PRIMARY KEY,"
                       " enrollment_id INTEGER REFERENCES enrollments(id),"
                       " officer_id INTEGER NOT NULL REFERENCES officers(id),"
                       " serial_hex TEXT NOT NULL,"
                       " subject TEXT NOT NULL,"
                       " issuer TEXT NOT NULL,"
                       " not_before TEXT NOT NULL,"
                       " not_after TEXT NOT NULL,"
                       " fingerprint_sha256 TEXT NOT NULL UNIQUE,"
                       " certificate_pem TEXT NOT NULL,"
                       " chain_pem TEXT NOT NULL DEFAULT '',"
                       " status TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked')),"
                       " created_at TEXT NOT NULL)"),

        // Revocation applications and their submission to the CA.
        QStringLiteral("CREATE TABLE revocation_requests ("
                       " id INTEGER PRIMARY KEY,"
                       " certificate_id INTEGER NOT NULL REFERENCES certificates(id),"
                       " reason TEXT NOT NULL CHECK (reason IN ('unspecified', 'keyCompromise', 'affiliationChanged',"
                       "  'superseded', 'cessationOfOperation', 'certificateHold', 'privilegeWithdrawn')),"
                       " state TEXT NOT NULL DEFAULT 'received'," // received, submitted, done, failed
                       " requested_at TEXT NOT NULL,"
                       " submitted_at TEXT NOT NULL DEFAULT '',"
                       " last_error TEXT NOT NULL DEFAULT '')"),
    };
}

// Step 3: the built-in certificate profiles.
QStringList builtinProfileRows()
{
    QStringList statements;
    for (const CertificateProfile& profile : builtinProfiles()) {
        QString definition = QString::fromUtf8(QJsonDocument(profile.toJson()).toJson(QJsonDocument::Compact));
        definition.replace(QLatin1Char('\''), QStringLiteral("''"));
        statements << QStringLiteral("INSERT INTO certificate_profiles (name, definition, builtin, created_at) "
                                     "VALUES ('%1', '%2', 1, CURRENT_TIMESTAMP)")
                          .arg(profile.name, definition);
    }
    return statements;
}

// Step 4: the officers' search text gets the loose Latin spelling (Ulzii finds Өлзийбат), computed by the same
// code that writes it for new officers, and the search indexes are rebuilt from it.
CoreStatus recomputeOfficerSearchText(const Database& database)
{
    auto officers =
        database.exec(QStringLiteral("SELECT o.id, o.surname, o.given_name, o.civil_id, g.name FROM officers o "
                                     "JOIN organizations g ON g.id = o.organization_id"));
    if (!officers)
        return std::unexpected(officers.error());
    std::vector<std::pair<qint64, QString>> texts;
    while (officers->next()) {
        OfficerFields fields;
        fields.surname = officers->value(1).toString();
        fields.givenName = officers->value(2).toString();
        fields.civilId = officers->value(3).toString();
        texts.emplace_back(officers->value(0).toLongLong(),
                           Registry::searchTextOf(fields, officers->value(4).toString()));
    }
    if (auto complete = Database::readToEnd(*officers); !complete)
        return complete;
    for (const auto& [id, text] : texts) {
        if (auto updated =
                database.exec(QStringLiteral("UPDATE officers SET search_text = ? WHERE id = ?"), {text, id});
            !updated)
            return std::unexpected(updated.error());
    }
    return database.dialect().rebuildOfficerSearchIndexes(database);
}

// Step 5: the token stock. The tokens table gets every state a token passes through (prepared, blocked, wiped
// besides the first five) and the reason it is in it, and each token a history, from which a day is reconciled.
// SQLite cannot change a CHECK constraint: the table is made anew and the rows copied (ids kept, so enrollments'
// token_id still points at the same token; the migration runs with foreign keys off and checks them before it
// commits).
const QString kTokenStates = QStringLiteral("('in_stock', 'prepared', 'issued', 'returned', 'lost', 'blocked', "
                                            "'wiped', 'retired')");

QStringList tokenEventsSchema()
{
    return {
        // Every move of a token between states; from_state '' when it entered the stock.
        QStringLiteral("CREATE TABLE token_events ("
                       " id INTEGER PRIMARY KEY,"
                       " token_id INTEGER NOT NULL REFERENCES tokens(id),"
                       " at TEXT NOT NULL," // UTC ISO 8601
                       " from_state TEXT NOT NULL,"
                       " to_state TEXT NOT NULL,"
                       " reason TEXT NOT NULL DEFAULT '',"
                       " operator TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX token_events_by_token ON token_events (token_id, id)"),
        QStringLiteral("CREATE INDEX token_events_by_day ON token_events (at)"),
        // The tokens known before: their history starts with the state they are in.
        QStringLiteral("INSERT INTO token_events (token_id, at, from_state, to_state, reason) SELECT id, "
                       "first_seen_at, '', status, 'known before the stock was kept' FROM tokens"),
    };
}

QStringList tokenStockSchema()
{
    return QStringList{
               QStringLiteral("CREATE TABLE tokens_with_stock ("
                              " id INTEGER PRIMARY KEY,"
                              " serial TEXT NOT NULL UNIQUE," // the token's serial (how it is addressed)
                              " manufacturer TEXT NOT NULL DEFAULT '',"
                              " model TEXT NOT NULL DEFAULT '',"
                              " label TEXT NOT NULL DEFAULT '',"
                              " status TEXT NOT NULL DEFAULT 'in_stock'"
                              "  CHECK (status IN ") +
                   kTokenStates +
                   QStringLiteral("),"
                                  " status_reason TEXT NOT NULL DEFAULT ''," // why it is in that state, as last given
                                  " first_seen_at TEXT NOT NULL,"
                                  " updated_at TEXT NOT NULL)"),
               QStringLiteral(
                   "INSERT INTO tokens_with_stock (id, serial, manufacturer, model, label, status, first_seen_at, "
                   "updated_at) SELECT id, serial, manufacturer, model, label, status, first_seen_at, updated_at "
                   "FROM tokens"),
               QStringLiteral("DROP TABLE tokens"),
               QStringLiteral("ALTER TABLE tokens_with_stock RENAME TO tokens"),
           } +
           tokenEventsSchema();
}

// PostgreSQL changes the constraint in place (the new column comes last, which no query minds).
QStringList tokenStockSchemaInPlace()
{
    return QStringList{
               QStringLiteral("ALTER TABLE tokens DROP CONSTRAINT tokens_status_check"),
               QStringLiteral("ALTER TABLE tokens ADD CONSTRAINT tokens_status_check CHECK (status IN ") +
                   kTokenStates + QStringLiteral(")"),
               QStringLiteral("ALTER TABLE tokens ADD COLUMN status_reason TEXT NOT NULL DEFAULT ''"),
           } +
           tokenEventsSchema();
}

// Step 6: secrets the desk keeps for its tokens, sealed under the desk key, and the desk key wrapped for each
// supervisor who holds it (SealedSecrets.h). Never a secret in clear.
QStringList sealedSecretsSchema()
{
    return {
        QStringLiteral("CREATE TABLE desk_key_wraps ("
                       " operator_id INTEGER PRIMARY KEY REFERENCES operators(id),"
                       " salt TEXT NOT NULL,"    // base64: scrypt's salt for this supervisor's key-encryption key
                       " wrapped TEXT NOT NULL," // base64: nonce || AES-256-GCM(desk key) || tag
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE token_secrets ("
                       " id INTEGER PRIMARY KEY,"
                       " token_id INTEGER NOT NULL REFERENCES tokens(id),"
                       " kind TEXT NOT NULL CHECK (kind IN ('so_pin', 'initial_pin')),"
                       " sealed TEXT NOT NULL," // base64: nonce || AES-256-GCM(secret), bound to serial and kind || tag
                       " created_at TEXT NOT NULL,"
                       " UNIQUE (token_id, kind))"),
    };
}

// Step 7: batch sessions, the officers of each in the order they are worked, and the enrollment each one got.
QStringList batchSchema()
{
    return {
        QStringLiteral("CREATE TABLE batches ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL UNIQUE,"
                       " profile_id INTEGER NOT NULL REFERENCES certificate_profiles(id),"
                       " ca_id INTEGER NOT NULL REFERENCES ca_connectors(id),"
                       " mode TEXT NOT NULL CHECK (mode IN ('in_person', 'prepared')),"
                       " created_by TEXT NOT NULL,"
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE batch_members ("
                       " batch_id INTEGER NOT NULL REFERENCES batches(id),"
                       " officer_id INTEGER NOT NULL REFERENCES officers(id),"
                       " position INTEGER NOT NULL," // 1, 2, ...: the order the batch works them in
                       " enrollment_id INTEGER REFERENCES enrollments(id)," // NULL while the officer waits for a token
                       " PRIMARY KEY (batch_id, officer_id))"),
    };
}

// Step 8: the officer's first signature at hand-over, kept with the enrollment (HandOver.h).
QStringList acceptanceSchema()
{
    return {
        QStringLiteral("ALTER TABLE enrollments ADD COLUMN acceptance_text TEXT"), // what the officer signed (UTF-8)
        QStringLiteral("ALTER TABLE enrollments ADD COLUMN acceptance_cms TEXT"),  // base64 DER, detached CMS
    };
}

// Step 9: the seals of the bundles a batch sent to its CA: what an answer's bundle is checked against.
QStringList batchBundleSchema()
{
    return {
        QStringLiteral("CREATE TABLE batch_bundles ("
                       " id INTEGER PRIMARY KEY,"
                       " batch_id INTEGER NOT NULL REFERENCES batches(id),"
                       " manifest_sha256 TEXT NOT NULL," // of bundle.json as written
                       " requests INTEGER NOT NULL,"
                       " sealed_by TEXT NOT NULL,"
                       " sealed_at TEXT NOT NULL)"),
    };
}

} // namespace

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> steps{
        {1, "registry, operators, settings, audit log", registrySchema(), std::nullopt, createOfficerSearchIndexes},
        {2, "token inventory, profiles, CA connectors, trust anchors, enrollments, certificates, revocations",
         pkiSchema()},
        {3, "built-in certificate profiles", builtinProfileRows()},
        {4, "officer search in the usual Latin spellings", {}, std::nullopt, recomputeOfficerSearchText},
        {5, "token stock: every state, the reason, each token's history", tokenStockSchema(),
         tokenStockSchemaInPlace()},
        {6, "sealed token secrets and the desk key's wraps", sealedSecretsSchema()},
        {7, "batch sessions and their officers", batchSchema()},
        {8, "the officer's signed acceptance at hand-over", acceptanceSchema()},
        {9, "the seals of batches' bundles", batchBundleSchema()},
        // An officer's enrollments are looked up for every officer of the home screen and the progress report;
        // without this index each lookup read the whole table (bench/HomeScreenBench.cpp found it at 100,000).
        {10,
         "an index of enrollments by officer",
         {QStringLiteral("CREATE INDEX enrollments_officer ON enrollments(officer_id, state)")}},
        // Every enrollment record reads its latest certificate; without this index each read scanned every
        // certificate, and a wave of 731 (bench/WaveBench.cpp) slowed with each one issued.
        {11,
         "an index of certificates by enrollment",
         {QStringLiteral("CREATE INDEX certificates_enrollment ON certificates(enrollment_id, id)")}},
        // A random SO PIN is sealed for its enrollment before the token is initialized with it, and moved to the
        // token once it is recorded prepared: a desk stopped in between (a pulled token, a crash) still knows the
        // SO PIN of the token it initialized, and takes that token up again when it comes back.
        {12,
         "SO PINs sealed before their token is initialized",
         {QStringLiteral(
             "CREATE TABLE pending_token_secrets ("
             " enrollment_id INTEGER PRIMARY KEY REFERENCES enrollments(id),"
             " sealed TEXT NOT NULL," // base64: nonce || AES-256-GCM(SO PIN), bound to the enrollment || tag
             " created_at TEXT NOT NULL)")}},
        // The desk's sealing key pair (SealedSecrets.h): a clerk's work seals to its public half; only the desk key
        // opens its private half. Each sealed secret says how it was sealed.
        {13,
         "the desk's sealing key pair, so that work without a supervisor seals random SO PINs too",
         {QStringLiteral("CREATE TABLE desk_sealing_key ("
                         " id INTEGER PRIMARY KEY CHECK (id = 1),"
                         " public_key TEXT NOT NULL,"      // base64: X25519 public key
                         " wrapped_private TEXT NOT NULL," // base64: nonce || AES-256-GCM(private key) || tag
                         " created_at TEXT NOT NULL)"),
          QStringLiteral("ALTER TABLE token_secrets ADD COLUMN scheme TEXT NOT NULL DEFAULT 'desk_key' "
                         "CHECK (scheme IN ('desk_key', 'desk_public_key'))"),
          QStringLiteral("ALTER TABLE pending_token_secrets ADD COLUMN scheme TEXT NOT NULL DEFAULT 'desk_key' "
                         "CHECK (scheme IN ('desk_key', 'desk_public_key'))")}},
        // Revocation applications under the two-person rule (Revocations.h): who took it, the officer's statement,
        // the date of the event, who approved it, and why it was refused or withdrawn.
        {14,
         "revocation applications: taken by one operator, approved by a second",
         {QStringLiteral("ALTER TABLE revocation_requests ADD COLUMN taken_by TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE revocation_requests ADD COLUMN statement TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE revocation_requests ADD COLUMN event_date TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE revocation_requests ADD COLUMN approved_by TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE revocation_requests ADD COLUMN approved_at TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE revocation_requests ADD COLUMN closing_note TEXT NOT NULL DEFAULT ''"),
          // The printed form the officer signed: its SHA-256, as a receipt's is kept with its enrollment.
          QStringLiteral("ALTER TABLE revocation_requests ADD COLUMN form_sha256 TEXT NOT NULL DEFAULT ''"),
          // The CA's word: when Tamga found the serial in the CA's CRL, and that CRL's date.
          QStringLiteral("ALTER TABLE revocation_requests ADD COLUMN confirmed_at TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE revocation_requests ADD COLUMN confirmation TEXT NOT NULL DEFAULT ''"),
          // A submission under way (Revocations::submit): claimed before the CA is asked, so it is never sent twice.
          QStringLiteral("ALTER TABLE revocation_requests ADD COLUMN submitting_since TEXT NOT NULL DEFAULT ''"),
          QStringLiteral(
              "CREATE INDEX revocation_requests_certificate ON revocation_requests(certificate_id, state)")}},
        // Renewals (Renewals.h): an officer's expiring certificate replaced by a new enrollment; the old key and
        // certificate are deleted from the token only once the new one is verified.
        {15,
         "renewals: the new enrollment of an expiring certificate, and the old key's retirement",
         {QStringLiteral("CREATE TABLE renewals ("
                         " id INTEGER PRIMARY KEY,"
                         " old_enrollment_id INTEGER NOT NULL REFERENCES enrollments(id),"
                         " new_enrollment_id INTEGER NOT NULL UNIQUE REFERENCES enrollments(id),"
                         " state TEXT NOT NULL CHECK (state IN ('started', 'completed')),"
                         " revoke_old INTEGER NOT NULL DEFAULT 0," // 1: the old certificate revoked as superseded
                         " started_by TEXT NOT NULL,"
                         " started_at TEXT NOT NULL,"
                         " old_key_retired TEXT NOT NULL DEFAULT ''," // 'deleted', or why it stayed
                         " revocation_id INTEGER REFERENCES revocation_requests(id),"
                         " completed_at TEXT NOT NULL DEFAULT '')"),
          QStringLiteral("CREATE INDEX renewals_old ON renewals(old_enrollment_id)")}},
    };
    return steps;
}

} // namespace tamga::core
